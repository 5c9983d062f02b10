package fr.recouvrement.legal.insolvency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the BODACC's commercial announcements through the DILA's Opendatasoft portal (Explore API
 * v2.1, dataset {@code annonces-commerciales}, free and without a key):
 *
 * <pre>
 * GET {base}/api/explore/v2.1/catalog/datasets/annonces-commerciales/records
 *     ?where=familleavis="collective" and dateparution>=date'2026-06-06' and (registre="552100554" or registre="…")
 *     &amp;order_by=dateparution&amp;limit=100&amp;offset=0
 * → {"total_count": 1, "results": [{"id": "A202611180123", "typeavis": "annonce", "familleavis": "collective",
 *     "dateparution": "2026-11-18", "tribunal": "TRIBUNAL DE COMMERCE DE LYON", "commercant": "…",
 *     "registre": ["552 100 554", "552100554"],
 *     "jugement": "{\"type\": \"initial\", \"famille\": \"Jugement d'ouverture\",
 *                   \"nature\": \"Jugement d'ouverture d'une procédure de redressement judiciaire\", \"date\": \"2026-11-12\", …}"}]}
 * </pre>
 *
 * {@code jugement} is a JSON document held in a text field. Politeness: one request at a time, a
 * timeout per request, and a failed request (network, 5xx, 429) tried again after a back-off that
 * doubles, or after the {@code Retry-After} a 429 gives.
 */
class BodaccClient {
  static final String RECORDS = "/api/explore/v2.1/catalog/datasets/annonces-commerciales/records";
  static final int PAGE = 100;
  private static final Logger log = LoggerFactory.getLogger(BodaccClient.class);

  /**
   * The BODACC could not be read for a batch this time: nothing of that batch is decided; the next
   * run asks again.
   */
  static class BodaccUnavailableException extends RuntimeException {
    BodaccUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Waits between attempts; a test may shorten it. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final BodaccWatchSettings settings;
  private final ObjectMapper json;
  private final HttpClient http;
  private final Sleeper sleeper;

  BodaccClient(BodaccWatchSettings settings, ObjectMapper json, Sleeper sleeper) {
    this.settings = settings;
    this.json = json;
    this.sleeper = sleeper;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.timeout())
            .build();
  }

  /** The opening judgments published since {@code since} about these SIRENs (every page). */
  List<BodaccAnnouncement> openingJudgments(Collection<String> sirens, LocalDate since) {
    Set<String> wanted = Set.copyOf(sirens);
    String where =
        "familleavis=\"collective\" and dateparution>=date'"
            + since
            + "' and ("
            + sirens.stream().map(s -> "registre=\"" + s + "\"").collect(Collectors.joining(" or "))
            + ")";
    List<BodaccAnnouncement> found = new ArrayList<>();
    for (int offset = 0; ; offset += PAGE) {
      JsonNode page = get(where, offset);
      JsonNode results = page.path("results");
      for (JsonNode record : results) {
        read(record, wanted).ifPresent(found::add);
      }
      long total = page.path("total_count").asLong(0);
      // the portal serves at most 10,000 records per query; a batch of SIRENs never comes near it
      if (results.size() < PAGE || offset + PAGE >= total || offset + 2 * PAGE > 10_000) {
        return found;
      }
    }
  }

  private JsonNode get(String where, int offset) {
    URI uri =
        URI.create(
            base()
                + RECORDS
                + "?where="
                + encode(where)
                + "&order_by="
                + encode("dateparution")
                + "&limit="
                + PAGE
                + "&offset="
                + offset);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.timeout())
            .header("Accept", "application/json")
            .header("User-Agent", "Recouvrement-veille-BODACC/1.0")
            .GET()
            .build();
    Exception last = null;
    for (int attempt = 1; attempt <= Math.max(1, settings.maxAttempts()); attempt++) {
      Duration wait = settings.backoff().multipliedBy(1L << Math.min(attempt - 1, 10));
      try {
        HttpResponse<String> response =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status == 200) {
          return json.readTree(response.body());
        }
        last = new IOException("BODACC answered " + status + ": " + abbreviate(response.body()));
        if (status == 429) {
          wait = retryAfter(response).orElse(wait);
        } else if (status < 500) {
          // our query is wrong: asking again will not help
          throw new BodaccUnavailableException(
              "The BODACC refused the query (" + status + "): " + abbreviate(response.body()),
              null);
        }
      } catch (IOException e) {
        last = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BodaccUnavailableException("Interrupted while reading the BODACC", e);
      }
      if (attempt < settings.maxAttempts()) {
        log.info(
            "BODACC request failed (attempt {} of {}: {}); trying again in {}",
            attempt,
            settings.maxAttempts(),
            last.getMessage(),
            wait);
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new BodaccUnavailableException(
              "Interrupted while waiting to ask the BODACC again", e);
        }
      }
    }
    throw new BodaccUnavailableException(
        "The BODACC did not answer after "
            + settings.maxAttempts()
            + " attempts: "
            + (last == null ? "" : last.getMessage()),
        last);
  }

  /** A 429's {@code Retry-After} in seconds, within the configured ceiling. */
  private Optional<Duration> retryAfter(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            v -> {
              try {
                Duration asked = Duration.ofSeconds(Long.parseLong(v.trim()));
                return Optional.of(
                    asked.compareTo(settings.maxRetryAfter()) > 0
                        ? settings.maxRetryAfter()
                        : asked);
              } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: the doubling back-off is as polite
              }
            });
  }

  /**
   * The opening judgment one record announces, if it is one: an initial announcement (not a
   * correction or a cancellation) of the family « Jugement d'ouverture » whose nature names a
   * sauvegarde, a redressement or a liquidation judiciaire, about one of the SIRENs asked for.
   */
  Optional<BodaccAnnouncement> read(JsonNode record, Set<String> wanted) {
    String id = text(record.path("id"));
    String typeAvis = text(record.path("typeavis"));
    if (id == null || typeAvis != null && !typeAvis.equalsIgnoreCase("annonce")) {
      return Optional.empty();
    }
    Optional<String> siren =
        sirens(record.path("registre")).stream().filter(wanted::contains).findFirst();
    if (siren.isEmpty()) {
      return Optional.empty();
    }
    JsonNode judgment = judgment(record.path("jugement"));
    String famille = lower(text(judgment.path("famille")));
    String nature = text(judgment.path("nature"));
    if (famille == null || !famille.contains("ouverture") || nature == null) {
      return Optional.empty();
    }
    Optional<InsolvencyProcedure> procedure = procedure(nature);
    LocalDate published = date(text(record.path("dateparution")));
    LocalDate judged = date(text(judgment.path("date")));
    if (procedure.isEmpty() || published == null || judged == null) {
      log.warn(
          "BODACC announcement {} about {} not understood (nature « {} », dates {} / {}): look at it by hand",
          id,
          siren.get(),
          nature,
          judgment.path("date").asText(""),
          record.path("dateparution").asText(""));
      return Optional.empty();
    }
    return Optional.of(
        new BodaccAnnouncement(
            id,
            siren.get(),
            text(record.path("commercant")),
            procedure.get(),
            nature,
            text(record.path("tribunal")),
            judged,
            published));
  }

  static Optional<InsolvencyProcedure> procedure(String nature) {
    String n = nature.toLowerCase(Locale.FRENCH);
    if (n.contains("liquidation judiciaire")) {
      return Optional.of(InsolvencyProcedure.LIQUIDATION);
    }
    if (n.contains("redressement judiciaire")) {
      return Optional.of(InsolvencyProcedure.REDRESSEMENT);
    }
    if (n.contains("sauvegarde")) {
      return Optional.of(InsolvencyProcedure.SAUVEGARDE);
    }
    return Optional.empty();
  }

  /** {@code jugement}: a JSON document in a text field (an object on some exports). */
  private JsonNode judgment(JsonNode field) {
    if (field.isObject()) {
      return field;
    }
    String raw = text(field);
    if (raw == null) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(raw);
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }

  /**
   * {@code registre}: a list ({@code ["552 100 554", "552100554"]}) or one text; the 9 digits of
   * each.
   */
  private static List<String> sirens(JsonNode registre) {
    List<String> found = new ArrayList<>();
    if (registre.isArray()) {
      registre.forEach(r -> found.add(r.asText("").replaceAll("\\s", "")));
    } else if (registre.isTextual()) {
      for (String part : registre.asText().split(",")) {
        found.add(part.replaceAll("\\s", ""));
      }
    }
    return found.stream().filter(s -> s.matches("\\d{9}")).toList();
  }

  private static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(JsonNode node) {
    return node.isValueNode() && !node.isNull() && !node.asText().isBlank()
        ? node.asText().trim()
        : null;
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.FRENCH);
  }

  private String base() {
    String base = settings.baseUrl().trim();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String body) {
    String b = body == null ? "" : body.replaceAll("\\s+", " ");
    return b.length() > 200 ? b.substring(0, 200) + "…" : b;
  }
}

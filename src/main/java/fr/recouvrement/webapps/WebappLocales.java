package fr.recouvrement.webapps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The French locale of the Camunda webapps ({@code /camunda/app/<app>/locales/fr.json}, asked for
 * by the webapps as their {@code scripts/config.js} makes French the default): our own translation
 * ({@code webapps/locales/<app>-fr.json}) laid over the webapp's English labels, so a label we have
 * not translated yet reads in English rather than as its raw key. The French date names are ours
 * too ({@code webapps/locales/date-fr.json}).
 */
@RestController
class WebappLocales {
  static final Set<String> APPS = Set.of("tasklist", "cockpit", "admin", "welcome");
  private static final String ENGLISH = "META-INF/resources/webjars/camunda/app/%s/locales/en.json";
  private static final String FRENCH = "webapps/locales/%s-fr.json";
  private static final String FRENCH_DATES = "webapps/locales/date-fr.json";

  private final ObjectMapper json;
  private final Map<String, byte[]> merged = new ConcurrentHashMap<>();

  WebappLocales(ObjectMapper json) {
    this.json = json;
  }

  @GetMapping(value = "${camunda.bpm.webapp.application-path:/camunda}/app/{app}/locales/fr.json")
  ResponseEntity<byte[]> french(@PathVariable String app) {
    if (!APPS.contains(app)) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noCache())
        .body(merged.computeIfAbsent(app, this::merge));
  }

  /** The webapp's English labels, each replaced by ours where we have it; French date names. */
  JsonNode labels(String app) {
    try {
      return json.readTree(merged.computeIfAbsent(app, this::merge));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] merge(String app) {
    ObjectNode english = (ObjectNode) read(ENGLISH.formatted(app));
    JsonNode french = read(FRENCH.formatted(app));
    ObjectNode labels =
        english.has("labels") ? (ObjectNode) english.get("labels") : english.putObject("labels");
    french.path("labels").fields().forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
    if (english.has("dateLocales")) {
      english.set("dateLocales", read(FRENCH_DATES));
    }
    try {
      return json.writeValueAsBytes(english);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode read(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // the webapps' files start with a byte-order mark
      return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (IOException e) {
      throw new UncheckedIOException("Webapp locale file missing: " + path, e);
    }
  }
}

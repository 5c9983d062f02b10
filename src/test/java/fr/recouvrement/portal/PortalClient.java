package fr.recouvrement.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A debtor's browser without the browser: keeps the session cookie, reads the forms' hidden fields,
 * posts them.
 */
final class PortalClient {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern SUBMISSION =
      Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");

  record Page(int status, String body, String location) {
    String csrf() {
      return find(CSRF);
    }

    String submission() {
      return find(SUBMISSION);
    }

    private String find(Pattern p) {
      Matcher m = p.matcher(body);
      if (!m.find()) {
        throw new AssertionError("No " + p + " in the page (status " + status + ")");
      }
      return m.group(1);
    }
  }

  /** A file field of a multipart form. */
  record Part(String name, String fileName, String contentType, byte[] content) {}

  private final int port;
  private final HttpClient http;

  PortalClient(int port) {
    this.port = port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  Page get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  /**
   * Opens a link the way a debtor does: a full URL from a message (its host is this server in
   * tests).
   */
  Page open(String url) {
    return get(URI.create(url).getPath());
  }

  Page post(String path, Map<String, String> fields) {
    String form =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  Page postMultipart(String path, Map<String, List<String>> fields, List<Part> files) {
    String boundary = "----portal" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      for (Map.Entry<String, List<String>> f : fields.entrySet()) {
        for (String value : f.getValue()) {
          body.write(
              ("--"
                      + boundary
                      + "\r\nContent-Disposition: form-data; name=\""
                      + f.getKey()
                      + "\"\r\n\r\n"
                      + value
                      + "\r\n")
                  .getBytes(StandardCharsets.UTF_8));
        }
      }
      for (Part p : files) {
        body.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + p.name()
                    + "\"; filename=\""
                    + p.fileName()
                    + "\"\r\nContent-Type: "
                    + p.contentType()
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(p.content());
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  /** Follows the redirect after a form (POST, then GET of the page with its message). */
  Page follow(Page redirect) {
    if (redirect.location() == null) {
      throw new AssertionError("Not a redirect: " + redirect.status() + "\n" + redirect.body());
    }
    return open(
        redirect.location().startsWith("http")
            ? redirect.location()
            : "http://localhost" + redirect.location());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private Page send(HttpRequest request) {
    try {
      HttpResponse<String> r =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package fr.recouvrement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls the running application over real HTTP, as an ERP or a script would. */
public final class ApiClient {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final String authorization;

  public ApiClient(int port, String user, String password) {
    this.base = "http://localhost:" + port;
    this.authorization =
        user == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  /** A GET with the client's own Accept header (a browser's, for instance). */
  public Response get(String path, String accept) {
    return send(request(path).setHeader("Accept", accept).GET());
  }

  public Response postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A JSON POST with one more request header (e.g. {@code Prefer: respond-async}). */
  public Response postJson(String path, String json, String header, String value) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .header(header, value)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response post(String path, String contentType, String body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Response post(String path, String contentType, HttpRequest.BodyPublisher body) {
    return send(request(path).header("Content-Type", contentType).POST(body));
  }

  public Response putJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "application/json, application/problem+json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public record Response(int status, String contentType, String body, HttpHeaders headers) {
    /** The first value of a response header, or "" when absent. */
    public String header(String name) {
      return headers.firstValue(name).orElse("");
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }
}

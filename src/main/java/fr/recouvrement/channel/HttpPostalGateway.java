package fr.recouvrement.channel;

import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The postal provider's REST API, the contract this application expects:
 *
 * <pre>
 * POST {recouvrement.postal.base-url}/letters
 * Authorization: Bearer {recouvrement.postal.api-key}
 * Idempotency-Key: {clientReference}
 * Content-Type: application/json
 *
 * {"clientReference": "DOS-2026-000123/…/Task_SendLetter/3",
 *  "registered": true,                      // LRAR: registered, with acknowledgement of receipt
 *  "sender":    {"name": "…", "address": "…"},
 *  "recipient": {"name": "…", "line1": "…", "postalCode": "69003", "city": "Lyon", "country": "FR"},
 *  "document":  {"fileName": "….pdf", "contentType": "application/pdf", "sha256": "…", "base64": "JVBERi0…"}}
 *
 * 200 or 201  {"trackingId": "1A12345678901", ...}
 * </pre>
 *
 * A repeated {@code clientReference} must be answered with the letter already created (200, same
 * trackingId), never a second mission. Any other status, or no answer within the read timeout,
 * fails the step, which the job retries.
 */
final class HttpPostalGateway implements PostalGateway {
  private final RestClient client;
  private final Duration readTimeout;

  HttpPostalGateway(PostalSettings settings, RestClient.Builder builder) {
    // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on plain http, which some servers reset
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout()).build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(settings.readTimeout());
    this.readTimeout = settings.readTimeout();
    String base = settings.baseUrl().endsWith("/") ? settings.baseUrl().substring(0, settings.baseUrl().length() - 1) : settings.baseUrl();
    RestClient.Builder configured = builder.baseUrl(base).requestFactory(requests);
    if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
      configured = configured.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey());
    }
    this.client = configured.build();
  }

  record LetterRequest(
      String clientReference, boolean registered, Sender sender, Recipient recipient, DocumentPart document) {}

  record DocumentPart(String fileName, String contentType, String sha256, String base64) {}

  record LetterResponse(String trackingId) {}

  @Override
  public Delivery send(Letter letter) {
    LetterRequest body =
        new LetterRequest(
            letter.clientReference(),
            letter.registered(),
            letter.sender(),
            letter.recipient(),
            new DocumentPart(letter.fileName(), "application/pdf", letter.sha256(), Base64.getEncoder().encodeToString(letter.pdf())));
    LetterResponse answer;
    try {
      answer =
          client
              .post()
              .uri("/letters")
              .contentType(MediaType.APPLICATION_JSON)
              .accept(MediaType.APPLICATION_JSON)
              .header("Idempotency-Key", letter.clientReference())
              .body(body)
              .retrieve()
              .body(LetterResponse.class);
    } catch (ResourceAccessException e) {
      if (e.getCause() instanceof HttpTimeoutException) {
        throw new ResourceAccessException(
            "The postal provider did not answer within %s (recouvrement.postal.read-timeout): letter %s may or may not"
                    .formatted(readTimeout, letter.clientReference())
                + " have been taken; the retry sends the same client reference",
            (HttpTimeoutException) e.getCause());
      }
      throw e;
    }
    if (answer == null || answer.trackingId() == null || answer.trackingId().isBlank()) {
      throw new IllegalStateException("The postal provider accepted letter " + letter.clientReference() + " without a trackingId");
    }
    return Delivery.sent(answer.trackingId());
  }
}

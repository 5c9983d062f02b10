package fr.recouvrement.channel;

import fr.recouvrement.kernel.provider.ProviderRestClients;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.MediaType;
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
    this.readTimeout = settings.readTimeout();
    this.client =
        ProviderRestClients.build(
            builder,
            settings.baseUrl(),
            settings.apiKey(),
            settings.connectTimeout(),
            settings.readTimeout());
  }

  record LetterRequest(
      String clientReference,
      boolean registered,
      Sender sender,
      Recipient recipient,
      DocumentPart document) {}

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
            new DocumentPart(
                letter.fileName(),
                "application/pdf",
                letter.sha256(),
                Base64.getEncoder().encodeToString(letter.pdf())));
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
      throw new IllegalStateException(
          "The postal provider accepted letter "
              + letter.clientReference()
              + " without a trackingId");
    }
    return Delivery.sent(answer.trackingId());
  }
}

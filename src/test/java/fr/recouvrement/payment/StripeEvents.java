package fr.recouvrement.payment;

import fr.recouvrement.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's side of a payment, for the tests: a paid Checkout event, signed, delivered to our
 * webhook.
 */
public final class StripeEvents {
  private StripeEvents() {}

  /**
   * A {@code checkout.session.completed} event as Stripe sends it for a card payment (the fields we
   * read, and some we do not).
   */
  public static String paidEvent(
      String eventId, String paymentIntent, String reference, long cents) {
    return """
        {"id": "%s", "object": "event", "api_version": "2025-08-27.basil", "created": %d, "livemode": false,
         "type": "checkout.session.completed", "pending_webhooks": 1,
         "data": {"object": {"id": "cs_test_%s", "object": "checkout.session", "mode": "payment", "status": "complete",
                             "payment_status": "paid", "amount_total": %d, "amount_subtotal": %d, "currency": "eur",
                             "client_reference_id": "%s", "payment_intent": "%s",
                             "metadata": {"caseReference": "%s"}}}}"""
        .formatted(
            eventId,
            Instant.now().getEpochSecond(),
            paymentIntent,
            cents,
            cents,
            reference,
            paymentIntent,
            reference);
  }

  public static String sign(String payload, Instant at) {
    return sign(payload, at, TestServers.STRIPE_WEBHOOK_SECRET);
  }

  /**
   * Stripe's scheme, written from its documentation: {@code t=<seconds>,v1=<hex HMAC-SHA256(secret,
   * t + "." + payload)>}.
   */
  public static String sign(String payload, Instant at, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String t = Long.toString(at.getEpochSecond());
      return "t="
          + t
          + ",v1="
          + HexFormat.of()
              .formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static HttpResponse<String> deliver(int port, String payload, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/callbacks/stripe"))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    try {
      return HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .build()
          .send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

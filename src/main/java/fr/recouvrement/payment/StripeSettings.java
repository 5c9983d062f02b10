package fr.recouvrement.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recouvrement.payment.stripe.*}: Stripe Checkout for the debtor portal. {@code secretKey}
 * ({@code sk_live_…}, from the environment) turns online payment on; {@code webhookSecret} ({@code
 * whsec_…}, shown by Stripe when the webhook endpoint is added) verifies the payment notifications;
 * {@code apiBaseUrl} points the SDK elsewhere than Stripe (a test server). {@code
 * webhookTolerance}: how old a signed notification may be (a captured one cannot be replayed
 * later).
 */
@ConfigurationProperties("recouvrement.payment.stripe")
record StripeSettings(
    String secretKey,
    String webhookSecret,
    @DefaultValue(StripeSettings.STRIPE_API) String apiBaseUrl,
    @DefaultValue("5m") Duration webhookTolerance,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout) {
  static final String STRIPE_API = "https://api.stripe.com";
  static final String SECRET_KEY = "recouvrement.payment.stripe.secret-key";
  static final String WEBHOOK_SECRET = "recouvrement.payment.stripe.webhook-secret";

  /**
   * Both secrets set: online payment is offered; none: it is not. One without the other is a
   * mistake said at start.
   */
  boolean configured() {
    boolean key = secretKey != null && !secretKey.isBlank();
    boolean webhook = webhookSecret != null && !webhookSecret.isBlank();
    if (key != webhook) {
      throw new IllegalStateException(
          "Stripe is half configured: set recouvrement.payment.stripe.secret-key and .webhook-secret together"
              + " (a payment whose notification cannot be verified would never reach the case), or neither");
    }
    return key;
  }
}

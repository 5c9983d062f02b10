package fr.recouvrement.payment;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/callbacks/stripe}: Stripe's notifications (webhook events). Open to anyone like
 * the other provider callbacks, and authenticated by Stripe's signature: header {@code
 * Stripe-Signature: t=<epoch seconds>,v1=<hex HMAC-SHA256(webhook-secret, t + "." + body)>},
 * checked by Stripe's SDK against {@code recouvrement.payment.stripe.webhook-secret}, and refused
 * when older or newer than {@code webhook-tolerance} (5 minutes).
 *
 * <p>Answers: 400 problem+json for a missing, wrong or stale signature (counted in {@code
 * recouvrement.callbacks.refused{provider=stripe}}; nothing is read from the body); then what
 * {@link StripeWebhooks#receive} answers. Register in Stripe's dashboard the events {@code
 * checkout.session.completed} and {@code checkout.session.async_payment_succeeded}.
 */
@RestController
@RequestMapping("/api/callbacks/stripe")
@Conditional(StripeConfigured.class)
class StripeWebhookController {
  static final String SIGNATURE_HEADER = "Stripe-Signature";
  private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

  /**
   * Counted here and read by the metric, so the count is right whether or not a registry is present
   * yet.
   */
  private static final AtomicLong REFUSED = new AtomicLong();

  static {
    FunctionCounter.builder("recouvrement.callbacks.refused", REFUSED, AtomicLong::get)
        .description("Provider callbacks refused for a missing, wrong or stale signature")
        .tag("provider", StripePaymentProvider.NAME)
        .register(Metrics.globalRegistry);
  }

  private final StripeSettings settings;
  private final StripeWebhooks webhooks;

  StripeWebhookController(StripeSettings settings, StripeWebhooks webhooks) {
    this.settings = settings;
    this.webhooks = webhooks;
  }

  @PostMapping(
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> receive(
      @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature,
      @RequestBody byte[] body) {
    String payload = new String(body, StandardCharsets.UTF_8);
    try {
      if (signature == null || signature.isBlank()) {
        throw new SignatureVerificationException("No " + SIGNATURE_HEADER + " header", null);
      }
      Webhook.Signature.verifyHeader(
          payload, signature, settings.webhookSecret(), settings.webhookTolerance().toSeconds());
    } catch (SignatureVerificationException e) {
      REFUSED.incrementAndGet();
      log.warn("Stripe notification refused: {}", e.getMessage());
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST,
              "The "
                  + SIGNATURE_HEADER
                  + " header is missing, does not match the body with the webhook secret, or is"
                  + " older than "
                  + settings.webhookTolerance().toMinutes()
                  + " minutes; nothing was recorded.");
      problem.setTitle("Invalid signature");
      problem.setProperty("field", SIGNATURE_HEADER);
      return ResponseEntity.badRequest()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    return webhooks.receive(payload);
  }

  /** How many notifications were refused since start (what the counter holds). */
  static long refused() {
    return REFUSED.get();
  }
}

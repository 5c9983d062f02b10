package fr.recouvrement.payment;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe Checkout: one hosted payment page per request, in euros, for exactly the amount asked. The
 * case reference travels in the session's and the payment's metadata, so the webhook ({@link
 * StripeWebhookController}) knows which case a payment belongs to.
 */
class StripePaymentProvider implements PaymentProvider {
  static final String NAME = "stripe";
  static final String CURRENCY = "eur";

  /** The metadata key carrying our case reference, on the session and on its payment intent. */
  static final String CASE_REFERENCE = "caseReference";

  private static final Logger log = LoggerFactory.getLogger(StripePaymentProvider.class);

  private final StripeClient stripe;

  StripePaymentProvider(StripeClient stripe) {
    this.stripe = stripe;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Checkout startCheckout(CheckoutRequest request) {
    long cents = Cents.of(request.amount());
    String back = request.returnUrl().toString();
    SessionCreateParams params =
        SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.PAYMENT)
            .setLocale(SessionCreateParams.Locale.FR)
            .setClientReferenceId(request.caseReference())
            .putMetadata(CASE_REFERENCE, request.caseReference())
            .setPaymentIntentData(
                SessionCreateParams.PaymentIntentData.builder()
                    .putMetadata(CASE_REFERENCE, request.caseReference())
                    .build())
            .setSuccessUrl(back + (back.contains("?") ? "&" : "?") + "paiement=merci")
            .setCancelUrl(back)
            .addLineItem(
                SessionCreateParams.LineItem.builder()
                    .setQuantity(1L)
                    .setPriceData(
                        SessionCreateParams.LineItem.PriceData.builder()
                            .setCurrency(CURRENCY)
                            .setUnitAmount(cents)
                            .setProductData(
                                SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                    .setName(request.description())
                                    .build())
                            .build())
                    .build())
            .build();
    RequestOptions options =
        RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build();
    try {
      Session session = stripe.v1().checkout().sessions().create(params, options);
      log.info(
          "Stripe checkout {} opened for case {}: {} cents",
          session.getId(),
          request.caseReference(),
          cents);
      return new Checkout(session.getId(), URI.create(session.getUrl()));
    } catch (StripeException e) {
      // the message names Stripe's error code, never the key
      throw new PaymentProviderException(
          "Stripe refused to open a checkout for case "
              + request.caseReference()
              + ": "
              + e.getMessage(),
          e);
    }
  }
}

package fr.recouvrement.payment;

import java.math.BigDecimal;
import java.net.URI;

/**
 * An online payment service offered to a debtor on the portal (card or instant transfer on the
 * provider's own hosted page). At most one bean implements it, and only when the creditor has
 * configured a provider; without one the portal shows no « Payer en ligne » button.
 *
 * <p>The provider's notification of a completed payment (its webhook) is verified and turned into
 * one payment of the case by the implementation, keyed by the provider's payment id, so a
 * notification delivered twice records one payment.
 */
public interface PaymentProvider {

  /**
   * Short name stored with the payments it brings in and shown in the KPIs, e.g. {@code stripe}.
   */
  String name();

  /**
   * Opens a hosted checkout for an amount of a case; the debtor's browser is sent to {@link
   * Checkout#url()}.
   */
  Checkout startCheckout(CheckoutRequest request);

  /**
   * What the debtor is asked to pay. {@code idempotencyKey} makes a double click open one checkout;
   * {@code returnUrl} is where the provider sends the debtor back (the portal page).
   */
  record CheckoutRequest(
      String caseReference,
      BigDecimal amount,
      String description,
      URI returnUrl,
      String idempotencyKey) {}

  /** A checkout opened at the provider: its id there and the page to send the debtor to. */
  record Checkout(String providerId, URI url) {}
}

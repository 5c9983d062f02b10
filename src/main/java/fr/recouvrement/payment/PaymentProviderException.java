package fr.recouvrement.payment;

/**
 * The payment provider could not be reached or refused the request; the portal says « paiement
 * indisponible ».
 */
public class PaymentProviderException extends RuntimeException {
  public PaymentProviderException(String message, Throwable cause) {
    super(message, cause);
  }
}

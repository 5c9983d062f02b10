package fr.recouvrement.legal.bailiff;

/**
 * The provider did not take a request. {@link #retryable()} is false for a refusal (4xx): the same
 * request will be refused again, the incident in Cockpit carries the provider's reason.
 */
public class BailiffProviderException extends RuntimeException {
  private final int status;

  BailiffProviderException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status the provider answered, 0 when it did not answer. */
  public int status() {
    return status;
  }

  public boolean retryable() {
    return status == 0 || status >= 500;
  }
}

package fr.recouvrement.channel;

import java.time.Duration;

/**
 * A provider refused a request for now and said how long to wait (HTTP 429 or 503 with {@code
 * Retry-After}). The step fails like any other failure (the communication log records it, nothing
 * was sent); {@link ProviderBusyRetries} then makes sure the job's next attempt is not before that
 * wait is over, whatever the step's retry cycle says.
 */
public class ProviderBusyException extends RuntimeException {
  private final Duration retryAfter;

  public ProviderBusyException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** How long the provider asked us to wait; never negative. */
  public Duration retryAfter() {
    return retryAfter;
  }
}

package fr.recouvrement.channel;

/**
 * Another executor is delivering the same step right now (its lease is live): this one does not
 * send. The job fails and is retried later, when the other attempt has finished (SENT: nothing to
 * do) or its lease has expired (taken for a crash: sent again).
 */
public class DeliveryInFlightException extends IllegalStateException {
  DeliveryInFlightException(String idempotencyKey, java.time.Instant leaseUntil) {
    super(
        "Communication "
            + idempotencyKey
            + " is being delivered by another executor (lease until "
            + leaseUntil
            + "): not sent twice, this attempt will be retried");
  }
}

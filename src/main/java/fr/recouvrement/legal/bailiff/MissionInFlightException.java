package fr.recouvrement.legal.bailiff;

import java.time.Instant;

/**
 * Another executor is asking the bailiff for the same mission right now (its lease is live): this
 * one does not call. The job fails and is retried later.
 */
public class MissionInFlightException extends IllegalStateException {
  MissionInFlightException(String clientReference, Instant leaseUntil) {
    super(
        "Bailiff mission "
            + clientReference
            + " is being requested by another executor (lease until "
            + leaseUntil
            + "): not requested twice, this attempt will be retried");
  }
}

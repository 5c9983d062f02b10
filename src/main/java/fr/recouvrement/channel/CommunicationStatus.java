package fr.recouvrement.channel;

/**
 * Where a communication stands. A row is written PENDING before the provider is called, then
 * becomes SENT, DRY_RUN (channel not configured: rendered and recorded, not delivered) or FAILED.
 * NOTHING_DUE is never stored: it is what a reminder step reports when the case owes nothing.
 */
public enum CommunicationStatus {
  PENDING,
  SENT,
  DRY_RUN,
  FAILED,
  NOTHING_DUE;

  /** Already done: a retried step finding this status does not send again. */
  boolean done() {
    return this == SENT || this == DRY_RUN;
  }
}

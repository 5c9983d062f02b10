package fr.recouvrement.dispute;

/** How a dispute ends: the {@code disputeOutcome} variable the dispute process returns. */
public enum DisputeOutcome {
  /** A credit note (avoir) cancels the amount credited. */
  CREDIT_NOTE,
  /** The dispute is accepted in part: the accepted amount is cancelled. */
  PARTIAL,
  /** Rejected: the reason goes to the debtor and reminders resume. */
  REJECTED
}

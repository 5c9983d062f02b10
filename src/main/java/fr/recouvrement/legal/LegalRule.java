package fr.recouvrement.legal;

/**
 * The legal periods the processes use, one code per row group of the {@code legal-deadlines}
 * decision (processes/decisions/legal-deadlines.dmn). The figures and their articles live in the
 * table, dated, so that a change of the law is a new row, not a release.
 */
public enum LegalRule {
  /** Serve an order to pay within this period of its date, or it is void (CPC 1411). */
  ORDER_TO_PAY_SERVICE,
  /** The debtor may oppose an order to pay within this period of its service (CPC 1416, 643). */
  ORDER_TO_PAY_OPPOSITION,
  /** From service, how long the creditor waits before enforcing an order to pay. */
  ORDER_TO_PAY_ENFORCEMENT_WAIT,
  /**
   * Order not served to the person: opposition open until this period after the first personal act
   * (CPC 1416 al. 2).
   */
  OPPOSITION_AFTER_PERSONAL_ACT,
  /** Small-claims procedure: the debtor's time to accept (CPCE R125-2). */
  SMALL_CLAIMS_ANSWER,
  /** The shortest deadline a formal notice may give. */
  FORMAL_NOTICE_MINIMUM,
  /** The deadline a formal notice usually gives. */
  FORMAL_NOTICE_USUAL,
  /** Proof of claim after the BODACC publication (C. com. R622-24). */
  PROOF_OF_CLAIM,
  /** Late relief (relevé de forclusion) after the BODACC publication (C. com. L622-26). */
  RELEVE_DE_FORCLUSION,
  /** A professional's claim on a consumer (C. consom. L218-2). */
  PRESCRIPTION_CONSUMER,
  /** Any other claim of this (professional) creditor (C. com. L110-4, C. civ. 2224). */
  PRESCRIPTION_DEFAULT,
  /** Enforcing a court decision (CPCE L111-4). */
  PRESCRIPTION_TITLE,
  /** What is left at least after a suspension ends (C. civ. 2238 al. 2). */
  PRESCRIPTION_MINIMUM_AFTER_SUSPENSION
}

package fr.recouvrement.legal;

/** What can happen on the legal path of a case, and what each does to prescription. */
public enum LegalEventType {
  FORMAL_NOTICE_SENT(Effect.NONE),
  FORMAL_NOTICE_ACKNOWLEDGED(Effect.NONE),
  SMALL_CLAIMS_REQUESTED(Effect.NONE),
  /** C. civ. 2238: the agreement suspends prescription while the procedure runs. */
  SMALL_CLAIMS_AGREED(Effect.SUSPENDS),
  SMALL_CLAIMS_REFUSED(Effect.NONE),
  /** C. civ. 2241: a court claim interrupts prescription (restarts it). */
  ORDER_TO_PAY_FILED(Effect.INTERRUPTS),
  ORDER_TO_PAY_GRANTED(Effect.NONE),
  ORDER_TO_PAY_REJECTED(Effect.NONE),
  ORDER_TO_PAY_SERVED(Effect.NONE),
  ORDER_TO_PAY_OPPOSED(Effect.NONE),
  ORDER_TO_PAY_LAPSED(Effect.NONE),
  LAWSUIT_DECIDED(Effect.NONE),
  /** CPCE L111-4: from here the claim is enforceable for 10 years. */
  ENFORCEABLE_TITLE(Effect.TITLE),
  /** C. civ. 2244: an enforcement measure interrupts prescription. */
  ENFORCEMENT_MEASURE(Effect.INTERRUPTS),
  ENFORCEMENT_REPORTED(Effect.NONE),
  AGENCY_HANDOVER(Effect.NONE),
  INSOLVENCY_OPENED(Effect.NONE),
  /**
   * C. com. L622-25-1: the proof of claim interrupts prescription until the procedure closes. The
   * event stays open ({@code ends_on} null) while the procedure runs; its closure sets {@code ends_on}.
   */
  PROOF_OF_CLAIM_FILED(Effect.INTERRUPTS),
  INSOLVENCY_CLOSED(Effect.NONE),
  /** C. consom. L722-2: an admissible over-indebtedness file suspends enforcement against a consumer. */
  OVER_INDEBTEDNESS_ADMITTED(Effect.NONE),
  /** The commission's or the judge's outcome: a plan, a rétablissement personnel, or a rejection. */
  OVER_INDEBTEDNESS_DECIDED(Effect.NONE),
  PRESCRIPTION_WARNING(Effect.NONE),
  WRITTEN_OFF(Effect.NONE);

  public enum Effect {
    NONE,
    INTERRUPTS,
    SUSPENDS,
    TITLE
  }

  private final Effect effect;

  LegalEventType(Effect effect) {
    this.effect = effect;
  }

  public Effect effect() {
    return effect;
  }
}

package fr.recouvrement.legal;

/**
 * What can happen on the legal path of a case, and what each does to prescription ({@link Effect},
 * and the {@link PrescriptionAct} a case shows when that event set its date).
 */
public enum LegalEventType {
  FORMAL_NOTICE_SENT(Effect.NONE),
  FORMAL_NOTICE_ACKNOWLEDGED(Effect.NONE),
  /** « Pli avisé non réclamé », « destinataire inconnu »: no court on this letter alone. */
  FORMAL_NOTICE_RETURNED(Effect.NONE),
  SMALL_CLAIMS_REQUESTED(Effect.NONE),
  /** C. civ. 2238: the debtor's agreement to the procedure suspends prescription while it runs. */
  SMALL_CLAIMS_AGREED(Effect.SUSPENDS, PrescriptionAct.SMALL_CLAIMS_SUSPENSION),
  /**
   * The title the commissaire de justice issues on the debtor's agreement (CPCE L125-1, L111-3 5°):
   * not a court decision, so no 10 years (L111-4); the agreement acknowledges the debt (C. civ.
   * 2240) and the claim's own period restarts from it.
   */
  SMALL_CLAIMS_TITLE(Effect.INTERRUPTS, PrescriptionAct.SMALL_CLAIMS_AGREEMENT),
  SMALL_CLAIMS_REFUSED(Effect.NONE),
  /**
   * The request alone does not interrupt prescription: the service of the order does (Cass. 10 July
   * 1990).
   */
  ORDER_TO_PAY_FILED(Effect.NONE),
  ORDER_TO_PAY_GRANTED(Effect.NONE),
  /** C. civ. 2243: a claim definitively rejected interrupts nothing. */
  ORDER_TO_PAY_REJECTED(Effect.VOIDS_COURT_CLAIM),
  /** C. civ. 2241, 2242: the court claim interrupts from the service until the proceedings end. */
  ORDER_TO_PAY_SERVED(Effect.STARTS_COURT_CLAIM, PrescriptionAct.ORDER_TO_PAY_SERVED),
  /**
   * CPC 1416 al. 2: after a service not to the person, the first act served to the person opens the
   * last month of opposition.
   */
  ORDER_TO_PAY_PERSONAL_ACT(Effect.NONE),
  ORDER_TO_PAY_OPPOSED(Effect.NONE),
  /** CPC 1411 with C. civ. 2243: a lapsed (non avenue) order interrupts nothing. */
  ORDER_TO_PAY_LAPSED(Effect.VOIDS_COURT_CLAIM),
  /**
   * A judgment on the opposition in the creditor's favour: its title follows ({@link
   * #ENFORCEABLE_TITLE}).
   */
  LAWSUIT_DECIDED(Effect.NONE),
  /** C. civ. 2243: the claim rejected on the merits, withdrawn or the proceedings extinguished. */
  LAWSUIT_LOST(Effect.VOIDS_COURT_CLAIM),
  /**
   * A court's title (CPCE L111-3 1° to 3°: a judgment, an order to pay no longer open to
   * opposition): the proceedings are over, and the title can be enforced for 10 years (L111-4).
   */
  ENFORCEABLE_TITLE(Effect.TITLE, PrescriptionAct.COURT_TITLE),
  /** The request to the commissaire de justice: nothing for prescription until the act itself. */
  ENFORCEMENT_REQUESTED(Effect.NONE),
  /**
   * C. civ. 2244: the enforcement act interrupts prescription, dated by the bailiff's report of it.
   */
  ENFORCEMENT_MEASURE(Effect.INTERRUPTS, PrescriptionAct.ENFORCEMENT_ACT),
  AGENCY_HANDOVER(Effect.NONE),
  INSOLVENCY_OPENED(Effect.NONE),
  /**
   * C. com. L622-25-1: the proof of claim interrupts prescription until the procedure closes. The
   * event stays open ({@code ends_on} null) while the procedure runs; its closure sets {@code
   * ends_on}.
   */
  PROOF_OF_CLAIM_FILED(Effect.LASTING_INTERRUPTION, PrescriptionAct.PROOF_OF_CLAIM),
  INSOLVENCY_CLOSED(Effect.NONE),
  /**
   * C. consom. L722-2: an admissible over-indebtedness file suspends enforcement against a
   * consumer.
   */
  OVER_INDEBTEDNESS_ADMITTED(Effect.NONE),
  /**
   * The commission's or the judge's outcome: a plan, a rétablissement personnel, or a rejection.
   */
  OVER_INDEBTEDNESS_DECIDED(Effect.NONE),
  PRESCRIPTION_WARNING(Effect.NONE),
  WRITTEN_OFF(Effect.NONE);

  public enum Effect {
    NONE,
    /** Restarts the period on that day. */
    INTERRUPTS,
    /** Stops the clock from that day to {@code endsOn}. */
    SUSPENDS,
    /** Interrupts from that day until the proceedings end (the next {@link #TITLE}). */
    STARTS_COURT_CLAIM,
    /**
     * Interrupts from that day until {@code endsOn} (a proof of claim until the procedure closes);
     * open while null.
     */
    LASTING_INTERRUPTION,
    /** C. civ. 2243: the running (or last) court claim interrupted nothing. */
    VOIDS_COURT_CLAIM,
    /** A court's title: ends the proceedings, 10 years from that day. */
    TITLE
  }

  private final Effect effect;
  private final PrescriptionAct act;

  LegalEventType(Effect effect) {
    this(effect, null);
  }

  LegalEventType(Effect effect, PrescriptionAct act) {
    this.effect = effect;
    this.act = act;
  }

  public Effect effect() {
    return effect;
  }

  /** The act a case shows when this event set its prescription date; null when it cannot. */
  public PrescriptionAct act() {
    return act;
  }
}

package fr.recouvrement.cases;

public enum CaseStatus {
  AMICABLE,
  PAYMENT_PLAN,
  DISPUTED,
  MEDIATION,
  FORMAL_NOTICE,
  SMALL_CLAIMS,
  ORDER_TO_PAY,
  ENFORCEMENT,
  INSOLVENCY,
  /**
   * A consumer's over-indebtedness file was found admissible: reminders and enforcement stop (C.
   * consom. L722-2).
   */
  OVER_INDEBTEDNESS,
  PAID,
  WRITTEN_OFF;

  public boolean isClosed() {
    return this == PAID || this == WRITTEN_OFF;
  }
}

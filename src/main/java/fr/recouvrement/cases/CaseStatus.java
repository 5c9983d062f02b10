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
  PAID,
  WRITTEN_OFF;

  public boolean isClosed() {
    return this == PAID || this == WRITTEN_OFF;
  }
}

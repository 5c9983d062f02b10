package fr.recouvrement.cases;

/** A professional (B2B: penalties and the €40 indemnity apply) or a consumer (B2C: never). */
public enum DebtorType {
  BUSINESS,
  CONSUMER
}

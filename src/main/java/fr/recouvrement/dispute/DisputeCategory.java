package fr.recouvrement.dispute;

/** What the debtor contests; the dispute-routing decision sends each to the right group. */
public enum DisputeCategory {
  /** The service or goods (prestation). */
  TECHNICAL,
  /** The paperwork: purchase order, billing address. */
  ADMINISTRATIVE,
  /** The price or a discount. */
  COMMERCIAL
}

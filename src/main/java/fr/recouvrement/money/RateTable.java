package fr.recouvrement.money;

/**
 * The rates of each half-year, as one version of the {@code interest-rates} decision gives them.
 */
public interface RateTable {
  /** The rates in force during that half-year; never missing (see {@link InterestRates}). */
  Rates ratesFor(HalfYear halfYear);

  /**
   * Which version of the table answered, recorded with each allocation so an auditor can replay it.
   */
  String version();
}

package fr.recouvrement.money;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * A rate table written in the test itself, so hand-computed figures do not move when the DMN gets a
 * row.
 */
final class FixedRates implements RateTable {
  private final Map<HalfYear, Rates> rows = new HashMap<>();

  /** The published figures the penalty tests use (the same as the DMN's rows). */
  static FixedRates published() {
    return new FixedRates()
        .row("2024-H1", "4.50", "8.01", "5.07")
        .row("2024-H2", "4.25", "8.16", "4.92")
        .row("2025-H1", "3.15", "7.21", "3.71")
        .row("2025-H2", "2.15", "6.65", "2.76")
        .row("2026-H1", "2.15", "6.67", "2.62");
  }

  FixedRates row(String halfYear, String ecb, String legalIndividual, String legalProfessional) {
    HalfYear h = HalfYear.parse(halfYear);
    rows.put(
        h,
        new Rates(
            h,
            h,
            new BigDecimal(ecb),
            new BigDecimal(legalIndividual),
            new BigDecimal(legalProfessional),
            BigDecimal.TEN,
            new BigDecimal("3"),
            new BigDecimal("40")));
    return this;
  }

  @Override
  public Rates ratesFor(HalfYear halfYear) {
    Rates rates = rows.get(halfYear);
    if (rates == null) {
      throw new IllegalArgumentException("No rates in this test for " + halfYear);
    }
    return rates;
  }

  @Override
  public String version() {
    return "test";
  }
}

package fr.recouvrement.money;

import fr.recouvrement.money.Rates.Creditor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Legal interest on a consumer's debt (C. civ. 1231-6 and 1344-1): it runs from the formal notice
 * (mise en demeure), at the legal interest rate of each half-year for the creditor's kind — the
 * "professional" rate ("tous les autres cas") when the creditor is a business. Simple interest,
 * Actual/365, rounded to the cent. The increased rate after a judgment (+5 points, C. mon. fin.
 * L313-3) is not handled here.
 */
public final class LegalInterest {
  private final RateTable rates;

  public LegalInterest(RateTable rates) {
    this.rates = rates;
  }

  /**
   * Interest on {@code principal} for each day after {@code noticeDate} up to and including {@code
   * asOf}; {@code payments} lower the base from the day after their date.
   */
  public BigDecimal interest(
      BigDecimal principal,
      List<Settlement> payments,
      LocalDate noticeDate,
      LocalDate asOf,
      Creditor creditor) {
    return SimpleInterest.accrue(
        principal, payments, noticeDate, asOf, h -> rates.ratesFor(h).legalRate(creditor));
  }

  public BigDecimal interest(
      BigDecimal principal, LocalDate noticeDate, LocalDate asOf, Creditor creditor) {
    return interest(principal, List.of(), noticeDate, asOf, creditor);
  }
}

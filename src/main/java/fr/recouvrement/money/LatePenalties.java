package fr.recouvrement.money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The B2B late-payment charges of one invoice (C. com. L441-10 II and D441-5), for a professional
 * debtor only: callers never ask for a consumer's.
 *
 * <ul>
 *   <li>Late penalty: from the day after the due date, simple interest on the principal still
 *       unpaid each day, at each half-year's {@link Rates#latePenaltyRate(BigDecimal)} (ECB + 10
 *       points, or the contractual rate floored at 3 × the legal rate), Actual/365, rounded to the
 *       cent per invoice.
 *   <li>Recovery indemnity: the fixed amount (€40) once the invoice is late, owed from the first
 *       day; an invoice fully paid by its due date owes none.
 * </ul>
 */
public final class LatePenalties {
  private final RateTable rates;

  public LatePenalties(RateTable rates) {
    this.rates = rates;
  }

  /** The penalty accrued on the invoice up to and including {@code asOf}, paid or not. */
  public BigDecimal accrued(InvoiceAccount invoice, LocalDate asOf) {
    return SimpleInterest.accrue(
        invoice.amount(),
        invoice.settlements(),
        invoice.dueDate(),
        asOf,
        h -> rates.ratesFor(h).latePenaltyRate(invoice.contractualPenaltyRate()));
  }

  /**
   * Whether part of the invoice was still unpaid on a day after its due date, up to {@code asOf}.
   */
  public boolean isLate(InvoiceAccount invoice, LocalDate asOf) {
    LocalDate firstLateDay = invoice.dueDate().plusDays(1);
    return !asOf.isBefore(firstLateDay)
        && invoice.principalOutstandingDuring(firstLateDay).signum() > 0;
  }

  /** The fixed recovery indemnity the invoice carries as of {@code asOf}, paid or not. */
  public BigDecimal recoveryIndemnity(InvoiceAccount invoice, LocalDate asOf) {
    if (!isLate(invoice, asOf)) {
      return Money.ZERO;
    }
    return Money.cents(
        rates.ratesFor(HalfYear.of(invoice.dueDate().plusDays(1))).recoveryIndemnity());
  }
}

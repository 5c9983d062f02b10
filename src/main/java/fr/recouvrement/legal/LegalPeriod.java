package fr.recouvrement.legal;

import java.time.LocalDate;
import java.time.Period;

/**
 * One answer of the {@code legal-deadlines} table: the period that applies to an act of that date,
 * the article it comes from, and the deployed version of the table that said so (for the audit).
 */
public record LegalPeriod(
    LegalRule rule,
    Residence residence,
    LocalDate actDate,
    Period period,
    String source,
    String decisionVersion) {

  /**
   * {@code start} plus the period, as a calendar date; no working-day shift (see CourtDates for CPC
   * 642).
   */
  public LocalDate endFrom(LocalDate start) {
    return start.plus(period);
  }
}

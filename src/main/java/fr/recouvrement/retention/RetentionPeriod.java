package fr.recouvrement.retention;

import fr.recouvrement.cases.DebtorType;
import java.time.LocalDate;
import java.time.Period;

/**
 * Until when a closed case's personal data may be kept: the prescription that applied to the claim
 * — 2 years for a consumer (C. consom. L218-2), 5 years otherwise (C. com. L110-4, C. civ. 2224),
 * 10 years once a court decision made it enforceable (CPCE L111-4) — counted from the closing, plus
 * one year of margin for a late claim or dispute (CNIL's guidance on collection files: the
 * limitation period of the actions, then deletion or anonymisation).
 */
record RetentionPeriod(Period prescription, String basis) {
  static final Period MARGIN = Period.ofYears(1);

  static RetentionPeriod of(DebtorType type, boolean courtDecision) {
    if (courtDecision) {
      return new RetentionPeriod(Period.ofYears(10), "titre exécutoire (CPCE L111-4) + 1 an");
    }
    if (type == DebtorType.CONSUMER) {
      return new RetentionPeriod(
          Period.ofYears(2), "prescription consommateur (C. consom. L218-2) + 1 an");
    }
    return new RetentionPeriod(
        Period.ofYears(5), "prescription commerciale (C. com. L110-4, C. civ. 2224) + 1 an");
  }

  /** The last day the data is kept: anonymised from the day after. */
  LocalDate until(LocalDate closedOn) {
    return closedOn.plus(prescription).plus(MARGIN);
  }
}

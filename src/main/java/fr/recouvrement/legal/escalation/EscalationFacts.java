package fr.recouvrement.legal.escalation;

import fr.recouvrement.cases.CaseClock;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the escalation decisions read from the case's history, beside the case itself. */
@Repository
class EscalationFacts {
  private final JdbcTemplate jdbc;

  EscalationFacts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Reminders that went out (email, SMS, letter, call made), whatever their answer. */
  int amicableSteps(long caseId) {
    return count("select count(*) from communication where case_id = ? and status not in ('PENDING', 'FAILED')", caseId);
  }

  int lapsedPlans(long caseId) {
    return count("select count(*) from payment_plan where case_id = ? and status = 'LAPSED'", caseId);
  }

  /** The debtor cannot be reached: the phone number is known to be wrong, or a letter came back. */
  boolean contactLost(long caseId, long debtorId) {
    return count("select count(*) from debtor where id = ? and phone_invalid", debtorId) > 0
        || count(
                "select count(*) from communication where case_id = ? and acknowledgement in ('RETURNED', 'NOT_CLAIMED')", caseId)
            > 0;
  }

  /** The stored prescription date has passed (the prescription service keeps it up to date). */
  boolean prescribed(long caseId) {
    LocalDate date =
        jdbc.queryForObject("select prescription_date from collection_case where id = ?", LocalDate.class, caseId);
    return date != null && !date.isAfter(CaseClock.today());
  }

  private int count(String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }
}

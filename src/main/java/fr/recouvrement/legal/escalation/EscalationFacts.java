package fr.recouvrement.legal.escalation;

import fr.recouvrement.legal.PrescriptionService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the escalation decisions read from the case's history, beside the case itself. */
@Repository
class EscalationFacts {
  private final JdbcTemplate jdbc;
  private final PrescriptionService prescription;

  EscalationFacts(JdbcTemplate jdbc, PrescriptionService prescription) {
    this.jdbc = jdbc;
    this.prescription = prescription;
  }

  /** Reminders that went out (email, SMS, letter, call made), whatever their answer. */
  int amicableSteps(long caseId) {
    return count(
        "select count(*) from communication where case_id = ? and status not in ('PENDING', 'FAILED')",
        caseId);
  }

  int lapsedPlans(long caseId) {
    return count(
        "select count(*) from payment_plan where case_id = ? and status = 'LAPSED'", caseId);
  }

  /** The debtor cannot be reached: the phone number is known to be wrong, or a letter came back. */
  boolean contactLost(long caseId, long debtorId) {
    return count("select count(*) from debtor where id = ? and phone_invalid", debtorId) > 0
        || count(
                "select count(*) from communication where case_id = ? and acknowledgement in ('RETURNED', 'NOT_CLAIMED')",
                caseId)
            > 0;
  }

  /** The claim is time-barred today (computed fresh by the prescription service). */
  boolean prescribed(String caseReference) {
    return prescription.isPrescribed(caseReference);
  }

  private int count(String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }
}

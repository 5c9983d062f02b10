package fr.recouvrement.legal.overindebtedness;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The over-indebtedness row of a case (one at most). */
@Repository
class OverIndebtednessRepository {
  private final JdbcTemplate jdbc;

  OverIndebtednessRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Locks the case row until the transaction ends. */
  Optional<fr.recouvrement.legal.LockedCase> lockCase(String reference) {
    return fr.recouvrement.legal.LockedCase.lock(jdbc, reference);
  }

  Optional<OverIndebtednessView> find(String reference) {
    return jdbc
        .query(
            "select o.*, c.reference from over_indebtedness o join collection_case c on c.id = o.case_id where c.reference = ?",
            (rs, n) ->
                new OverIndebtednessView(
                    rs.getString("reference"),
                    rs.getString("commission"),
                    rs.getObject("admissibility_date", LocalDate.class),
                    rs.getString("outcome") == null
                        ? null
                        : OverIndebtednessOutcome.valueOf(rs.getString("outcome")),
                    rs.getObject("outcome_date", LocalDate.class),
                    rs.getString("outcome_details"),
                    rs.getTimestamp("recorded_at").toInstant(),
                    rs.getString("recorded_by")),
            reference)
        .stream()
        .findFirst();
  }

  void insert(long caseId, String commission, LocalDate admissibility, Instant now, String actor) {
    jdbc.update(
        "insert into over_indebtedness (case_id, commission, admissibility_date, recorded_at, recorded_by) values (?, ?, ?, ?, ?)",
        caseId,
        commission,
        Date.valueOf(admissibility),
        Timestamp.from(now),
        actor);
  }

  void outcome(long caseId, OverIndebtednessOutcome outcome, LocalDate date, String details) {
    jdbc.update(
        "update over_indebtedness set outcome = ?, outcome_date = ?, outcome_details = ? where case_id = ?",
        outcome.name(),
        Date.valueOf(date),
        details,
        caseId);
  }
}

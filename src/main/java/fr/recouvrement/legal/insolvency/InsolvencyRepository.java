package fr.recouvrement.legal.insolvency;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The insolvency row of a case (one at most) and what the claim process reads around it. */
@Repository
class InsolvencyRepository {
  record ManualMission(long id, String missionType, Instant requestedAt) {}

  private final JdbcTemplate jdbc;

  InsolvencyRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Locks the case row until the transaction ends. */
  Optional<fr.recouvrement.legal.LockedCase> lockCase(String reference) {
    return fr.recouvrement.legal.LockedCase.lock(jdbc, reference);
  }

  Optional<InsolvencyView> find(String reference) {
    return jdbc
        .query(
            "select i.*, c.reference from insolvency i join collection_case c on c.id = i.case_id where c.reference = ?",
            (rs, n) ->
                new InsolvencyView(
                    rs.getString("reference"),
                    InsolvencyProcedure.valueOf(rs.getString("procedure_kind")),
                    rs.getObject("judgment_date", LocalDate.class),
                    rs.getObject("publication_date", LocalDate.class),
                    rs.getBoolean("overseas"),
                    rs.getObject("claim_deadline", LocalDate.class),
                    rs.getObject("relief_deadline", LocalDate.class),
                    rs.getObject("claim_filed_on", LocalDate.class),
                    rs.getString("outcome"),
                    rs.getTimestamp("recorded_at").toInstant(),
                    rs.getString("recorded_by")),
            reference)
        .stream()
        .findFirst();
  }

  boolean exists(long caseId) {
    return jdbc.queryForObject(
            "select count(*) from insolvency where case_id = ?", Integer.class, caseId)
        > 0;
  }

  void insert(
      long caseId,
      InsolvencyProcedure procedure,
      LocalDate judgment,
      LocalDate publication,
      boolean overseas,
      LocalDate deadline,
      LocalDate reliefDeadline,
      Instant now,
      String actor) {
    jdbc.update(
        "insert into insolvency (case_id, procedure_kind, judgment_date, publication_date, overseas, claim_deadline,"
            + " relief_deadline, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        caseId,
        procedure.name(),
        Date.valueOf(judgment),
        Date.valueOf(publication),
        overseas,
        Date.valueOf(deadline),
        Date.valueOf(reliefDeadline),
        Timestamp.from(now),
        actor);
  }

  void claimFiled(String reference, LocalDate filedOn) {
    jdbc.update(
        "update insolvency set claim_filed_on = ? where case_id = (select id from collection_case where reference = ?)",
        Date.valueOf(filedOn),
        reference);
  }

  void outcome(String reference, String outcome) {
    jdbc.update(
        "update insolvency set outcome = ? where case_id = (select id from collection_case where reference = ?)",
        outcome,
        reference);
  }

  /**
   * Missions a collector handed over by hand and the insolvency withdrew: someone must tell the
   * bailiff.
   */
  List<ManualMission> withdrawnManualMissions(String reference) {
    return jdbc.query(
        "select m.id, m.mission_type, m.requested_at from bailiff_mission m join collection_case c on c.id = m.case_id"
            + " where c.reference = ? and m.status = 'WITHDRAWN' and m.provider_mission_id is null order by m.id",
        (rs, n) ->
            new ManualMission(
                rs.getLong("id"),
                rs.getString("mission_type"),
                rs.getTimestamp("requested_at").toInstant()),
        reference);
  }
}

package fr.recouvrement.legal.insolvency;

import fr.recouvrement.kernel.time.CaseClock;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code bodacc_announcement} table: the announcements already proposed, and what became of
 * them.
 */
@Repository
class BodaccAnnouncements {
  private final JdbcTemplate jdbc;

  BodaccAnnouncements(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A proposal as kept: what the confirmation opens, read from here and never from what a task
   * submission could set.
   */
  record Kept(
      String announcementId,
      InsolvencyProcedure procedure,
      LocalDate judgmentDate,
      LocalDate publicationDate,
      List<String> caseReferences,
      String outcome) {}

  boolean known(String announcementId) {
    return !jdbc.queryForList(
            "select 1 from bodacc_announcement where announcement_id = ?",
            Integer.class,
            announcementId)
        .isEmpty();
  }

  /**
   * Keeps the announcement as PROPOSED, in the caller's transaction. False when it was already kept
   * (another run, another node): then nothing must be proposed.
   */
  boolean keep(BodaccAnnouncement a, List<String> caseReferences) {
    try {
      jdbc.update(
          "insert into bodacc_announcement (announcement_id, siren, company_name, procedure_kind, judgment_nature, tribunal,"
              + " judgment_date, publication_date, case_references, outcome, seen_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?)",
          a.id(),
          a.siren(),
          cut(a.companyName(), 255),
          a.procedure().name(),
          cut(a.nature(), 500),
          cut(a.tribunal(), 255),
          a.judgmentDate(),
          a.publicationDate(),
          cut(String.join(",", caseReferences), 1000),
          Timestamp.from(CaseClock.now()));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  void proposedIn(String announcementId, String processInstanceId) {
    jdbc.update(
        "update bodacc_announcement set process_instance_id = ? where announcement_id = ?",
        processInstanceId,
        announcementId);
  }

  Optional<Kept> find(String announcementId) {
    return jdbc
        .query(
            "select announcement_id, procedure_kind, judgment_date, publication_date, case_references, outcome"
                + " from bodacc_announcement where announcement_id = ?",
            (rs, i) ->
                new Kept(
                    rs.getString(1),
                    InsolvencyProcedure.valueOf(rs.getString(2)),
                    rs.getObject(3, LocalDate.class),
                    rs.getObject(4, LocalDate.class),
                    List.of(rs.getString(5).split(",")),
                    rs.getString(6)),
            announcementId)
        .stream()
        .findFirst();
  }

  /** Records the supervisor's decision once: false when it was already decided. */
  boolean decide(String announcementId, String outcome, String by) {
    return jdbc.update(
            "update bodacc_announcement set outcome = ?, decided_at = ?, decided_by = ? where announcement_id = ? and outcome = 'PROPOSED'",
            outcome,
            Timestamp.from(CaseClock.now()),
            by,
            announcementId)
        == 1;
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}

package fr.recouvrement.retention;

import fr.recouvrement.cases.DebtorType;
import fr.recouvrement.kernel.time.CaseClock;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SQL of retention: which closed cases are due, and the anonymisation of one case's rows. */
@Repository
class RetentionRepository {
  /** A closed case, as retention sees it. */
  record ClosedCase(
      long id,
      String reference,
      long debtorId,
      DebtorType debtorType,
      LocalDate closedOn,
      LocalDate retentionUntil,
      boolean courtDecision) {}

  /** A case of a debtor, open or closed, for an erasure request. */
  record DebtorCase(
      String reference,
      String status,
      LocalDate closedOn,
      LocalDate retentionUntil,
      boolean anonymised) {}

  private final JdbcTemplate jdbc;

  RetentionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private static final String CLOSED =
      """
      select c.id, c.reference, c.debtor_id, d.type, c.closed_at, c.retention_until,
             (select count(*) from legal_event e where e.case_id = c.id and e.type = 'ENFORCEABLE_TITLE') as titles
      from collection_case c join debtor d on d.id = c.debtor_id
      """;

  /** Closed cases whose retention date was never computed (closed since the last run). */
  List<ClosedCase> closedWithoutRetention(int limit) {
    return jdbc.query(
        CLOSED
            + " where c.closed_at is not null and c.retention_until is null order by c.id limit ?",
        this::closed,
        limit);
  }

  /** Closed cases kept past their retention date and not yet anonymised. */
  List<ClosedCase> due(LocalDate today, int limit) {
    return jdbc.query(
        CLOSED
            + " where c.retention_until < ? and c.anonymised_at is null order by c.retention_until, c.id limit ?",
        this::closed,
        Date.valueOf(today),
        limit);
  }

  void setRetention(long caseId, LocalDate until) {
    jdbc.update(
        "update collection_case set retention_until = ? where id = ?", Date.valueOf(until), caseId);
  }

  List<DebtorCase> casesOf(String externalId) {
    return jdbc.query(
        """
        select c.reference, c.status, c.closed_at, c.retention_until, c.anonymised_at
        from collection_case c join debtor d on d.id = c.debtor_id where d.external_id = ? order by c.id
        """,
        (rs, row) ->
            new DebtorCase(
                rs.getString("reference"),
                rs.getString("status"),
                rs.getTimestamp("closed_at") == null
                    ? null
                    : rs.getTimestamp("closed_at")
                        .toInstant()
                        .atZone(CaseClock.PARIS)
                        .toLocalDate(),
                rs.getDate("retention_until") == null
                    ? null
                    : rs.getDate("retention_until").toLocalDate(),
                rs.getTimestamp("anonymised_at") != null),
        externalId);
  }

  Long debtorId(String externalId) {
    return jdbc
        .query(
            "select id from debtor where external_id = ?", (rs, row) -> rs.getLong(1), externalId)
        .stream()
        .findFirst()
        .orElse(null);
  }

  /** Storage paths of the case's documents, to delete from the disk. */
  List<String> documentPaths(long caseId) {
    return jdbc.queryForList(
        "select storage_path from document where case_id = ? and storage_path <> ''",
        String.class,
        caseId);
  }

  /**
   * What identifies or speaks about the debtor in the case's own rows goes; amounts, dates, codes
   * and hashes stay (the KPIs, and the proof that something was sent, without its content).
   */
  void anonymiseCase(long caseId) {
    jdbc.update(
        "update communication set recipient = null, content = null where case_id = ?", caseId);
    jdbc.update(
        "update document set storage_path = '', file_name = 'supprime.pdf' where case_id = ?",
        caseId);
    jdbc.update(
        "update dispute set debtor_comment = null, rejection_reason = null where case_id = ?",
        caseId);
    jdbc.update("update legal_event set details = null where case_id = ?", caseId);
    jdbc.update("update bailiff_mission set error = null where case_id = ?", caseId);
    jdbc.update(
        "update collection_case set closing_reason = null, anonymised_at = ? where id = ?",
        Timestamp.from(CaseClock.now()),
        caseId);
  }

  /** The debtor's identity and contact data, once none of its cases is open or still kept. */
  boolean anonymiseDebtorIfNothingKept(long debtorId) {
    Integer kept =
        jdbc.queryForObject(
            "select count(*) from collection_case where debtor_id = ? and anonymised_at is null",
            Integer.class,
            debtorId);
    if (kept != null && kept > 0) {
      return false;
    }
    jdbc.update(
        """
        update debtor set external_id = ?, name = 'Débiteur anonymisé', siren = null, email = null, phone = null,
               address_line1 = null, postal_code = null, city = null, updated_at = ? where id = ?
        """,
        "ANON-" + debtorId,
        Timestamp.from(CaseClock.now()),
        debtorId);
    return true;
  }

  /** Contact channels of a debtor whose cases are all closed: not needed to defend a claim. */
  int forgetContactChannels(long debtorId) {
    return jdbc.update(
        "update debtor set email = null, phone = null, updated_at = ? where id = ? and not exists"
            + " (select 1 from collection_case c where c.debtor_id = debtor.id and c.closed_at is null)",
        Timestamp.from(CaseClock.now()),
        debtorId);
  }

  private ClosedCase closed(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Timestamp closed = rs.getTimestamp("closed_at");
    return new ClosedCase(
        rs.getLong("id"),
        rs.getString("reference"),
        rs.getLong("debtor_id"),
        DebtorType.valueOf(rs.getString("type")),
        closed == null ? null : closed.toInstant().atZone(CaseClock.PARIS).toLocalDate(),
        rs.getDate("retention_until") == null ? null : rs.getDate("retention_until").toLocalDate(),
        rs.getInt("titles") > 0);
  }
}

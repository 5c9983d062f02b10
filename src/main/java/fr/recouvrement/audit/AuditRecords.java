package fr.recouvrement.audit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Read-only SQL on our own tables for the timeline and the proofs: one statement per kind of
 * record.
 */
@Repository
class AuditRecords {
  private final JdbcTemplate jdbc;

  AuditRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record CaseRef(long id, String reference, String processInstanceId) {}

  record Phase(long id, String status, Instant changedAt, String changedBy) {}

  record Communication(
      long id,
      String caseReference,
      String idempotencyKey,
      String channel,
      String recipient,
      String template,
      String contentSha256,
      String content,
      Long documentId,
      String status,
      String providerId,
      String error,
      Instant createdAt,
      Instant sentAt,
      String acknowledgement,
      LocalDate acknowledgedOn) {}

  record Payment(
      long id,
      String reference,
      BigDecimal amount,
      BigDecimal unallocated,
      LocalDate paidOn,
      Instant recordedAt,
      String recordedBy,
      String source) {}

  record Cost(
      long id,
      String kind,
      BigDecimal amount,
      LocalDate incurredOn,
      String reference,
      Instant recordedAt,
      String recordedBy) {}

  Optional<CaseRef> findCase(String reference) {
    return jdbc
        .query(
            "select id, reference, process_instance_id from collection_case where reference = ?",
            (rs, n) -> new CaseRef(rs.getLong(1), rs.getString(2), rs.getString(3)),
            reference)
        .stream()
        .findFirst();
  }

  List<Phase> phases(long caseId) {
    return jdbc.query(
        "select id, status, changed_at, changed_by from case_phase where case_id = ? order by changed_at, id",
        (rs, n) -> new Phase(rs.getLong(1), rs.getString(2), instant(rs, 3), rs.getString(4)),
        caseId);
  }

  List<Communication> communications(long caseId) {
    return jdbc.query(
        COMMUNICATION + " where m.case_id = ? order by m.created_at, m.id",
        AuditRecords::communication,
        caseId);
  }

  Optional<Communication> communication(long id) {
    return jdbc.query(COMMUNICATION + " where m.id = ?", AuditRecords::communication, id).stream()
        .findFirst();
  }

  /**
   * The letter a communication sent: its linked document, or for rows older than the link, the
   * case's document with its hash.
   */
  Optional<Long> letterDocument(Communication c) {
    if (c.documentId() != null) {
      return Optional.of(c.documentId());
    }
    if (!"LETTER".equals(c.channel()) || c.contentSha256() == null) {
      return Optional.empty();
    }
    return jdbc
        .queryForList(
            "select d.id from document d join collection_case k on k.id = d.case_id where k.reference = ? and d.sha256 = ?"
                + " order by d.id",
            Long.class,
            c.caseReference(),
            c.contentSha256())
        .stream()
        .findFirst();
  }

  /** What the debtor did on the portal (visits left out: the case page counts them). */
  record PortalStep(long id, String kind, String summary, Instant at) {}

  List<PortalStep> portalSteps(long caseId) {
    return jdbc.query(
        "select id, kind, summary, acted_at from portal_action where case_id = ? and kind <> 'VISIT' order by acted_at, id",
        (rs, n) -> new PortalStep(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4)),
        caseId);
  }

  List<Payment> payments(long caseId) {
    return jdbc.query(
        "select id, reference, amount, unallocated, paid_on, recorded_at, recorded_by, source from payment where case_id = ?"
            + " order by recorded_at, id",
        (rs, n) ->
            new Payment(
                rs.getLong(1),
                rs.getString(2),
                rs.getBigDecimal(3),
                rs.getBigDecimal(4),
                rs.getObject(5, LocalDate.class),
                instant(rs, 6),
                rs.getString(7),
                rs.getString(8)),
        caseId);
  }

  /**
   * Case costs with when and by whom they were recorded (CaseCosts gives the amounts, not the
   * trail).
   */
  List<Cost> costs(long caseId) {
    return jdbc.query(
        "select id, kind, amount, incurred_on, reference, recorded_at, recorded_by from case_cost where case_id = ?"
            + " order by recorded_at, id",
        (rs, n) ->
            new Cost(
                rs.getLong(1),
                rs.getString(2),
                rs.getBigDecimal(3),
                rs.getObject(4, LocalDate.class),
                rs.getString(5),
                instant(rs, 6),
                rs.getString(7)),
        caseId);
  }

  private static final String COMMUNICATION =
      "select m.id, c.reference, m.idempotency_key, m.channel, m.recipient, m.template, m.content_sha256, m.content,"
          + " m.document_id, m.status, m.provider_id, m.error, m.created_at, m.sent_at, m.acknowledgement, m.acknowledged_on"
          + " from communication m join collection_case c on c.id = m.case_id";

  private static Communication communication(ResultSet rs, int n) throws SQLException {
    return new Communication(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getObject(9, Long.class),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        instant(rs, 13),
        instant(rs, 14),
        rs.getString(15),
        rs.getObject(16, LocalDate.class));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }
}

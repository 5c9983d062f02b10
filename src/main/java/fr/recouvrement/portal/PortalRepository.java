package fr.recouvrement.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The portal's two tables (V26): links by the hash of their token, and visits and actions. */
@Repository
class PortalRepository {
  private final JdbcTemplate jdbc;

  PortalRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The case a link opens, whatever its state; the caller decides whether it still works. */
  record LinkedCase(
      long linkId,
      long caseId,
      String reference,
      Instant closedAt,
      Instant revokedAt,
      boolean anonymised) {}

  /** One message sent to the debtor, as the portal lists it. */
  record Sent(Instant at, String channel, String template, String content) {}

  /** Counts of what debtors did on the portal for one case. */
  record Activity(
      long visits,
      long promises,
      long plans,
      long disputes,
      long callbacks,
      long payments,
      Instant lastVisit) {}

  boolean insertLink(String reference, String tokenSha256, String issuedFor, Instant at) {
    return jdbc.update(
            "insert into portal_link (case_id, token_sha256, issued_for, issued_at) select id, ?, ?, ? from collection_case where reference = ?",
            tokenSha256,
            issuedFor,
            Timestamp.from(at),
            reference)
        == 1;
  }

  Optional<LinkedCase> byToken(String tokenSha256) {
    return jdbc
        .query(
            "select l.id, l.case_id, c.reference, c.closed_at, l.revoked_at, c.anonymised_at from portal_link l"
                + " join collection_case c on c.id = l.case_id where l.token_sha256 = ?",
            (rs, i) ->
                new LinkedCase(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    instant(rs.getTimestamp(4)),
                    instant(rs.getTimestamp(5)),
                    rs.getTimestamp(6) != null),
            tokenSha256)
        .stream()
        .findFirst();
  }

  int revokeAll(String reference, String actor, Instant at) {
    return jdbc.update(
        "update portal_link set revoked_at = ?, revoked_by = ? where revoked_at is null and case_id = (select id from collection_case where reference = ?)",
        Timestamp.from(at),
        actor,
        reference);
  }

  long activeLinks(String reference) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from portal_link l join collection_case c on c.id = l.case_id where c.reference = ? and l.revoked_at is null",
            Long.class,
            reference);
    return n == null ? 0 : n;
  }

  /**
   * Records a visit or an action; false when this submission was already recorded (a double
   * submit).
   */
  boolean recordAction(
      long caseId, PortalAction kind, String submissionKey, String summary, Instant at) {
    try {
      jdbc.update(
          "insert into portal_action (case_id, kind, submission_key, summary, acted_at) values (?, ?, ?, ?, ?)",
          caseId,
          kind.name(),
          submissionKey,
          summary,
          Timestamp.from(at));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  boolean submitted(String submissionKey) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from portal_action where submission_key = ?",
            Long.class,
            submissionKey);
    return n != null && n > 0;
  }

  void forgetSubmission(String submissionKey) {
    jdbc.update("delete from portal_action where submission_key = ?", submissionKey);
  }

  record ActionRow(long id, String kind, String summary, Instant at) {}

  List<ActionRow> actions(long caseId) {
    return jdbc.query(
        "select id, kind, summary, acted_at from portal_action where case_id = ? and kind <> 'VISIT' order by acted_at, id",
        (rs, i) ->
            new ActionRow(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
        caseId);
  }

  Activity activity(String reference) {
    return jdbc.queryForObject(
        "select sum(case when a.kind = 'VISIT' then 1 else 0 end), sum(case when a.kind = 'PROMISE' then 1 else 0 end),"
            + " sum(case when a.kind = 'PLAN' then 1 else 0 end), sum(case when a.kind = 'DISPUTE' then 1 else 0 end),"
            + " sum(case when a.kind = 'CALLBACK' then 1 else 0 end), sum(case when a.kind = 'PAYMENT' then 1 else 0 end),"
            + " max(case when a.kind = 'VISIT' then a.acted_at end)"
            + " from portal_action a join collection_case c on c.id = a.case_id where c.reference = ?",
        (rs, i) ->
            new Activity(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                instant(rs.getTimestamp(7))),
        reference);
  }

  /** Messages that left (or were recorded as a dry run), oldest first. */
  List<Sent> sent(long caseId) {
    return jdbc.query(
        "select coalesce(sent_at, created_at), channel, template, content from communication where case_id = ?"
            + " and status in ('SENT', 'DRY_RUN') order by coalesce(sent_at, created_at), id",
        (rs, i) ->
            new Sent(
                rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)),
        caseId);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}

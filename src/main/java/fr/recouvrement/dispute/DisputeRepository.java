package fr.recouvrement.dispute;

import fr.recouvrement.cases.CaseUpdates;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Plain SQL on dispute, dispute_invoice and the invoices they hold. */
@Repository
class DisputeRepository {
  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  private final CaseUpdates cases;

  DisputeRepository(JdbcTemplate jdbc, CaseUpdates cases) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  record CaseFacts(
      long id,
      String reference,
      String status,
      String processInstanceId,
      String debtorType,
      String debtorName) {}

  /**
   * An invoice of the case with what is still owed on its principal and whether a dispute holds it.
   */
  record InvoiceFacts(
      long id,
      String number,
      LocalDate dueDate,
      BigDecimal amount,
      BigDecimal paid,
      BigDecimal credited,
      boolean disputed) {
    BigDecimal outstanding() {
      return amount.subtract(paid).subtract(credited);
    }
  }

  record DisputeRow(
      long id,
      long caseId,
      String caseReference,
      String category,
      String comment,
      String status,
      String outcome,
      BigDecimal creditedAmount,
      String creditNoteNumber,
      String rejectionReason,
      Instant raisedAt,
      String raisedBy,
      Instant resolvedAt) {}

  /**
   * Locks the case row until the transaction ends, as payments do: one change to a case at a time.
   */
  Optional<CaseFacts> lockCase(String reference) {
    return jdbc
        .query(
            "select * from collection_case where reference = ? for update",
            (rs, n) -> rs.getLong("id"),
            reference)
        .stream()
        .findFirst()
        .map(this::caseFacts);
  }

  CaseFacts caseFacts(long caseId) {
    return jdbc.queryForObject(
        """
        select c.id, c.reference, c.status, c.process_instance_id, d.type, d.name
        from collection_case c join debtor d on d.id = c.debtor_id where c.id = ?
        """,
        (rs, n) ->
            new CaseFacts(
                rs.getLong("id"),
                rs.getString("reference"),
                rs.getString("status"),
                rs.getString("process_instance_id"),
                rs.getString("type"),
                rs.getString("name")),
        caseId);
  }

  List<InvoiceFacts> invoicesOfCase(long caseId) {
    return jdbc.query(
        """
        select i.id, i.number, i.due_date, i.amount, i.paid_amount, i.credited_amount,
               exists (select 1 from dispute_invoice di where di.open_invoice_id = i.id) as disputed
        from invoice i where i.case_id = ? order by i.due_date, i.id
        """,
        INVOICE,
        caseId);
  }

  List<InvoiceFacts> invoicesOfDispute(long disputeId) {
    return jdbc.query(
        """
        select i.id, i.number, i.due_date, i.amount, i.paid_amount, i.credited_amount,
               di.open_invoice_id is not null as disputed
        from dispute_invoice di join invoice i on i.id = di.invoice_id
        where di.dispute_id = ? order by i.due_date, i.id
        """,
        INVOICE,
        disputeId);
  }

  /**
   * Already credited on the case's invoices plus what is still owed on those under an open dispute.
   */
  BigDecimal creditExposure(long caseId) {
    BigDecimal credited =
        jdbc.queryForObject(
            "select coalesce(sum(credited_amount), 0) from invoice where case_id = ?",
            BigDecimal.class,
            caseId);
    BigDecimal underDispute =
        jdbc.queryForObject(
            """
            select coalesce(sum(i.amount - i.paid_amount - i.credited_amount), 0) from invoice i
            where i.case_id = ? and exists (select 1 from dispute_invoice di where di.open_invoice_id = i.id)
            """,
            BigDecimal.class,
            caseId);
    return credited.add(underDispute).setScale(2);
  }

  long insert(
      long caseId, String category, String comment, List<Long> invoiceIds, String by, Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    named.update(
        """
        insert into dispute (case_id, category, debtor_comment, status, raised_at, raised_by)
        values (:caseId, :category, :comment, 'OPEN', :now, :by)
        """,
        new MapSqlParameterSource()
            .addValue("caseId", caseId)
            .addValue("category", category)
            .addValue("comment", comment)
            .addValue("now", Timestamp.from(now))
            .addValue("by", by),
        keys,
        new String[] {"id"});
    long id = keys.getKey().longValue();
    jdbc.batchUpdate(
        "insert into dispute_invoice (dispute_id, invoice_id, open_invoice_id) values (?, ?, ?)",
        invoiceIds.stream().map(i -> new Object[] {id, i, i}).toList());
    return id;
  }

  /** The ids of a case's disputes, oldest first. */
  List<Long> idsOfCase(String reference) {
    return jdbc.queryForList(
        "select d.id from dispute d join collection_case c on c.id = d.case_id where c.reference = ? order by d.id",
        Long.class,
        reference);
  }

  Optional<DisputeRow> find(long id) {
    return jdbc
        .query(
            """
            select d.*, c.reference from dispute d join collection_case c on c.id = d.case_id where d.id = ?
            """,
            DISPUTE,
            id)
        .stream()
        .findFirst();
  }

  /** Cancels part of an invoice: the debtor no longer owes it. */
  void credit(long disputeId, long invoiceId, BigDecimal amount) {
    cases.creditInvoice(invoiceId, amount);
    jdbc.update(
        "update dispute_invoice set credited_amount = credited_amount + ? where dispute_id = ? and invoice_id = ?",
        amount,
        disputeId,
        invoiceId);
  }

  void recordOutcome(
      long disputeId,
      String outcome,
      BigDecimal credited,
      String creditNoteNumber,
      String reason,
      String by,
      Instant now) {
    jdbc.update(
        """
        update dispute set outcome = ?, credited_amount = ?, credit_note_number = ?, rejection_reason = ?,
               resolved_at = ?, resolved_by = ?
        where id = ?
        """,
        outcome,
        credited,
        creditNoteNumber,
        reason,
        Timestamp.from(now),
        by,
        disputeId);
  }

  /** Ends the dispute: its invoices are chased again (whatever a credit note left on them). */
  void release(long disputeId, Instant now) {
    jdbc.update(
        "update dispute_invoice set open_invoice_id = null where dispute_id = ?", disputeId);
    jdbc.update(
        "update dispute set status = 'RESOLVED', resolved_at = coalesce(resolved_at, ?) where id = ?",
        Timestamp.from(now),
        disputeId);
  }

  private static final org.springframework.jdbc.core.RowMapper<InvoiceFacts> INVOICE =
      (rs, n) ->
          new InvoiceFacts(
              rs.getLong("id"),
              rs.getString("number"),
              rs.getObject("due_date", LocalDate.class),
              rs.getBigDecimal("amount"),
              rs.getBigDecimal("paid_amount"),
              rs.getBigDecimal("credited_amount"),
              rs.getBoolean("disputed"));

  private static final org.springframework.jdbc.core.RowMapper<DisputeRow> DISPUTE =
      (rs, n) ->
          new DisputeRow(
              rs.getLong("id"),
              rs.getLong("case_id"),
              rs.getString("reference"),
              rs.getString("category"),
              rs.getString("debtor_comment"),
              rs.getString("status"),
              rs.getString("outcome"),
              rs.getBigDecimal("credited_amount"),
              rs.getString("credit_note_number"),
              rs.getString("rejection_reason"),
              instant(rs, "raised_at"),
              rs.getString("raised_by"),
              instant(rs, "resolved_at"));

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }
}

package fr.recouvrement.cases;

import fr.recouvrement.cases.CaseRecords.CaseRow;
import fr.recouvrement.cases.CaseRecords.DebtorRow;
import fr.recouvrement.cases.CaseRecords.InvoiceRow;
import fr.recouvrement.cases.CaseRecords.ListedCase;
import fr.recouvrement.cases.CaseRecords.Listing;
import fr.recouvrement.cases.CaseRecords.PaymentRow;
import fr.recouvrement.cases.CaseRecords.PromiseRow;
import fr.recouvrement.kernel.time.CaseClock;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/** Plain SQL on our tables: one statement per question, no query per row. */
@Repository
class CaseRepository {
  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final String nextReferenceSql;
  private final ObjectProvider<IdentityService> identity;

  CaseRepository(JdbcTemplate jdbc, DataSource dataSource, ObjectProvider<IdentityService> identity)
      throws MetaDataAccessException {
    this.jdbc = jdbc;
    this.identity = identity;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    String product =
        JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
    this.nextReferenceSql =
        product.toLowerCase().contains("postgres")
            ? "select nextval('case_reference_seq')"
            : "select next value for case_reference_seq";
  }

  // --- debtor

  Optional<DebtorRow> findDebtorByExternalId(String externalId) {
    return jdbc.query("select * from debtor where external_id = ?", DEBTOR, externalId).stream()
        .findFirst();
  }

  DebtorRow findDebtor(long id) {
    return jdbc.queryForObject("select * from debtor where id = ?", DEBTOR, id);
  }

  long insertDebtor(OpenCaseRequest.Debtor d, Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    named.update(
        """
        insert into debtor (external_id, type, name, siren, email, phone, address_line1, postal_code, city, country,
                            commercial, created_at, updated_at)
        values (:externalId, :type, :name, :siren, :email, :phone, :line1, :postalCode, :city, :country,
                :commercial, :now, :now)
        """,
        debtorParams(d, now).addValue("commercial", d.commercialOrDefault()),
        keys,
        new String[] {"id"});
    return keys.getKey().longValue();
  }

  void updateDebtor(long id, OpenCaseRequest.Debtor d, Instant now) {
    named.update(
        """
        update debtor set name = :name, siren = :siren, email = :email, phone = :phone, address_line1 = :line1,
               postal_code = :postalCode, city = :city, country = :country, updated_at = :now,
               commercial = coalesce(:commercial, commercial)
        where id = :id
        """,
        // a request that does not say keeps what was recorded (perhaps corrected by a collector)
        debtorParams(d, now)
            .addValue("id", id)
            .addValue("commercial", d.commercial(), java.sql.Types.BOOLEAN));
  }

  private static MapSqlParameterSource debtorParams(OpenCaseRequest.Debtor d, Instant now) {
    OpenCaseRequest.Address a = d.address();
    return new MapSqlParameterSource()
        .addValue("externalId", d.externalId().trim())
        .addValue("type", d.type())
        .addValue("name", d.name().trim())
        .addValue("siren", blankToNull(d.siren()))
        .addValue("email", blankToNull(d.email()))
        .addValue("phone", blankToNull(d.phone()))
        .addValue("line1", a == null ? null : blankToNull(a.line1()))
        .addValue("postalCode", a == null ? null : blankToNull(a.postalCode()))
        .addValue("city", a == null ? null : blankToNull(a.city()))
        .addValue("country", a == null || blankToNull(a.country()) == null ? "FR" : a.country())
        .addValue("now", Timestamp.from(now));
  }

  // --- case

  String nextReference(Year year) {
    long n = jdbc.queryForObject(nextReferenceSql, Long.class);
    return "DOS-%d-%06d".formatted(year.getValue(), n);
  }

  Optional<CaseRow> findOpenCaseOfDebtor(long debtorId) {
    return jdbc
        .query("select * from collection_case where open_debtor_id = ?", CASE, debtorId)
        .stream()
        .findFirst();
  }

  /**
   * The case stops being the one the debtor's new invoices go to (it stays open): its claims were
   * declared in a procédure collective or titled. Done before the follow-up case is inserted, as
   * the debtor may have one such case only.
   */
  void releaseNewInvoices(long caseId) {
    jdbc.update("update collection_case set open_debtor_id = null where id = ?", caseId);
  }

  void setFollows(long caseId, long followedCaseId) {
    jdbc.update(
        "update collection_case set follows_case_id = ? where id = ?", followedCaseId, caseId);
  }

  CaseRow findCase(long id) {
    return jdbc.queryForObject("select * from collection_case where id = ?", CASE, id);
  }

  Optional<CaseRow> findCase(String reference) {
    return jdbc.query("select * from collection_case where reference = ?", CASE, reference).stream()
        .findFirst();
  }

  /**
   * Locks the case row until the transaction ends: payments on one case are recorded one at a time.
   */
  Optional<CaseRow> lockCase(String reference) {
    return jdbc
        .query("select * from collection_case where reference = ? for update", CASE, reference)
        .stream()
        .findFirst();
  }

  /** Sets the start of legal interest once: a later notice does not move it. */
  boolean startLegalInterest(long caseId, LocalDate from) {
    return jdbc.update(
            "update collection_case set legal_interest_from = ? where id = ? and legal_interest_from is null",
            java.sql.Date.valueOf(from),
            caseId)
        == 1;
  }

  long insertCase(String reference, long debtorId, Instant now, String openedBy) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    named.update(
        """
        insert into collection_case (reference, debtor_id, open_debtor_id, status, opened_at)
        values (:reference, :debtorId, :debtorId, :status, :now)
        """,
        new MapSqlParameterSource()
            .addValue("reference", reference)
            .addValue("debtorId", debtorId)
            .addValue("status", CaseStatus.AMICABLE.name())
            .addValue("now", Timestamp.from(now)),
        keys,
        new String[] {"id"});
    long caseId = keys.getKey().longValue();
    jdbc.update(
        "insert into case_phase (case_id, status, changed_at, changed_by) values (?, ?, ?, ?)",
        caseId,
        CaseStatus.AMICABLE.name(),
        Timestamp.from(now),
        openedBy == null || openedBy.isBlank() ? actor() : openedBy);
    return caseId;
  }

  void setProcessInstance(long caseId, String processInstanceId) {
    jdbc.update(
        "update collection_case set process_instance_id = ? where id = ?",
        processInstanceId,
        caseId);
  }

  void setStatus(String reference, CaseStatus status) {
    recordPhase(reference, status, CaseClock.now());
    jdbc.update(
        "update collection_case set status = ? where reference = ?", status.name(), reference);
  }

  void setSegment(String reference, String segment) {
    jdbc.update("update collection_case set segment = ? where reference = ?", segment, reference);
  }

  void close(String reference, CaseStatus status, String reason, Instant now) {
    recordPhase(reference, status, now);
    jdbc.update(
        """
        update collection_case set status = ?, closed_at = ?, closing_reason = ?, open_debtor_id = null
        where reference = ?
        """,
        status.name(),
        Timestamp.from(now),
        reason,
        reference);
  }

  /**
   * A case_phase row when the status is about to change (not when a listener sets the same status
   * again).
   */
  private void recordPhase(String reference, CaseStatus status, Instant now) {
    jdbc.update(
        "insert into case_phase (case_id, status, changed_at, changed_by)"
            + " select id, ?, ?, ? from collection_case where reference = ? and status <> ?",
        status.name(),
        Timestamp.from(now),
        actor(),
        reference,
        status.name());
  }

  /**
   * The Camunda user on whose behalf the engine runs (a task completed, a variable set), else
   * "system".
   */
  private String actor() {
    IdentityService service = identity.getIfAvailable();
    Authentication authentication = service == null ? null : service.getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null
        ? "system"
        : authentication.getUserId();
  }

  /** A page of cases, their balance principal-only: the case service adds the B2B charges. */
  Listing listCases(CaseStatus status, String segment, int page, int size) {
    return listCases(status, segment, null, CaseView.Sort.RECENT, page, size);
  }

  /**
   * A page of cases: filtered by status, segment and a part of the debtor's name
   * (case-insensitive), ordered as asked. The balance sorted on is the unpaid principal, which the
   * database knows; the page then shows each balance with its charges.
   */
  Listing listCases(
      CaseStatus status,
      String segment,
      String debtorName,
      CaseView.Sort sort,
      int page,
      int size) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    MapSqlParameterSource params = new MapSqlParameterSource();
    if (debtorName != null && !debtorName.isBlank()) {
      String escaped =
          debtorName
              .trim()
              .toLowerCase(java.util.Locale.ROOT)
              .replace("\\", "\\\\")
              .replace("%", "\\%")
              .replace("_", "\\_");
      where.append(" and lower(d.name) like :name escape '\\'");
      params.addValue("name", "%" + escaped + "%");
    }
    if (status != null) {
      where.append(" and c.status = :status");
      params.addValue("status", status.name());
    }
    if (segment != null) {
      where.append(" and c.segment = :segment");
      params.addValue("segment", segment);
    }
    // every case has its debtor (a foreign key): the count joins it only to filter on the name
    String counted =
        debtorName != null && !debtorName.isBlank()
            ? "collection_case c join debtor d on d.id = c.debtor_id"
            : "collection_case c";
    long total =
        named.queryForObject("select count(*) from " + counted + where, params, Long.class);
    String balance =
        "(select coalesce(sum(i.amount - i.credited_amount - i.paid_amount), 0) from invoice i where i.case_id = c.id)";
    String oldestDue =
        "(select min(i.due_date) from invoice i where i.case_id = c.id and i.amount - i.credited_amount - i.paid_amount > 0)";
    // the page's ids first, then the page's columns: a database that computes the select list
    // before sorting (H2) would otherwise sum the invoices of every case of the status (50,000
    // rows of 100,000) to show twenty of them (390 ms on H2 in the benchmark, issue 14 §4)
    String pageKey;
    String order;
    switch (sort == null ? CaseView.Sort.RECENT : sort) {
      case BALANCE -> {
        pageKey = ", " + balance + " as balance";
        order = " order by balance desc, c.id desc";
      }
      case OVERDUE -> {
        pageKey = ", " + oldestDue + " as oldest_due";
        order = " order by oldest_due nulls last, c.id desc";
      }
      default -> {
        pageKey = "";
        order = " order by c.id desc";
      }
    }
    params.addValue("limit", size).addValue("offset", (long) page * size);
    String pageOfIds =
        "select c.id"
            + pageKey
            + " from "
            + counted
            + where
            + order
            + " limit :limit offset :offset";
    List<ListedCase> rows =
        named.query(
            """
            select c.id, c.reference, c.status, c.segment, c.opened_at, c.closed_at, c.legal_interest_from,
                   d.external_id, d.name, d.type,
                   %s as balance,
                   %s as oldest_due
            from (%s) p join collection_case c on c.id = p.id join debtor d on d.id = c.debtor_id
            """
                    .formatted(balance, oldestDue, pageOfIds)
                + order,
            params,
            (rs, n) ->
                new ListedCase(
                    rs.getLong("id"),
                    new CaseView.Summary(
                        rs.getString("reference"),
                        CaseStatus.valueOf(rs.getString("status")),
                        rs.getString("segment"),
                        rs.getString("external_id"),
                        rs.getString("name"),
                        DebtorType.valueOf(rs.getString("type")),
                        rs.getBigDecimal("balance").setScale(2),
                        instant(rs, "opened_at"),
                        instant(rs, "closed_at"),
                        rs.getObject("oldest_due", LocalDate.class)),
                    rs.getObject("legal_interest_from", LocalDate.class)));
    return new Listing(rows, total);
  }

  // --- invoices

  List<InvoiceRow> invoicesOfCase(long caseId) {
    return jdbc.query(
        "select * from invoice where case_id = ? order by due_date, id", INVOICE, caseId);
  }

  /** The invoices of several cases (a page of the listing) in one query. */
  List<InvoiceRow> invoicesOfCases(List<Long> caseIds) {
    if (caseIds.isEmpty()) {
      return List.of();
    }
    return named.query(
        "select * from invoice where case_id in (:caseIds) order by case_id, due_date, id",
        new MapSqlParameterSource("caseIds", caseIds),
        INVOICE);
  }

  Map<String, InvoiceRow> invoicesOfDebtor(long debtorId, List<String> numbers) {
    if (numbers.isEmpty()) {
      return Map.of();
    }
    return named
        .query(
            "select * from invoice where debtor_id = :debtorId and number in (:numbers)",
            new MapSqlParameterSource().addValue("debtorId", debtorId).addValue("numbers", numbers),
            INVOICE)
        .stream()
        .collect(Collectors.toMap(InvoiceRow::number, Function.identity()));
  }

  void insertInvoices(
      long caseId, long debtorId, List<OpenCaseRequest.Invoice> invoices, Instant now) {
    List<Object[]> rows = new ArrayList<>();
    for (OpenCaseRequest.Invoice i : invoices) {
      rows.add(
          new Object[] {
            caseId,
            debtorId,
            i.number().trim(),
            i.issueDate(),
            i.dueDate(),
            i.amount(),
            i.contractualPenaltyRate(),
            i.vatAmount(),
            Timestamp.from(now)
          });
    }
    jdbc.batchUpdate(
        "insert into invoice (case_id, debtor_id, number, issue_date, due_date, amount, contractual_penalty_rate, vat_amount,"
            + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  /** Records the recoverable VAT lines of a case; an invoice already recorded is kept as it was. */
  void recordRecoverableVat(
      long caseId, List<CaseService.VatLine> lines, java.time.LocalDate on, String reason) {
    for (CaseService.VatLine line : lines) {
      jdbc.update(
          """
          insert into recoverable_vat (case_id, invoice_id, unpaid_ttc, vat_amount, recorded_on, reason)
          select ?, i.id, ?, ?, ?, ? from invoice i
          where i.case_id = ? and i.number = ? and not exists (select 1 from recoverable_vat v where v.invoice_id = i.id)
          """,
          caseId,
          line.unpaid(),
          line.vat(),
          java.sql.Date.valueOf(on),
          reason,
          caseId,
          line.invoiceNumber());
    }
  }

  List<CaseView.RecoverableVat> recordedVat(long caseId) {
    return jdbc.query(
        """
        select i.number, v.unpaid_ttc, v.vat_amount, v.recorded_on, v.reason
        from recoverable_vat v join invoice i on i.id = v.invoice_id where v.case_id = ? order by i.due_date, i.id
        """,
        (rs, n) ->
            new CaseView.RecoverableVat(
                rs.getString(1),
                rs.getBigDecimal(2),
                rs.getBigDecimal(3),
                rs.getObject(4, java.time.LocalDate.class),
                rs.getString(5)),
        caseId);
  }

  java.time.LocalDate oldestUnpaidDueDate() {
    return jdbc.queryForObject(
        """
        select min(i.due_date) from invoice i join collection_case c on c.id = i.case_id
        where c.closed_at is null and i.amount - i.credited_amount - i.paid_amount > 0
        """,
        java.time.LocalDate.class);
  }

  void addChargesWaived(long invoiceId, BigDecimal amount) {
    jdbc.update(
        "update invoice set charges_waived = charges_waived + ? where id = ?", amount, invoiceId);
  }

  void setPaidAmount(long invoiceId, BigDecimal paidAmount) {
    jdbc.update("update invoice set paid_amount = ? where id = ?", paidAmount, invoiceId);
  }

  /** Invoices of the case under an open dispute: reminders leave them out until it is resolved. */
  java.util.Set<Long> disputedInvoiceIds(long caseId) {
    return new java.util.HashSet<>(
        jdbc.queryForList(
            "select di.invoice_id from dispute_invoice di join invoice i on i.id = di.invoice_id"
                + " where i.case_id = ? and di.open_invoice_id is not null",
            Long.class,
            caseId));
  }

  // --- payments

  List<PaymentRow> paymentsOfCase(long caseId) {
    return jdbc.query(
        "select * from payment where case_id = ? order by paid_on, id", PAYMENT, caseId);
  }

  /** Promises in the order they were made (the promise table is written by the amicable stage). */
  List<PromiseRow> promisesOfCase(long caseId) {
    return jdbc.query(
        "select promised_on, amount, status, recorded_at, recorded_by from promise where case_id = ? order by recorded_at, id",
        (rs, n) ->
            new PromiseRow(
                rs.getObject("promised_on", LocalDate.class),
                rs.getBigDecimal("amount"),
                rs.getString("status"),
                instant(rs, "recorded_at"),
                rs.getString("recorded_by")),
        caseId);
  }

  Optional<PaymentRow> findPayment(long caseId, String reference) {
    return jdbc
        .query(
            "select * from payment where case_id = ? and reference = ?", PAYMENT, caseId, reference)
        .stream()
        .findFirst();
  }

  long insertPayment(
      long caseId,
      String reference,
      BigDecimal amount,
      BigDecimal unallocated,
      LocalDate paidOn,
      PaymentSource source,
      String by,
      Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    named.update(
        """
        insert into payment (case_id, reference, amount, unallocated, paid_on, source, recorded_at, recorded_by)
        values (:caseId, :reference, :amount, :unallocated, :paidOn, :source, :now, :by)
        """,
        new MapSqlParameterSource()
            .addValue("source", source.name())
            .addValue("caseId", caseId)
            .addValue("reference", reference)
            .addValue("amount", amount)
            .addValue("unallocated", unallocated)
            .addValue("paidOn", paidOn)
            .addValue("now", Timestamp.from(now))
            .addValue("by", by),
        keys,
        new String[] {"id"});
    return keys.getKey().longValue();
  }

  // --- mappers

  private static final RowMapper<DebtorRow> DEBTOR =
      (rs, n) ->
          new DebtorRow(
              rs.getLong("id"),
              rs.getString("external_id"),
              DebtorType.valueOf(rs.getString("type")),
              rs.getString("name"),
              rs.getString("siren"),
              rs.getString("email"),
              rs.getString("phone"),
              rs.getString("address_line1"),
              rs.getString("postal_code"),
              rs.getString("city"),
              rs.getString("country"),
              rs.getBoolean("commercial"));

  private static final RowMapper<CaseRow> CASE =
      (rs, n) ->
          new CaseRow(
              rs.getLong("id"),
              rs.getString("reference"),
              rs.getLong("debtor_id"),
              CaseStatus.valueOf(rs.getString("status")),
              rs.getString("segment"),
              rs.getString("process_instance_id"),
              instant(rs, "opened_at"),
              instant(rs, "closed_at"),
              rs.getString("closing_reason"),
              rs.getObject("prescription_date", LocalDate.class),
              rs.getObject("legal_interest_from", LocalDate.class),
              rs.getObject("follows_case_id", Long.class));

  private static final RowMapper<InvoiceRow> INVOICE =
      (rs, n) ->
          new InvoiceRow(
              rs.getLong("id"),
              rs.getLong("case_id"),
              rs.getString("number"),
              rs.getObject("issue_date", LocalDate.class),
              rs.getObject("due_date", LocalDate.class),
              rs.getBigDecimal("amount"),
              rs.getBigDecimal("paid_amount"),
              rs.getBigDecimal("credited_amount"),
              rs.getBigDecimal("contractual_penalty_rate"),
              rs.getBigDecimal("vat_amount"),
              rs.getBigDecimal("charges_waived"));

  private static final RowMapper<PaymentRow> PAYMENT =
      (rs, n) ->
          new PaymentRow(
              rs.getLong("id"),
              rs.getString("reference"),
              rs.getBigDecimal("amount"),
              rs.getBigDecimal("unallocated"),
              rs.getObject("paid_on", LocalDate.class),
              instant(rs, "recorded_at"),
              rs.getString("recorded_by"),
              PaymentSource.valueOf(rs.getString("source")));

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}

package fr.recouvrement.legal;

import fr.recouvrement.cases.CaseUpdates;
import fr.recouvrement.cases.DebtorType;
import fr.recouvrement.legal.Prescription.Outcome;
import fr.recouvrement.legal.PrescriptionFacts.Suspension;
import fr.recouvrement.legal.PrescriptionFacts.UnpaidInvoice;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The rows prescription reads (invoices, allocations, plans, mediations) and the date it stores.
 */
@Repository
class PrescriptionRepository {
  private final JdbcTemplate jdbc;

  private final CaseUpdates cases;

  PrescriptionRepository(JdbcTemplate jdbc, CaseUpdates cases) {
    this.jdbc = jdbc;
    this.cases = cases;
  }

  record CaseHead(long id, String processInstanceId, DebtorType debtorType) {}

  Optional<CaseHead> head(long caseId) {
    return jdbc
        .query(
            "select c.id, c.process_instance_id, d.type from collection_case c join debtor d on d.id = c.debtor_id where c.id = ?",
            (rs, n) ->
                new CaseHead(
                    rs.getLong("id"),
                    rs.getString("process_instance_id"),
                    DebtorType.valueOf(rs.getString("type"))),
            caseId)
        .stream()
        .findFirst();
  }

  Optional<Long> caseId(String reference) {
    return jdbc
        .queryForList("select id from collection_case where reference = ?", Long.class, reference)
        .stream()
        .findFirst();
  }

  List<UnpaidInvoice> unpaidInvoices(long caseId) {
    return jdbc.query(
        "select id, due_date from invoice where case_id = ? and amount - paid_amount - credited_amount > 0 order by due_date, id",
        (rs, n) -> new UnpaidInvoice(rs.getLong("id"), rs.getObject("due_date", LocalDate.class)),
        caseId);
  }

  Map<Long, List<LocalDate>> paymentDatesByInvoice(long caseId) {
    Map<Long, List<LocalDate>> byInvoice = new HashMap<>();
    jdbc.query(
        "select a.invoice_id, p.paid_on from payment p join payment_allocation a on a.payment_id = p.id where p.case_id = ?",
        rs -> {
          byInvoice
              .computeIfAbsent(rs.getLong("invoice_id"), id -> new ArrayList<>())
              .add(rs.getObject("paid_on", LocalDate.class));
        },
        caseId);
    return byInvoice;
  }

  /**
   * Every payment plan recorded was approved by a supervisor: each is an acknowledgement on its
   * start date.
   */
  List<LocalDate> planDates(long caseId) {
    return jdbc.query(
        "select started_on from payment_plan where case_id = ?",
        (rs, n) -> rs.getObject("started_on", LocalDate.class),
        caseId);
  }

  List<Suspension> mediations(long caseId) {
    return jdbc.query(
        "select started_on, ended_on from mediation where case_id = ?",
        (rs, n) ->
            new Suspension(
                rs.getObject("started_on", LocalDate.class),
                rs.getObject("ended_on", LocalDate.class)),
        caseId);
  }

  /**
   * The case's date (null when nothing is owed or while a court claim runs), its court title, and
   * each invoice's date and act (cleared on the invoices nothing is owed on any more).
   */
  void store(
      long caseId, LocalDate prescriptionDate, LocalDate titleOn, Map<Long, Outcome> byInvoice) {
    List<CaseUpdates.InvoicePrescription> invoices = new ArrayList<>();
    byInvoice.forEach(
        (invoiceId, o) ->
            invoices.add(new CaseUpdates.InvoicePrescription(invoiceId, o.date(), o.act().name())));
    cases.storePrescription(caseId, prescriptionDate, titleOn, invoices);
  }

  /** Each invoice's stored date and act, by invoice number; invoices without one are absent. */
  Map<String, Outcome> storedByInvoice(long caseId) {
    Map<String, Outcome> stored = new HashMap<>();
    jdbc.query(
        "select number, prescription_date, prescription_act from invoice where case_id = ? and prescription_act is not null",
        rs -> {
          stored.put(
              rs.getString("number"),
              new Outcome(
                  rs.getObject("prescription_date", LocalDate.class),
                  PrescriptionAct.valueOf(rs.getString("prescription_act"))));
        },
        caseId);
    return stored;
  }

  /**
   * Open cases with an unpaid invoice whose prescription was never stored: those running before
   * invoices had one (migration V10), to be recomputed once.
   */
  List<Long> notCarriedOver(int limit) {
    return jdbc.queryForList(
        "select distinct i.case_id from invoice i join collection_case c on c.id = i.case_id"
            + " where i.prescription_act is null and i.amount - i.paid_amount - i.credited_amount > 0"
            + " and c.status not in ('PAID', 'WRITTEN_OFF') order by i.case_id fetch first "
            + limit
            + " rows only",
        Long.class);
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}

package fr.recouvrement.cases;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The writes other capabilities ask of the case's tables ({@code collection_case}, {@code debtor},
 * {@code invoice}): the cases package owns them, so every rule on a column (an acknowledgement
 * never moves back...) holds whoever asks. Depends on nothing but the database, so any capability
 * can use it without a cycle of beans.
 */
@Repository
public class CaseUpdates {
  private final JdbcTemplate jdbc;

  CaseUpdates(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The debtor acknowledged the debt on that day (C. civ. 2240: prescription restarts from it). The
   * one rule: the recorded day only moves forward, an older acknowledgement recorded late changes
   * nothing.
   */
  public void recordAcknowledgement(String caseReference, LocalDate on) {
    jdbc.update(
        "update collection_case set last_acknowledged_on = ? where reference = ? and (last_acknowledged_on is null or last_acknowledged_on < ?)",
        on,
        caseReference,
        on);
  }

  /** The segment the debtor-segment decision gave the case. */
  public void setSegment(String caseReference, String segment) {
    jdbc.update(
        "update collection_case set segment = ? where reference = ?", segment, caseReference);
  }

  /** A call found the debtor's number wrong: no more SMS or calls to it. */
  public void markPhoneInvalid(long debtorId) {
    jdbc.update("update debtor set phone_invalid = true where id = ?", debtorId);
  }

  /** Part of an invoice cancelled by a credit note: the debtor no longer owes it. */
  public void creditInvoice(long invoiceId, BigDecimal amount) {
    jdbc.update(
        "update invoice set credited_amount = credited_amount + ? where id = ?", amount, invoiceId);
  }

  /**
   * One invoice's prescription: the day after which it is time-barred (null while pending) and the
   * act it runs from.
   */
  public record InvoicePrescription(long invoiceId, LocalDate date, String act) {}

  /**
   * The case's prescription date (null when nothing is owed or while a court claim runs), its court
   * title, and each invoice's date and act (cleared on the invoices nothing is owed on any more).
   */
  public void storePrescription(
      long caseId,
      LocalDate prescriptionDate,
      LocalDate titleOn,
      List<InvoicePrescription> invoices) {
    jdbc.update(
        "update collection_case set prescription_date = ?, enforceable_title_on = ? where id = ?",
        date(prescriptionDate),
        date(titleOn),
        caseId);
    jdbc.update(
        "update invoice set prescription_date = null, prescription_act = null where case_id = ? and prescription_act is not null",
        caseId);
    List<Object[]> rows = new ArrayList<>();
    invoices.forEach(i -> rows.add(new Object[] {date(i.date()), i.act(), i.invoiceId(), caseId}));
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(
          "update invoice set prescription_date = ?, prescription_act = ? where id = ? and case_id = ?",
          rows);
    }
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}

package fr.recouvrement.cases;

import fr.recouvrement.money.NoticedInvoice;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the legal capability tells the case about its standing: prescription dates, the invoices a
 * formal notice claimed, whether a title covers it. Implemented in {@code legal}, so that the case
 * does not depend on the legal packages that depend on it.
 */
public interface LegalStanding {
  /** Recomputes and stores the case's prescription date; empty while none runs. */
  Optional<LocalDate> refreshPrescription(long caseId);

  /** The process variables of the prescription timers for that date. */
  Map<String, Object> prescriptionTimers(LocalDate prescriptionDate);

  /** Each invoice's prescription, by invoice number. */
  Map<String, InvoicePrescription> prescriptionByInvoice(long caseId);

  /** The invoices claimed by the formal notices already sent on the case. */
  List<NoticedInvoice> claimedBySentNotices(long caseId);

  /** Whether an enforceable title or a small-claims title covers the case's invoices. */
  boolean titled(long caseId);

  /**
   * @param date the day the claim is time-barred after, null while pending; act its code and French
   *     label
   */
  record InvoicePrescription(LocalDate date, String act, String actLabel) {}
}

package fr.recouvrement.legal;

import fr.recouvrement.cases.LegalStanding;
import fr.recouvrement.legal.notice.NoticeLines;
import fr.recouvrement.money.NoticedInvoice;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The case's legal standing, answered from the prescription, the legal events and the formal
 * notices.
 */
@Component
class CaseLegalStanding implements LegalStanding {
  private final PrescriptionService prescription;
  private final LegalEvents legalEvents;
  private final NoticeLines noticeLines;

  CaseLegalStanding(
      PrescriptionService prescription, LegalEvents legalEvents, NoticeLines noticeLines) {
    this.prescription = prescription;
    this.legalEvents = legalEvents;
    this.noticeLines = noticeLines;
  }

  @Override
  public Optional<LocalDate> refreshPrescription(long caseId) {
    return prescription.refresh(caseId);
  }

  @Override
  public Map<String, Object> prescriptionTimers(LocalDate prescriptionDate) {
    return prescription.timerVariables(prescriptionDate);
  }

  @Override
  public Map<String, InvoicePrescription> prescriptionByInvoice(long caseId) {
    Map<String, InvoicePrescription> byInvoice = new LinkedHashMap<>();
    prescription
        .byInvoice(caseId)
        .forEach(
            (invoice, p) ->
                byInvoice.put(
                    invoice, new InvoicePrescription(p.date(), p.act().name(), p.act().label())));
    return byInvoice;
  }

  @Override
  public List<NoticedInvoice> claimedBySentNotices(long caseId) {
    return noticeLines.claimedBySentNotices(caseId);
  }

  @Override
  public boolean titled(long caseId) {
    return legalEvents.last(caseId, LegalEventType.ENFORCEABLE_TITLE).isPresent()
        // the small-claims title (CPCE L111-3 5°) covers only the invoices it was issued for, too
        || legalEvents.last(caseId, LegalEventType.SMALL_CLAIMS_TITLE).isPresent();
  }
}

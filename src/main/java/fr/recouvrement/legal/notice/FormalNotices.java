package fr.recouvrement.legal.notice;

import fr.recouvrement.cases.CaseClock;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.channel.CaseEmails;
import fr.recouvrement.channel.CaseLetters;
import fr.recouvrement.channel.CommunicationStatus;
import fr.recouvrement.channel.DocumentStore.Document;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The formal notice of a case: the letter written and stored once per process step, its sending
 * (by the postal provider or by a collector) recorded as a legal event, legal interest started for
 * a consumer, and the email copy.
 */
@Component
class FormalNotices {
  static final String KIND = "FORMAL_NOTICE";

  private final CaseService cases;
  private final CaseLetters letters;
  private final CaseEmails emails;
  private final LegalEvents legalEvents;
  private final NoticeLines noticeLines;

  FormalNotices(CaseService cases, CaseLetters letters, CaseEmails emails, LegalEvents legalEvents, NoticeLines noticeLines) {
    this.cases = cases;
    this.letters = letters;
    this.emails = emails;
    this.legalEvents = legalEvents;
    this.noticeLines = noticeLines;
  }

  /** The stored letter, its date and its deadline. */
  record Prepared(long documentId, LocalDate noticeDate, LocalDate deadline, BigDecimal total, String invoices, boolean debtorHasEmail) {}

  /**
   * Writes the letter dated today, or finds the one this step already wrote (its date stays the
   * date printed on it). The letter claims the amount pursued on its date, and the notice records
   * what it claims invoice by invoice ({@link NoticeLines}): a consumer's legal interest will run on
   * those amounts only. Fails on a deadline under 8 days, or when the debtor has no postal address.
   */
  Prepared prepare(String caseReference, String idempotencyKey, int deadlineDays) {
    NoticeLetter.requireDeadline(caseReference, deadlineDays);
    CaseView view = cases.get(caseReference);
    boolean hasEmail = view.debtor().email() != null && !view.debtor().email().isBlank();
    Optional<Document> known = letters.documentByKey(idempotencyKey);
    // a retried step keeps the letter already written, and its date
    LocalDate date = known.map(d -> LocalDate.ofInstant(d.createdAt(), CaseClock.PARIS)).orElse(CaseClock.today());
    requireAddress(view);
    Optional<NoticeLines.Notice> recorded = noticeLines.find(idempotencyKey);
    if (known.isPresent() && recorded.isPresent()) {
      // what the stored letter claims, as recorded then: not the figures of today
      return new Prepared(
          known.get().id(), date, date.plusDays(deadlineDays), recorded.get().total(),
          String.join(", ", noticeLines.invoiceNumbers(idempotencyKey)), hasEmail);
    }
    NoticeLetter letter = NoticeLetter.of(view, cases.pursued(caseReference, date), letters.creditor(), date, deadlineDays);
    Document document =
        known.orElseGet(() -> letters.prepare(caseReference, idempotencyKey, KIND, NoticeLetter.TEMPLATE, letter.variables()));
    noticeLines.record(legalEvents.caseId(caseReference), idempotencyKey, document.id(), date, letter.claimed());
    return new Prepared(document.id(), date, letter.deadline(), letter.total(), letter.claimed().invoiceNumbers(), hasEmail);
  }

  /** Posts the registered letter through the provider, once per step; returns its tracking id. */
  String sendByProvider(String caseReference, String idempotencyKey, long documentId, LocalDate noticeDate, LocalDate deadline, String actor) {
    CaseLetters.Posted posted = letters.post(caseReference, idempotencyKey, documentId, true);
    sent(caseReference, documentId, noticeDate, deadline, posted.trackingId(), "LRAR par le prestataire postal", actor);
    return posted.trackingId();
  }

  /** Records the registered letter a collector printed and posted, once per step. */
  String recordPostedByHand(
      String caseReference, String idempotencyKey, long documentId, String lrarNumber, LocalDate postingDate, LocalDate deadline, String actor) {
    if (postingDate.isAfter(CaseClock.today())) {
      // the notice's date starts a consumer's legal interest: it cannot be a day still to come
      throw new IllegalArgumentException(
          "Case %s: the posting date of the formal notice (%s) is in the future".formatted(caseReference, postingDate));
    }
    CaseLetters.Posted posted = letters.recordPostedByHand(caseReference, idempotencyKey, documentId, lrarNumber.trim());
    sent(caseReference, documentId, postingDate, deadline, posted.trackingId(), "LRAR déposée par un gestionnaire", actor);
    return posted.trackingId();
  }

  /** The email copy of the notice, once per step (dry run without SMTP settings, like the reminders). */
  CommunicationStatus emailCopy(
      String caseReference, String idempotencyKey, BigDecimal total, String invoices, LocalDate deadline, String trackingId) {
    Map<String, Object> content = new HashMap<>();
    content.put("total", total);
    content.put("deadline", deadline);
    content.put("trackingId", trackingId == null ? "" : trackingId);
    content.put("invoices", invoices);
    return emails.send(caseReference, idempotencyKey, NoticeLetter.TEMPLATE, content);
  }

  /**
   * The notice is on its way: a legal event for the timeline and the legal route (it does not
   * interrupt prescription, Cass. com. 18 May 2022), and for a consumer the start of legal interest
   * on what this notice claimed. A retried step that already recorded this letter records nothing more.
   */
  private void sent(String caseReference, long documentId, LocalDate noticeDate, LocalDate deadline, String trackingId, String how, String actor) {
    String details = "%s n° %s, délai de paiement jusqu'au %s".formatted(how, trackingId, deadline);
    long caseId = legalEvents.caseId(caseReference);
    boolean recorded =
        legalEvents.of(caseId).stream()
            .anyMatch(e -> e.type() == LegalEventType.FORMAL_NOTICE_SENT && details.equals(e.details()));
    if (!recorded) {
      legalEvents.record(caseId, LegalEventType.FORMAL_NOTICE_SENT, noticeDate, null, details, actor);
    }
    noticeLines.sent(documentId, noticeDate);
    cases.startLegalInterest(caseReference, noticeDate);
  }

  private static void requireAddress(CaseView view) {
    CaseView.Address a = view.debtor().address();
    if (a == null || blank(a.line1()) || blank(a.postalCode()) || blank(a.city())) {
      throw new IllegalStateException(
          "Case %s: debtor %s has no complete postal address (line 1, postal code, city): a formal notice cannot be sent"
              .formatted(view.reference(), view.debtor().externalId()));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

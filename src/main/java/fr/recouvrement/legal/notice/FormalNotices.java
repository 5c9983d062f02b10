package fr.recouvrement.legal.notice;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.channel.CaseEmails;
import fr.recouvrement.channel.CaseLetters;
import fr.recouvrement.channel.CommunicationStatus;
import fr.recouvrement.channel.DocumentStore.Document;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.LegalDeadlines;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.legal.LegalPeriod;
import fr.recouvrement.legal.LegalRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The formal notice of a case: the letter written and stored once per process step, its sending (by
 * the postal provider or by a collector) recorded as a legal event, legal interest started for a
 * consumer, and the email copy.
 *
 * <p>The debtor's deadline runs from the day the letter was actually posted, then from the day it
 * was first presented or otherwise delivered (served by a commissaire de justice, handed over) when
 * that is known — never from the date printed on the letter. Its length is the one the escalation
 * asked for, else the usual one, never under the minimum: both from the {@code legal-deadlines}
 * table (FORMAL_NOTICE_USUAL, FORMAL_NOTICE_MINIMUM), for the day the deadline starts.
 */
@Component
class FormalNotices {
  static final String KIND = "FORMAL_NOTICE";

  private final CaseService cases;
  private final CaseLetters letters;
  private final CaseEmails emails;
  private final LegalEvents legalEvents;
  private final LegalDeadlines legalDeadlines;
  private final NoticeLines noticeLines;

  FormalNotices(
      CaseService cases,
      CaseLetters letters,
      CaseEmails emails,
      LegalEvents legalEvents,
      LegalDeadlines legalDeadlines,
      NoticeLines noticeLines) {
    this.cases = cases;
    this.letters = letters;
    this.emails = emails;
    this.legalEvents = legalEvents;
    this.legalDeadlines = legalDeadlines;
    this.noticeLines = noticeLines;
  }

  /** The stored letter, its date, its deadline in days and the deadline if it were posted today. */
  record Prepared(
      long documentId,
      LocalDate noticeDate,
      int deadlineDays,
      LocalDate deadline,
      BigDecimal total,
      String invoices,
      boolean debtorHasEmail) {}

  /**
   * The letter left: the tracking number, the day it was posted and the deadline counted from that
   * day.
   */
  record Sent(String trackingId, LocalDate postedOn, LocalDate deadline) {}

  /**
   * The number of days the debtor is given: {@code requested} (the escalation's choice) or, when
   * none, the usual period; refused (an incident) when shorter than the minimum period. Both
   * periods are those of the {@code legal-deadlines} table for a notice starting on {@code start}.
   */
  int deadlineDays(String caseReference, Integer requested, LocalDate start) {
    int days;
    if (requested == null) {
      days = days(start, legalDeadlines.find(LegalRule.FORMAL_NOTICE_USUAL, start));
    } else {
      days = requested;
    }
    LegalPeriod minimum = legalDeadlines.find(LegalRule.FORMAL_NOTICE_MINIMUM, start);
    if (days < days(start, minimum)) {
      throw new IllegalArgumentException(
          ("Case %s: a formal notice (mise en demeure) must give the debtor at least %d days to pay (%s, legal-deadlines"
                  + " FORMAL_NOTICE_MINIMUM); noticeDeadlineDays is %d. Correct the escalation decision (or the variable) and"
                  + " retry the step.")
              .formatted(caseReference, days(start, minimum), minimum.source(), days));
    }
    return days;
  }

  private static int days(LocalDate start, LegalPeriod period) {
    return Math.toIntExact(ChronoUnit.DAYS.between(start, period.endFrom(start)));
  }

  /** The last day to pay: {@code days} after the day the letter was posted or delivered. */
  static LocalDate deadlineFrom(LocalDate start, int days) {
    return start.plusDays(days);
  }

  /**
   * Writes the letter dated today, or finds the one this step already wrote (its date stays the
   * date printed on it). The letter claims the amount pursued on its date, and the notice records
   * what it claims invoice by invoice ({@link NoticeLines}): a consumer's legal interest will run
   * on those amounts only. Fails on a deadline under the minimum, or when the debtor has no postal
   * address.
   */
  Prepared prepare(String caseReference, String idempotencyKey, Integer requestedDays) {
    int deadlineDays = deadlineDays(caseReference, requestedDays, CaseClock.today());
    CaseView view = cases.get(caseReference);
    boolean hasEmail = view.debtor().email() != null && !view.debtor().email().isBlank();
    Optional<Document> known = letters.documentByKey(idempotencyKey);
    // a retried step keeps the letter already written, and its date
    LocalDate date =
        known
            .map(d -> LocalDate.ofInstant(d.createdAt(), CaseClock.PARIS))
            .orElse(CaseClock.today());
    requireAddress(view);
    Optional<NoticeLines.Notice> recorded = noticeLines.find(idempotencyKey);
    if (known.isPresent() && recorded.isPresent()) {
      // what the stored letter claims, as recorded then: not the figures of today
      return new Prepared(
          known.get().id(),
          date,
          deadlineDays,
          deadlineFrom(CaseClock.today(), deadlineDays),
          recorded.get().total(),
          String.join(", ", noticeLines.invoiceNumbers(idempotencyKey)),
          hasEmail);
    }
    NoticeLetter letter =
        NoticeLetter.of(
            view, cases.pursued(caseReference, date), letters.creditor(), date, deadlineDays);
    Document document =
        known.orElseGet(
            () ->
                letters.prepare(
                    caseReference,
                    idempotencyKey,
                    KIND,
                    NoticeLetter.TEMPLATE,
                    letter.variables()));
    noticeLines.record(
        legalEvents.caseId(caseReference), idempotencyKey, document.id(), date, letter.claimed());
    return new Prepared(
        document.id(),
        date,
        deadlineDays,
        deadlineFrom(CaseClock.today(), deadlineDays),
        letter.total(),
        letter.claimed().invoiceNumbers(),
        hasEmail);
  }

  /**
   * Posts the registered letter through the provider, once per step: the deadline runs from today,
   * the day the provider takes it (a letter prepared days earlier, or a send retried over a
   * weekend, does not shorten it).
   */
  Sent sendByProvider(
      String caseReference,
      String idempotencyKey,
      long documentId,
      int deadlineDays,
      String actor) {
    CaseLetters.Posted posted = letters.post(caseReference, idempotencyKey, documentId, true);
    LocalDate postedOn = CaseClock.today();
    LocalDate deadline = deadlineFrom(postedOn, deadlineDays);
    sent(
        caseReference,
        documentId,
        postedOn,
        deadline,
        posted.trackingId(),
        "LRAR par le prestataire postal",
        actor);
    return new Sent(posted.trackingId(), postedOn, deadline);
  }

  /**
   * Records the registered letter a collector printed and posted, once per step: the deadline runs
   * from the posting date on the proof of posting, however late after the letter's date.
   */
  Sent recordPostedByHand(
      String caseReference,
      String idempotencyKey,
      long documentId,
      String lrarNumber,
      LocalDate postingDate,
      int deadlineDays,
      String actor) {
    if (postingDate.isAfter(CaseClock.today())) {
      // the notice's date starts a consumer's legal interest: it cannot be a day still to come
      throw new IllegalArgumentException(
          "Case %s: the posting date of the formal notice (%s) is in the future"
              .formatted(caseReference, postingDate));
    }
    CaseLetters.Posted posted =
        letters.recordPostedByHand(caseReference, idempotencyKey, documentId, lrarNumber.trim());
    LocalDate deadline = deadlineFrom(postingDate, deadlineDays);
    sent(
        caseReference,
        documentId,
        postingDate,
        deadline,
        posted.trackingId(),
        "LRAR déposée par un gestionnaire",
        actor);
    return new Sent(posted.trackingId(), postingDate, deadline);
  }

  /**
   * The letter reached the debtor on {@code deliveredOn} (first presented, signed or refused, as
   * the provider reports; or served by a commissaire de justice or handed over, as a collector
   * records): the deadline runs again from that day. A collector's confirmation is recorded as a
   * legal event (the provider's report already is, by the postal callback).
   */
  LocalDate delivered(
      String caseReference,
      LocalDate postedOn,
      LocalDate deliveredOn,
      int deadlineDays,
      String how,
      String trackingId,
      String actor) {
    if (deliveredOn.isAfter(CaseClock.today())) {
      throw new IllegalArgumentException(
          "Case %s: the formal notice cannot have reached the debtor on %s, a day still to come"
              .formatted(caseReference, deliveredOn));
    }
    if (postedOn != null && deliveredOn.isBefore(postedOn)) {
      throw new IllegalArgumentException(
          "Case %s: the formal notice was posted on %s and cannot have reached the debtor before, on %s"
              .formatted(caseReference, postedOn, deliveredOn));
    }
    LocalDate deadline = deadlineFrom(deliveredOn, deadlineDays);
    if (how != null && !how.isBlank() && !POSTAL.equals(how)) {
      String details =
          "Mise en demeure%s remise le %s (%s) : délai de paiement jusqu'au %s"
              .formatted(
                  trackingId == null ? "" : " n° " + trackingId,
                  deliveredOn,
                  DELIVERY_LABELS.getOrDefault(how, how),
                  deadline);
      long caseId = legalEvents.caseId(caseReference);
      if (legalEvents.of(caseId).stream()
          .noneMatch(
              e ->
                  e.type() == LegalEventType.FORMAL_NOTICE_ACKNOWLEDGED
                      && details.equals(e.details()))) {
        legalEvents.record(
            caseId, LegalEventType.FORMAL_NOTICE_ACKNOWLEDGED, deliveredOn, null, details, actor);
      }
    }
    return deadline;
  }

  /**
   * The letter came back undelivered (« pli avisé non réclamé », « destinataire inconnu à l'adresse
   * »): recorded once per letter. The case cannot go to court on this letter alone.
   */
  void returned(
      String caseReference, String trackingId, LocalDate on, String reason, String actor) {
    String details =
        "Mise en demeure%s revenue non distribuée : %s"
            .formatted(
                trackingId == null ? "" : " n° " + trackingId,
                RETURN_LABELS.getOrDefault(reason, reason));
    long caseId = legalEvents.caseId(caseReference);
    boolean recorded =
        legalEvents.of(caseId).stream()
            .anyMatch(
                e ->
                    e.type() == LegalEventType.FORMAL_NOTICE_RETURNED
                        && (trackingId == null
                            ? details.equals(e.details())
                            : e.details() != null
                                && e.details().contains("n° " + trackingId + " ")));
    if (!recorded) {
      legalEvents.record(caseId, LegalEventType.FORMAL_NOTICE_RETURNED, on, null, details, actor);
    }
  }

  /**
   * How the postal callback marks a delivery it reported itself (its legal event is already
   * recorded).
   */
  static final String POSTAL = "POSTAL";

  static final Map<String, String> DELIVERY_LABELS =
      Map.of(
          "SIGNED", "avis de réception signé",
          "REFUSED", "lettre refusée par le destinataire",
          "SERVED", "signification par commissaire de justice",
          "DELIVERED_BY_HAND", "remise en main propre contre récépissé");
  static final Map<String, String> RETURN_LABELS =
      Map.of(
          "NOT_CLAIMED", "pli avisé et non réclamé",
          "RETURNED", "destinataire inconnu à l'adresse ou adresse insuffisante",
          "COLLECTOR", "lettre revenue, signalée par un gestionnaire");

  /**
   * The email copy of the notice, once per step (dry run without SMTP settings, like the
   * reminders).
   */
  CommunicationStatus emailCopy(
      String caseReference,
      String idempotencyKey,
      BigDecimal total,
      String invoices,
      int deadlineDays,
      LocalDate deadline,
      String trackingId) {
    Map<String, Object> content = new HashMap<>();
    content.put("total", total);
    content.put("deadlineDays", deadlineDays);
    content.put("deadline", deadline);
    content.put("trackingId", trackingId == null ? "" : trackingId);
    content.put("invoices", invoices);
    return emails.send(caseReference, idempotencyKey, NoticeLetter.TEMPLATE, content);
  }

  /**
   * The notice is on its way: a legal event for the timeline and the legal route (it does not
   * interrupt prescription, Cass. com. 18 May 2022), and for a consumer the start of legal interest
   * on what this notice claimed. A retried step that already recorded this letter records nothing
   * more.
   */
  private void sent(
      String caseReference,
      long documentId,
      LocalDate noticeDate,
      LocalDate deadline,
      String trackingId,
      String how,
      String actor) {
    String details =
        "%s n° %s, délai de paiement jusqu'au %s (à compter du dépôt ; reporté si la première présentation est plus tardive)"
            .formatted(how, trackingId, deadline);
    long caseId = legalEvents.caseId(caseReference);
    // one event per letter, whatever day a retried step runs
    boolean recorded =
        legalEvents.of(caseId).stream()
            .anyMatch(
                e ->
                    e.type() == LegalEventType.FORMAL_NOTICE_SENT
                        && e.details() != null
                        && e.details().contains(" n° " + trackingId + ","));
    if (!recorded) {
      legalEvents.record(
          caseId, LegalEventType.FORMAL_NOTICE_SENT, noticeDate, null, details, actor);
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

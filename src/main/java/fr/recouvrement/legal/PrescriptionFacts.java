package fr.recouvrement.legal;

import fr.recouvrement.cases.DebtorType;
import fr.recouvrement.legal.LegalEvents.LegalEvent;
import fr.recouvrement.legal.Prescription.Outcome;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the prescription of one case depends on, as read from our tables; {@link #byInvoice()} and
 * {@link #outcome()} are pure.
 *
 * <ul>
 *   <li>Each unpaid invoice prescribes on its own, from its due date, with the period the {@code
 *       legal-deadlines} table gives for that due date ({@link Periods}); the case's date is the
 *       earliest (the first claim the creditor would lose).
 *   <li>A payment is an acknowledgement (C. civ. 2240) of the invoices it was allocated to, not of
 *       the others: the earlier date is the safe side for the creditor.
 *   <li>An approved payment plan acknowledges the whole balance; an enforcement act, a proof of
 *       claim and the debtor's agreement in the small-claims procedure (legal events that
 *       interrupt) cover the whole case.
 *   <li>A court claim (an order to pay, from its service) interrupts every invoice until the
 *       proceedings end; one that lapsed, was rejected or lost counts for nothing (C. civ. 2243).
 *   <li>Mediations and suspending legal events suspend every invoice (C. civ. 2238). One still
 *       running counts as ending today: the date is recomputed when it ends, and until then the
 *       6-month floor keeps it at least half a year away.
 *   <li>With a court's title (CPCE L111-3 1° to 3°) the claim's own periods no longer apply: the
 *       title's period (10 years, L111-4) from its date, restarted by later acknowledgements and
 *       enforcement acts. The small-claims title (5°) is not one: the claim keeps its period.
 * </ul>
 */
record PrescriptionFacts(
    DebtorType debtorType,
    List<UnpaidInvoice> unpaid,
    Map<Long, List<LocalDate>> paymentsByInvoice,
    List<LocalDate> planDates,
    List<Suspension> mediations,
    List<LegalEvent> legalEvents,
    LocalDate today,
    Periods periods) {

  record UnpaidInvoice(long id, LocalDate dueDate) {}

  /** {@code to} is null while it runs. */
  record Suspension(LocalDate from, LocalDate to) {}

  /** The periods in force for the date that decides them (the due date, or the title's date). */
  interface Periods {
    Period claim(DebtorType debtorType, LocalDate dueDate);

    Period title(LocalDate titleOn);

    Period minimumAfterSuspension(LocalDate decidingDate);
  }

  /** A court claim that was not voided: {@code endedOn} null while it runs. */
  record CourtClaim(LocalDate from, LocalDate endedOn, PrescriptionAct act) {}

  /** The day of the latest court title, or null. */
  LocalDate titleOn() {
    return legalEvents.stream()
        .filter(e -> e.type().effect() == LegalEventType.Effect.TITLE)
        .map(LegalEvent::occurredOn)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  /**
   * The court claims that still count, from the events in their order: a service opens one, a court
   * title ends it, a lapse, a rejection or a lost lawsuit voids the one running (C. civ. 2243).
   */
  List<CourtClaim> courtClaims() {
    List<LegalEvent> ordered = new ArrayList<>(legalEvents);
    ordered.sort(Comparator.comparing(LegalEvent::occurredOn).thenComparing(LegalEvent::id));
    List<CourtClaim> claims = new ArrayList<>();
    LegalEvent open = null;
    for (LegalEvent e : ordered) {
      switch (e.type().effect()) {
        case STARTS_COURT_CLAIM -> open = open == null ? e : open;
        case TITLE -> {
          if (open != null) {
            claims.add(new CourtClaim(open.occurredOn(), e.occurredOn(), open.type().act()));
            open = null;
          }
        }
        case VOIDS_COURT_CLAIM -> open = null;
        default -> {}
      }
    }
    if (open != null) {
      claims.add(new CourtClaim(open.occurredOn(), null, open.type().act()));
    }
    return claims;
  }

  /**
   * Each unpaid invoice's last day to act (or pending) and the act that set it, in the invoices'
   * order.
   */
  Map<Long, Outcome> byInvoice() {
    LocalDate titleOn = titleOn();
    List<LocalDate> allPayments =
        paymentsByInvoice.values().stream().flatMap(List::stream).toList();
    List<CourtClaim> claims = courtClaims();
    Map<Long, Outcome> outcomes = new LinkedHashMap<>();
    for (UnpaidInvoice invoice : unpaid) {
      Prescription p =
          titleOn != null
              ? Prescription.of(
                  periods.title(titleOn),
                  periods.minimumAfterSuspension(titleOn),
                  titleOn,
                  PrescriptionAct.COURT_TITLE)
              : Prescription.of(
                  periods.claim(debtorType, invoice.dueDate()),
                  periods.minimumAfterSuspension(invoice.dueDate()),
                  invoice.dueDate(),
                  PrescriptionAct.DUE_DATE);
      List<LocalDate> payments =
          titleOn != null ? allPayments : paymentsByInvoice.getOrDefault(invoice.id(), List.of());
      outcomes.put(invoice.id(), apply(p, payments, claims).outcome());
    }
    return outcomes;
  }

  /**
   * The case's: the earliest date among its invoices (the first claim the creditor would lose), or
   * pending when every unpaid invoice waits for the end of a court claim; empty when nothing is
   * owed.
   */
  Optional<Outcome> outcome() {
    return earliest(byInvoice());
  }

  /** {@link #outcome()} from {@link #byInvoice()} already computed. */
  static Optional<Outcome> earliest(Map<Long, Outcome> byInvoice) {
    List<Outcome> all = List.copyOf(byInvoice.values());
    if (all.isEmpty()) {
      return Optional.empty();
    }
    return all.stream()
        .filter(o -> !o.pending())
        .min(Comparator.comparing(Outcome::date))
        .or(() -> Optional.of(all.get(0)));
  }

  /** The case's last day to act; empty when nothing is owed or while a court claim runs. */
  Optional<LocalDate> date() {
    return outcome().map(Outcome::date);
  }

  private Prescription apply(
      Prescription prescription, List<LocalDate> payments, List<CourtClaim> claims) {
    Prescription p = prescription;
    for (LocalDate paid : payments) {
      p = p.interruptedOn(paid, PrescriptionAct.PAYMENT);
    }
    for (LocalDate plan : planDates) {
      p = p.interruptedOn(plan, PrescriptionAct.PAYMENT_PLAN);
    }
    for (CourtClaim claim : claims) {
      p = p.courtClaim(claim.from(), claim.endedOn(), claim.act());
    }
    for (Suspension s : mediations) {
      p = p.suspended(s.from(), runningUntil(s), PrescriptionAct.MEDIATION);
    }
    for (LegalEvent e : legalEvents) {
      switch (e.type().effect()) {
        case INTERRUPTS -> p = p.interruptedOn(e.occurredOn(), e.type().act());
        case LASTING_INTERRUPTION -> p = p.courtClaim(e.occurredOn(), e.endsOn(), e.type().act());
        case SUSPENDS ->
            p =
                p.suspended(
                    e.occurredOn(),
                    runningUntil(new Suspension(e.occurredOn(), e.endsOn())),
                    e.type().act());
        default -> {}
      }
    }
    return p;
  }

  private LocalDate runningUntil(Suspension s) {
    return s.to() != null ? s.to() : (today.isBefore(s.from()) ? s.from() : today);
  }
}

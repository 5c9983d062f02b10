package fr.recouvrement.legal;

import fr.recouvrement.cases.DebtorType;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the prescription of one case depends on, as read from our tables; {@link #date()} is pure.
 *
 * <ul>
 *   <li>Each unpaid invoice prescribes on its own, from its due date; the case's date is the
 *       earliest (the first claim the creditor would lose).
 *   <li>A payment is an acknowledgement (C. civ. 2240) of the invoices it was allocated to, not of
 *       the others: the earlier date is the safe side for the creditor.
 *   <li>An approved payment plan acknowledges the whole balance; a court claim or an enforcement
 *       measure (legal events that interrupt) covers the whole case.
 *   <li>Mediations and suspending legal events suspend every invoice (C. civ. 2238). One still
 *       running counts as ending today: the date is recomputed when it ends, and until then the
 *       6-month floor keeps it at least half a year away.
 *   <li>With an enforceable title the claim's own periods no longer apply: 10 years from the title
 *       (CPCE L111-4), restarted by later acknowledgements and enforcement measures.
 * </ul>
 */
record PrescriptionFacts(
    DebtorType debtorType,
    List<UnpaidInvoice> unpaid,
    Map<Long, List<LocalDate>> paymentsByInvoice,
    List<LocalDate> caseInterruptions,
    List<Suspension> suspensions,
    LocalDate titleOn,
    LocalDate today) {

  record UnpaidInvoice(long id, LocalDate dueDate) {}

  /** {@code to} is null while it runs. */
  record Suspension(LocalDate from, LocalDate to) {}

  /** The last day the case's claim can be acted on; empty when nothing is owed. */
  Optional<LocalDate> date() {
    if (unpaid.isEmpty()) {
      return Optional.empty();
    }
    if (titleOn != null) {
      List<LocalDate> payments = paymentsByInvoice.values().stream().flatMap(List::stream).toList();
      return Optional.of(apply(Prescription.ofTitle(titleOn), payments).date());
    }
    return unpaid.stream()
        .map(i -> apply(Prescription.of(debtorType, i.dueDate()), paymentsByInvoice.getOrDefault(i.id(), List.of())).date())
        .min(Comparator.naturalOrder());
  }

  private Prescription apply(Prescription prescription, List<LocalDate> payments) {
    Prescription p = prescription;
    for (LocalDate paid : payments) {
      p = p.interruptedOn(paid);
    }
    for (LocalDate interrupted : caseInterruptions) {
      p = p.interruptedOn(interrupted);
    }
    for (Suspension s : suspensions) {
      LocalDate to = s.to() != null ? s.to() : (today.isBefore(s.from()) ? s.from() : today);
      p = p.suspended(s.from(), to);
    }
    return p;
  }
}

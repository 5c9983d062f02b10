package fr.recouvrement.money;

import fr.recouvrement.money.Allocation.Part;
import fr.recouvrement.money.CaseBalance.InvoiceBalance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The money rules of a case, on one version of the rate table: what is owed on a given day, and how
 * a payment is allocated. Pure: no database, no clock.
 *
 * <p>A consumer never owes a late penalty or a recovery indemnity (they are B2B rules and charging
 * collection costs to a consumer is an offence, CPCE L111-8): both are zero for a consumer.
 */
public final class Ledger {
  private final RateTable rates;
  private final LatePenalties penalties;
  private final LegalInterest legalInterest;

  public Ledger(RateTable rates) {
    this.rates = rates;
    this.penalties = new LatePenalties(rates);
    this.legalInterest = new LegalInterest(rates);
  }

  /**
   * The balance of a case whose consumer debtor received a formal notice on {@code
   * legalInterestFrom}, when the notice did not record what it claimed (notices sent before their
   * lines were kept): it is taken to have claimed every invoice already due on that date, with the
   * principal then unpaid. See {@link #balance(boolean, List, LocalDate, List, BigDecimal)}.
   */
  public CaseBalance balance(
      boolean professionalDebtor, List<InvoiceAccount> invoices, LocalDate asOf, LocalDate legalInterestFrom, BigDecimal interestPaid) {
    List<NoticedInvoice> noticed = legalInterestFrom == null ? List.of() : claimedByANoticeOf(invoices, legalInterestFrom);
    return balance(professionalDebtor, invoices, asOf, noticed, interestPaid);
  }

  /**
   * The balance of a case whose consumer debtor received formal notices: legal interest runs only on
   * the invoices a notice claimed, from the day that notice was sent (the first one, when several
   * claimed the same invoice), on the unpaid principal — at most what the notice claimed — at the
   * legal rate for "all other cases" (the creditor is a business), C. civ. 1231-6 and 1344-1. An
   * invoice not yet due at the notice, or disputed then, was not claimed: it bears none. Payments go
   * to principal first (the reading that costs the consumer least), so what a consumer pays beyond
   * the principal ({@code interestPaid}: the unallocated part of its payments) pays the interest,
   * oldest invoice first. A professional debtor owes late penalties and no legal interest on top:
   * {@code noticed} is ignored for it.
   */
  public CaseBalance balance(
      boolean professionalDebtor, List<InvoiceAccount> invoices, LocalDate asOf, List<NoticedInvoice> noticed, BigDecimal interestPaid) {
    CaseBalance balance = balance(professionalDebtor, invoices, asOf);
    if (professionalDebtor || noticed.isEmpty()) {
      return balance;
    }
    Map<Long, BigDecimal> accrued = legalInterestByInvoice(invoices, noticed, asOf);
    BigDecimal paid = interestPaid;
    List<InvoiceBalance> lines = new ArrayList<>();
    for (InvoiceBalance line : balance.invoices()) { // oldest first
      BigDecimal interest = accrued.getOrDefault(line.invoiceId(), BigDecimal.ZERO);
      BigDecimal paidHere = paid.min(interest).max(BigDecimal.ZERO);
      paid = paid.subtract(paidHere);
      lines.add(line.withLegalInterest(interest.subtract(paidHere)));
    }
    return new CaseBalance(lines);
  }

  /**
   * What a formal notice sent on {@code noticeDate} claimed when it did not record its lines: the
   * invoices already due that day, with the principal unpaid at its end.
   */
  public static List<NoticedInvoice> claimedByANoticeOf(List<InvoiceAccount> invoices, LocalDate noticeDate) {
    return invoices.stream()
        .filter(i -> i.dueDate().isBefore(noticeDate))
        .map(i -> new NoticedInvoice(i.invoiceId(), noticeDate, i.principalOutstandingDuring(noticeDate.plusDays(1))))
        .filter(n -> n.principalClaimed().signum() > 0)
        .toList();
  }

  /** Legal interest accrued on each noticed invoice up to {@code asOf}, before any payment of it. */
  Map<Long, BigDecimal> legalInterestByInvoice(List<InvoiceAccount> invoices, List<NoticedInvoice> noticed, LocalDate asOf) {
    Map<Long, NoticedInvoice> first = new HashMap<>();
    for (NoticedInvoice n : noticed) {
      first.merge(n.invoiceId(), n, (a, b) -> b.noticeDate().isBefore(a.noticeDate()) ? b : a);
    }
    Map<Long, BigDecimal> interest = new HashMap<>();
    for (InvoiceAccount invoice : invoices) {
      NoticedInvoice n = first.get(invoice.invoiceId());
      if (n == null) {
        continue; // never claimed by a notice: no legal interest
      }
      LocalDate start = invoice.dueDate().isAfter(n.noticeDate()) ? invoice.dueDate() : n.noticeDate();
      if (!start.isBefore(asOf)) {
        continue;
      }
      List<Settlement> principalPaid =
          invoice.settlements().stream().filter(s -> s.principal().signum() > 0).map(s -> Settlement.principal(s.date(), s.principal())).toList();
      // never on more than the notice claimed: the base is lowered by what was unpaid but not claimed
      BigDecimal unclaimed = invoice.principalOutstandingDuring(start.plusDays(1)).subtract(n.principalClaimed()).max(BigDecimal.ZERO);
      interest.put(
          invoice.invoiceId(),
          legalInterest.interest(invoice.amount().subtract(unclaimed), principalPaid, start, asOf, Rates.Creditor.PROFESSIONAL));
    }
    return interest;
  }

  /** What is still owed on each invoice at the end of {@code asOf}. */
  public CaseBalance balance(boolean professionalDebtor, List<InvoiceAccount> invoices, LocalDate asOf) {
    return new CaseBalance(
        invoices.stream().sorted(InvoiceAccount.OLDEST_FIRST).map(i -> owed(professionalDebtor, i, asOf)).toList());
  }

  /**
   * Allocates a payment received on {@code valueDate}: invoices by due date, oldest first; on each,
   * its principal, then its late penalty, then its recovery indemnity, before the next invoice.
   * Charges are taken as of the value date, so paying the balance quoted for that day settles the
   * case. Whatever exceeds the balance stays unallocated, never dropped.
   */
  public Allocation allocate(
      boolean professionalDebtor, List<InvoiceAccount> invoices, BigDecimal amount, LocalDate valueDate) {
    BigDecimal remaining = amount;
    List<Part> parts = new ArrayList<>();
    for (InvoiceBalance owed : balance(professionalDebtor, invoices, valueDate).invoices()) {
      BigDecimal principal = remaining.min(owed.principal());
      remaining = remaining.subtract(principal);
      BigDecimal penalty = remaining.min(owed.latePenalty());
      remaining = remaining.subtract(penalty);
      BigDecimal indemnity = remaining.min(owed.recoveryIndemnity());
      remaining = remaining.subtract(indemnity);
      Part part = new Part(owed.invoiceId(), principal, penalty, indemnity);
      if (part.total().signum() > 0) {
        parts.add(part);
      }
    }
    return new Allocation(parts, remaining, rates.version());
  }

  private InvoiceBalance owed(boolean professionalDebtor, InvoiceAccount invoice, LocalDate asOf) {
    BigDecimal principal = Money.cents(invoice.principalOutstanding());
    if (!professionalDebtor) {
      return new InvoiceBalance(invoice.invoiceId(), principal, Money.ZERO, Money.ZERO);
    }
    BigDecimal penalty = penalties.accrued(invoice, asOf).subtract(invoice.penaltyPaid()).max(Money.ZERO);
    BigDecimal indemnity = penalties.recoveryIndemnity(invoice, asOf).subtract(invoice.indemnityPaid()).max(Money.ZERO);
    return new InvoiceBalance(invoice.invoiceId(), principal, Money.cents(penalty), Money.cents(indemnity));
  }
}

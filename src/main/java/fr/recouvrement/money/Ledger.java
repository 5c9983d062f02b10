package fr.recouvrement.money;

import fr.recouvrement.money.Allocation.Part;
import fr.recouvrement.money.CaseBalance.InvoiceBalance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
  /** The last day charges accrue (an opening judgment, C. com. L622-28); null when they run on. */
  private final LocalDate chargesStopOn;

  public Ledger(RateTable rates) {
    this(rates, null);
  }

  private Ledger(RateTable rates, LocalDate chargesStopOn) {
    this.rates = rates;
    this.penalties = new LatePenalties(rates);
    this.legalInterest = new LegalInterest(rates);
    this.chargesStopOn = chargesStopOn;
  }

  /**
   * The same rules with late penalties and interest stopped at the end of {@code day}: the opening
   * judgment of a procédure collective stops them (C. com. L622-28). A payment after that day still
   * lowers the principal; the charges it finds are those of that day. Null: no stop.
   */
  public Ledger chargesStoppedOn(LocalDate day) {
    return new Ledger(rates, day);
  }

  /** The day charges are counted to when asked for {@code asOf}. */
  private LocalDate chargeDay(LocalDate asOf) {
    return chargesStopOn != null && asOf.isAfter(chargesStopOn) ? chargesStopOn : asOf;
  }

  /**
   * The balance of a case whose consumer debtor received a formal notice on {@code
   * legalInterestFrom}: legal interest runs on each invoice's unpaid principal from that date (or
   * from its due date, if later) at the legal rate for "all other cases" (the creditor is a
   * business), C. civ. 1231-6 and 1344-1. Payments go to principal first (the reading that costs the
   * consumer least), so what a consumer pays beyond the principal ({@code interestPaid}: the
   * unallocated part of its payments) pays the interest. A professional debtor owes late penalties
   * and no legal interest on top: {@code legalInterestFrom} is ignored for it.
   */
  public CaseBalance balance(
      boolean professionalDebtor, List<InvoiceAccount> invoices, LocalDate asOf, LocalDate legalInterestFrom, BigDecimal interestPaid) {
    CaseBalance balance = balance(professionalDebtor, invoices, asOf);
    if (professionalDebtor || legalInterestFrom == null) {
      return balance;
    }
    BigDecimal owed = legalInterest(invoices, legalInterestFrom, chargeDay(asOf)).subtract(interestPaid).max(Money.ZERO);
    return new CaseBalance(balance.invoices(), Money.cents(owed));
  }

  /** Legal interest accrued on the invoices from {@code from} to {@code asOf}, before any payment of it. */
  public BigDecimal legalInterest(List<InvoiceAccount> invoices, LocalDate from, LocalDate asOf) {
    BigDecimal sum = Money.ZERO;
    for (InvoiceAccount invoice : invoices) {
      LocalDate start = invoice.dueDate().isAfter(from) ? invoice.dueDate() : from;
      if (start.isBefore(asOf)) {
        List<Settlement> principalPaid =
            invoice.settlements().stream().filter(s -> s.principal().signum() > 0).map(s -> Settlement.principal(s.date(), s.principal())).toList();
        sum = sum.add(legalInterest.interest(invoice.amount(), principalPaid, start, asOf, Rates.Creditor.PROFESSIONAL));
      }
    }
    return sum;
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
    LocalDate chargedTo = chargeDay(asOf);
    BigDecimal penalty = penalties.accrued(invoice, chargedTo).subtract(invoice.penaltyPaid()).max(Money.ZERO);
    BigDecimal indemnity = penalties.recoveryIndemnity(invoice, chargedTo).subtract(invoice.indemnityPaid()).max(Money.ZERO);
    return new InvoiceBalance(invoice.invoiceId(), principal, Money.cents(penalty), Money.cents(indemnity));
  }
}

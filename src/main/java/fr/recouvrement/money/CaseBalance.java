package fr.recouvrement.money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a debtor owes on each invoice of a case on a given day, and in total. A consumer owes legal
 * interest since the formal notice on the invoices it claimed (zero for a professional, who owes
 * late penalties instead, and before any notice).
 */
public record CaseBalance(List<InvoiceBalance> invoices) {

  /**
   * Still owed on one invoice: principal, late penalty, recovery indemnity (both zero for a
   * consumer) and legal interest (a consumer's, on an invoice a formal notice claimed; else zero).
   */
  public record InvoiceBalance(
      long invoiceId,
      BigDecimal principal,
      BigDecimal latePenalty,
      BigDecimal recoveryIndemnity,
      BigDecimal legalInterest) {
    public InvoiceBalance(
        long invoiceId,
        BigDecimal principal,
        BigDecimal latePenalty,
        BigDecimal recoveryIndemnity) {
      this(invoiceId, principal, latePenalty, recoveryIndemnity, Money.ZERO);
    }

    public BigDecimal total() {
      return principal.add(latePenalty).add(recoveryIndemnity).add(legalInterest);
    }

    InvoiceBalance withLegalInterest(BigDecimal interest) {
      return new InvoiceBalance(
          invoiceId, principal, latePenalty, recoveryIndemnity, Money.cents(interest));
    }
  }

  public Optional<InvoiceBalance> invoice(long invoiceId) {
    return invoices.stream().filter(i -> i.invoiceId() == invoiceId).findFirst();
  }

  public BigDecimal principal() {
    return sum(InvoiceBalance::principal);
  }

  /** Late penalties and recovery indemnities still owed. */
  public BigDecimal penalties() {
    return sum(InvoiceBalance::latePenalty).add(sum(InvoiceBalance::recoveryIndemnity));
  }

  /** A consumer's legal interest still owed since the formal notice. */
  public BigDecimal legalInterest() {
    return sum(InvoiceBalance::legalInterest);
  }

  public BigDecimal total() {
    return principal().add(penalties()).add(legalInterest());
  }

  public boolean isSettled() {
    return total().signum() == 0;
  }

  private BigDecimal sum(Function<InvoiceBalance, BigDecimal> part) {
    return invoices.stream().map(part).reduce(Money.ZERO, BigDecimal::add);
  }
}

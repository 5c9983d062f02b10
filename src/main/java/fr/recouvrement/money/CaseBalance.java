package fr.recouvrement.money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a debtor owes on each invoice of a case on a given day, and in total. {@code legalInterest}
 * is the legal interest a consumer still owes since the formal notice (zero for a professional, who
 * owes late penalties instead, and before any notice).
 */
public record CaseBalance(List<InvoiceBalance> invoices, BigDecimal legalInterest) {

  public CaseBalance(List<InvoiceBalance> invoices) {
    this(invoices, Money.ZERO);
  }

  /** Still owed on one invoice: principal, late penalty, recovery indemnity (both zero for a consumer). */
  public record InvoiceBalance(long invoiceId, BigDecimal principal, BigDecimal latePenalty, BigDecimal recoveryIndemnity) {
    public BigDecimal total() {
      return principal.add(latePenalty).add(recoveryIndemnity);
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

  public BigDecimal total() {
    return principal().add(penalties()).add(legalInterest);
  }

  public boolean isSettled() {
    return total().signum() == 0;
  }

  private BigDecimal sum(Function<InvoiceBalance, BigDecimal> part) {
    return invoices.stream().map(part).reduce(Money.ZERO, BigDecimal::add);
  }
}

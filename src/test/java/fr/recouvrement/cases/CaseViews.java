package fr.recouvrement.cases;

import fr.recouvrement.money.AmountPursued;
import fr.recouvrement.money.CaseBalance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Cases built by hand for tests that need no application context: the amount pursued is computed
 * from the invoices as the case service does (a consumer's penalties and indemnities are zero, as
 * the money rules make them), through the one {@link AmountPursued}.
 */
public final class CaseViews {
  private CaseViews() {}

  /**
   * The case as the service would show it on {@code day}; {@code legalInterest} is what a consumer
   * owes since a notice of {@code legalInterestFrom} on each invoice, in the order given (null:
   * none).
   */
  public static CaseView view(
      String reference,
      CaseView.Debtor debtor,
      LocalDate day,
      List<CaseView.Invoice> invoices,
      LocalDate legalInterestFrom,
      BigDecimal... legalInterest) {
    boolean business = debtor.type() == DebtorType.BUSINESS;
    List<CaseBalance.InvoiceBalance> balances = new ArrayList<>();
    List<AmountPursued.Invoice> facts = new ArrayList<>();
    for (int i = 0; i < invoices.size(); i++) {
      CaseView.Invoice invoice = invoices.get(i);
      BigDecimal interest = i < legalInterest.length ? legalInterest[i] : BigDecimal.ZERO;
      balances.add(
          new CaseBalance.InvoiceBalance(
              i,
              invoice.outstanding(),
              business ? invoice.latePenalty() : BigDecimal.ZERO,
              business ? invoice.recoveryIndemnity() : BigDecimal.ZERO,
              business ? BigDecimal.ZERO : interest));
      facts.add(
          new AmountPursued.Invoice(
              i, invoice.number(), invoice.issueDate(), invoice.dueDate(), invoice.disputed()));
    }
    CaseBalance balance = new CaseBalance(balances);
    return new CaseView(
        reference,
        CaseStatus.AMICABLE,
        null,
        balance.total(),
        balance.principal(),
        balance.penalties(),
        debtor,
        invoices,
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        balance.legalInterest(),
        business ? null : legalInterestFrom,
        AmountPursued.on(day, facts, balance));
  }
}

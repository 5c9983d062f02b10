package fr.recouvrement.legal.escalation;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.Territory;
import fr.recouvrement.legal.Residence;
import fr.recouvrement.money.AmountPursued;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Chiffrer la créance à poursuivre": what the legal-route table needs once the formal notice has
 * run out. {@code claimAmount} is the amount pursued ({@link AmountPursued}: due, undisputed
 * invoices only) in principal plus interest (late penalties for a professional, legal interest for
 * a consumer) — the figure CPCE R125-1 compares with 5,000 € — without the €40 recovery
 * indemnities, which are not interest; {@code claimBreakdown} shows the amount invoice by invoice,
 * with the invoices left out, to the collector who files the claim. {@code residence} and {@code
 * debtorTerritory} come from the debtor's address, for the court deadlines (CPC 643, 642). Invoices
 * are contractual claims (sales of goods or services); this creditor grants no consumer credit or
 * lease. {@code debtorCommercial}: the debtor is a trader, as recorded on the debtor (the intake's
 * default or the creditor's word).
 */
@Component("collectLegalFacts")
class CollectLegalFacts implements JavaDelegate {
  private final CaseService cases;
  private final EscalationFacts facts;

  CollectLegalFacts(CaseService cases, EscalationFacts facts) {
    this.cases = cases;
    this.facts = facts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = StepVariables.of(execution).caseReference();
    CaseView view = cases.get(reference);
    AmountPursued.Statement pursued = view.amountPursued();
    execution.setVariable("balance", view.balance().doubleValue());
    execution.setVariable("claimAmount", pursued.principalAndInterest().doubleValue());
    execution.setVariable("claimBreakdown", pursued.breakdown());
    execution.setVariable("claimOrigin", "CONTRACTUAL");
    execution.setVariable("consumerCredit", false);
    // the court of an order to pay: tribunal de commerce only between traders (legal-route)
    execution.setVariable("debtorCommercial", view.debtor().commercial());
    if (execution.getVariable("debtorRefusedSmallClaims") == null) {
      execution.setVariable("debtorRefusedSmallClaims", false);
    }
    execution.setVariable("prescribed", facts.prescribed(reference));
    // where the debtor lives decides the opposition period (CPC 643) and the calendar of working
    // days (CPC 642)
    CaseView.Address address = view.debtor().address();
    String country = address == null ? null : address.country();
    String postalCode = address == null ? null : address.postalCode();
    execution.setVariable("residence", Residence.of(country, postalCode).name());
    execution.setVariable("debtorTerritory", Territory.of(country, postalCode).name());
  }
}

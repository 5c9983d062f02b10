package fr.recouvrement.dispute;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.process.StepVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Préparer la contestation": puts what the routing decision and the collector's form need into the
 * process — the category, the disputed amount, the debtor, the invoices, who raised it and what
 * credit notes could take off the whole case (the routing decision's inputs, read from our tables
 * right before it).
 */
@Component("prepareDispute")
class PrepareDispute implements JavaDelegate {
  private final DisputeService disputes;
  private final CaseService cases;

  PrepareDispute(DisputeService disputes, CaseService cases) {
    this.disputes = disputes;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DisputeService.Facts f = disputes.facts(StepVariables.of(execution).id("disputeId"));
    execution.setVariable("category", f.category());
    execution.setVariable("disputedAmount", f.disputedAmount().doubleValue());
    execution.setVariable("debtorType", f.debtorType());
    execution.setVariable("debtorName", f.debtorName());
    execution.setVariable("disputedInvoices", String.join(", ", f.invoiceNumbers()));
    execution.setVariable("debtorComment", f.comment());
    execution.setVariable("balance", cases.balance(f.caseReference()).doubleValue());
    execution.setVariable("caseCreditExposure", f.caseCreditExposure().doubleValue());
    execution.setVariable("disputeRaisedBy", f.raisedBy());
  }
}

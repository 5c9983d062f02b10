package fr.recouvrement.dispute;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.process.StepVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Libérer les factures contestées": the dispute is closed; reminders chase its invoices again.
 * Tells the model whether a credit note left nothing owed ({@code nothingOwed}), so that the case
 * closes as after a full payment.
 */
@Component("releaseDisputedInvoices")
class ReleaseDisputedInvoices implements JavaDelegate {
  private final DisputeService disputes;
  private final CaseService cases;

  ReleaseDisputedInvoices(DisputeService disputes, CaseService cases) {
    this.disputes = disputes;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    disputes.release(StepVariables.of(execution).id("disputeId"));
    execution.setVariable(
        "nothingOwed", cases.balance(StepVariables.of(execution).caseReference()).signum() == 0);
  }
}

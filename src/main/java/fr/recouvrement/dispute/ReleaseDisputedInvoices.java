package fr.recouvrement.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Libérer les factures contestées": the dispute is closed; reminders chase its invoices again. */
@Component("releaseDisputedInvoices")
class ReleaseDisputedInvoices implements JavaDelegate {
  private final DisputeService disputes;

  ReleaseDisputedInvoices(DisputeService disputes) {
    this.disputes = disputes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    disputes.release(DisputeVariables.disputeId(execution));
  }
}

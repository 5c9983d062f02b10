package fr.recouvrement.plan;

import fr.recouvrement.kernel.process.StepVariables;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Reprendre la proposition du débiteur": what the debtor proposed on the portal becomes the terms
 * the table judges, under the names the negotiation form uses (so the collector finds it filled in
 * when it must be negotiated). Monthly instalments: the portal offers no other frequency. The
 * debtor is the plan's negotiator of record; the balance, segment and debtor type are read from the
 * case by the next step, never taken from the portal.
 */
@Component("takePortalProposal")
class TakePortalProposal implements JavaDelegate {
  static final String PORTAL_ACTOR = "débiteur (portail)";

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    int count = variables.optionalInteger("proposedInstalmentCount").orElse(0);
    execution.setVariable("instalmentCount", count);
    execution.setVariable("frequency", Frequency.MONTHLY.name());
    execution.setVariable(
        "firstInstalmentDate", variables.date("proposedFirstInstalmentDate").toString());
    execution.setVariable(
        "downPayment",
        variables.optionalAmount("proposedDownPayment").orElse(BigDecimal.ZERO).doubleValue());
    execution.setVariable("planNegotiator", PORTAL_ACTOR);
    execution.setVariable("planNotes", "Proposé par le débiteur sur son portail.");
  }
}

package fr.recouvrement.dispute;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.security.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer l'avoir": a credit note ({@code creditNoteAmount}, {@code creditNoteNumber}) or a
 * partial acceptance ({@code acceptedAmount}) lowers what the disputed invoices owe.
 */
@Component("recordCreditNote")
class RecordCreditNote implements JavaDelegate {
  private final DisputeService disputes;

  RecordCreditNote(DisputeService disputes) {
    this.disputes = disputes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    DisputeOutcome outcome = DisputeOutcome.valueOf(variables.text("disputeOutcome"));
    long disputeId = variables.id("disputeId");
    String actor = Actors.current(execution);
    if (outcome == DisputeOutcome.CREDIT_NOTE) {
      disputes.credit(
          disputeId,
          outcome,
          variables.optionalAmount("creditNoteAmount").orElse(null),
          variables.optionalText("creditNoteNumber").orElse(null),
          actor);
    } else if (outcome == DisputeOutcome.PARTIAL) {
      disputes.credit(
          disputeId, outcome, variables.optionalAmount("acceptedAmount").orElse(null), null, actor);
    } else {
      throw new IllegalStateException(
          "Dispute " + disputeId + ": no credit to record for outcome " + outcome);
    }
  }
}

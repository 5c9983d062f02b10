package fr.recouvrement.dispute;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.security.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la contestation": the debtor contested on the phone; the dispute covers every
 * invoice still owed, in the category the collector chose in the call form.
 */
@Component("recordCallDispute")
class RecordCallDispute implements JavaDelegate {
  private final DisputeService disputes;

  RecordCallDispute(DisputeService disputes) {
    this.disputes = disputes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    long id =
        disputes.recordFromCall(
            variables.caseReference(),
            variables.optionalText("disputeCategory").orElse("COMMERCIAL"),
            variables.optionalText("callNotes").orElse(null),
            Actors.current(execution));
    execution.setVariable("disputeId", id);
  }
}

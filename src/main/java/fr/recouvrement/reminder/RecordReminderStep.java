package fr.recouvrement.reminder;

import fr.recouvrement.kernel.process.StepVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Passer à l'étape suivante". */
@Component("recordReminderStep")
class RecordReminderStep implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(
        "reminderStep", StepVariables.of(execution).optionalInteger("reminderStep").orElse(1) + 1);
  }
}

package fr.recouvrement.reminder;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Passer à l'étape suivante". */
@Component("recordReminderStep")
class RecordReminderStep implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("reminderStep", ProcessVariables.integer(execution, "reminderStep", 1) + 1);
  }
}

package fr.recouvrement.reminder;

import fr.recouvrement.kernel.process.StepVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enregistrer le segment": the case shows the segment the decision chose. */
@Component("recordSegment")
class RecordSegment implements JavaDelegate {
  private final ReminderRepository repository;

  RecordSegment(ReminderRepository repository) {
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    repository.setSegment(
        StepVariables.of(execution).caseReference(), StepVariables.of(execution).text("segment"));
  }
}

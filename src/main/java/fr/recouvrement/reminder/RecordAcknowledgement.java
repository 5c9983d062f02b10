package fr.recouvrement.reminder;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la reconnaissance de dette": a partial payment acknowledges the debt (C. civ. 2240),
 * which restarts prescription from its date.
 */
@Component("recordAcknowledgement")
class RecordAcknowledgement implements JavaDelegate {
  private final ReminderRepository repository;

  RecordAcknowledgement(ReminderRepository repository) {
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate on = StepVariables.of(execution).optionalDate("lastPaymentDate").orElse(null);
    repository.recordAcknowledgement(
        StepVariables.of(execution).caseReference(), on == null ? CaseClock.today() : on);
  }
}

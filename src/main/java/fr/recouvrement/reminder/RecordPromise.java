package fr.recouvrement.reminder;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.security.Actors;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la promesse": records the promise and sets when to check it: the day after the
 * promised date plus the grace days the task's input parameter {@code graceDays} gives (in the
 * shipped models, the GRACE_DAYS row of the house-delays table, « Délais de gestion »).
 */
@Component("recordPromise")
class RecordPromise implements JavaDelegate {
  private final ReminderRepository repository;

  RecordPromise(ReminderRepository repository) {
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    String reference = variables.caseReference();
    LocalDate promised = variables.optionalDate("promiseDate").orElse(null);
    BigDecimal amount = variables.optionalAmount("promiseAmount").orElse(null);
    long id =
        repository.insertPromise(
            repository.facts(reference).caseId(), promised, amount, Actors.current(execution));
    LocalDate check = promised.plusDays(variables.optionalInteger("graceDays").orElse(0) + 1L);
    execution.setVariable("promiseId", id);
    execution.setVariable(
        "promiseCheckAt", Date.from(check.atStartOfDay(CaseClock.PARIS).toInstant()));
  }
}

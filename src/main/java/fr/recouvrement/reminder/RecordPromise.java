package fr.recouvrement.reminder;

import fr.recouvrement.security.Actors;
import fr.recouvrement.kernel.time.CaseClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la promesse": records the promise and sets when to check it: the day after the
 * promised date plus the grace days set on the task in the model ({@code graceDays}).
 */
@Component("recordPromise")
class RecordPromise implements JavaDelegate {
  private final ReminderRepository repository;

  RecordPromise(ReminderRepository repository) {
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = ProcessVariables.required(execution, "caseReference");
    LocalDate promised = ProcessVariables.date(execution, "promiseDate");
    BigDecimal amount = ProcessVariables.amount(execution, "promiseAmount");
    long id = repository.insertPromise(repository.facts(reference).caseId(), promised, amount, Actors.current(execution));
    LocalDate check = promised.plusDays(ProcessVariables.integer(execution, "graceDays", 0) + 1L);
    execution.setVariable("promiseId", id);
    execution.setVariable("promiseCheckAt", Date.from(check.atStartOfDay(CaseClock.PARIS).toInstant()));
  }
}

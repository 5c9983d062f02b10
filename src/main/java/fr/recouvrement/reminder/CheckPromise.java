package fr.recouvrement.reminder;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.process.StepVariables;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Vérifier la promesse": kept when the payments recorded since the promise reach the promised
 * amount (or nothing is owed any more); a broken promise is recorded, and counts in the debtor's
 * history at the next segmentation.
 */
@Component("checkPromise")
class CheckPromise implements JavaDelegate {
  private final ReminderRepository repository;
  private final CaseService cases;

  CheckPromise(ReminderRepository repository, CaseService cases) {
    this.repository = repository;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = StepVariables.of(execution).id("promiseId");
    ReminderRepository.PromiseRow promise = repository.promise(id);
    BigDecimal paid = repository.paidSince(promise.caseId(), promise.recordedAt());
    boolean kept =
        paid.compareTo(promise.amount()) >= 0
            || cases.balance(StepVariables.of(execution).caseReference()).signum() == 0;
    repository.settlePromise(id, kept);
    execution.setVariable("promiseKept", kept);
  }
}

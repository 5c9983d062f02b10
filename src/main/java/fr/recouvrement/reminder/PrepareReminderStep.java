package fr.recouvrement.reminder;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Préparer l'étape de relance": the inputs of reminder-cadence and reminder-content, read fresh
 * from the case, and the debtor's name for whoever looks at the instance in Cockpit. Whether the
 * debtor has an email address or a phone is not written: « Planifier l'étape » reads it from the
 * case itself, and no model, form or step read those variables (issue 14, P4: each was a runtime
 * row and a history row per case).
 */
@Component("prepareReminderStep")
class PrepareReminderStep implements JavaDelegate {
  private final ReminderRepository repository;
  private final CaseService cases;

  PrepareReminderStep(ReminderRepository repository, CaseService cases) {
    this.repository = repository;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = StepVariables.of(execution).caseReference();
    ReminderRepository.CaseFacts facts = repository.facts(reference);
    execution.setVariable(
        "reminderStep", StepVariables.of(execution).optionalInteger("reminderStep").orElse(1));
    execution.setVariable("segment", facts.segment() == null ? "PONCTUEL" : facts.segment());
    execution.setVariable("debtorType", facts.debtorType());
    execution.setVariable("debtorName", facts.debtorName());
    // what the reminders may chase: invoices under an open dispute are set aside
    execution.setVariable("balance", cases.undisputedBalance(reference).doubleValue());
    execution.setVariable("daysOverdue", facts.daysOverdue(CaseClock.today()));
  }
}

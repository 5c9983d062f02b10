package fr.recouvrement.reminder;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Préparer l'étape de relance": the inputs of reminder-cadence and reminder-content, read fresh
 * from the case.
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
    StepVariables variables = StepVariables.of(execution);
    String reference = variables.caseReference();
    ReminderRepository.CaseFacts facts = repository.facts(reference);
    // most facts are those of the previous step: written only when they changed
    variables.set("reminderStep", variables.optionalInteger("reminderStep").orElse(1));
    variables.set("segment", facts.segment() == null ? "PONCTUEL" : facts.segment());
    variables.set("debtorType", facts.debtorType());
    variables.set("debtorName", facts.debtorName());
    variables.set("debtorPhone", facts.debtorPhone());
    // what the reminders may chase: invoices under an open dispute are set aside
    variables.set("balance", cases.undisputedBalance(reference).doubleValue());
    variables.set("daysOverdue", facts.daysOverdue(CaseClock.today()));
    variables.set("hasEmail", facts.hasEmail());
    variables.set("hasPhone", facts.hasPhone());
  }
}

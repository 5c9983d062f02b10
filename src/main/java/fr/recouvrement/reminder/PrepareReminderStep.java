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
 *
 * <p>The debtor's name, phone and whether an email address and a usable phone are on file are
 * transient: no model, decision, form or step reads them from the variables ({@link
 * ScheduleReminderStep} reads the case itself), so storing them at every step wrote four runtime
 * rows and four history rows per step that no one read (issue 14). They stay visible to the step's
 * own transaction, as before, for an analyst's expression on the way to the timer. A cadence that
 * stored them before keeps its stored copies, kept up to date.
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
    variables.setTransient("debtorName", facts.debtorName());
    variables.setTransient("debtorPhone", facts.debtorPhone());
    // what the reminders may chase: invoices under an open dispute are set aside
    variables.set("balance", cases.undisputedBalance(reference).doubleValue());
    variables.set("daysOverdue", facts.daysOverdue(CaseClock.today()));
    variables.setTransient("hasEmail", facts.hasEmail());
    variables.setTransient("hasPhone", facts.hasPhone());
  }
}

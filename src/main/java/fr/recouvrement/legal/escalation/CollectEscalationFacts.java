package fr.recouvrement.legal.escalation;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.reminder.ReminderRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Réunir les éléments de l'escalade": the facts the escalation.dmn diagram decides on
 * (solvency-signal, legal-cost-estimate, amicable-stage, procedure-prospect, escalation), read
 * fresh (the amicable stage may have lasted months). The tables record them as their inputs, so an
 * auditor sees why a case went to court.
 */
@Component("collectEscalationFacts")
class CollectEscalationFacts implements JavaDelegate {
  private final ReminderRepository reminders;
  private final EscalationFacts facts;
  private final CaseService cases;

  CollectEscalationFacts(ReminderRepository reminders, EscalationFacts facts, CaseService cases) {
    this.reminders = reminders;
    this.facts = facts;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = StepVariables.of(execution).caseReference();
    ReminderRepository.CaseFacts c = reminders.facts(reference);
    ReminderRepository.PaymentHistory history =
        reminders.paymentHistory(c.debtorId(), c.caseId(), CaseClock.today());
    execution.setVariable("debtorType", c.debtorType());
    execution.setVariable("debtorName", c.debtorName());
    execution.setVariable("segment", c.segment());
    execution.setVariable("balance", cases.balance(reference).doubleValue());
    execution.setVariable("daysOverdue", c.daysOverdue(CaseClock.today()));
    execution.setVariable("amicableSteps", facts.amicableSteps(c.caseId()));
    execution.setVariable("brokenPromises", history.brokenPromises());
    execution.setVariable("lapsedPlans", facts.lapsedPlans(c.caseId()));
    execution.setVariable("contactLost", facts.contactLost(c.caseId(), c.debtorId()));
    execution.setVariable("prescribed", facts.prescribed(reference));
  }
}

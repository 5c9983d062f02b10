package fr.recouvrement.reminder;

import fr.recouvrement.channel.ContactPolicy;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Vérifier la politique de contact": when the timer fires, the situation may have changed (another
 * contact today, a holiday the schedule did not foresee). If the contact is not allowed now, the
 * step is moved to the next allowed slot, never dropped.
 */
@Component("checkContactPolicy")
class CheckContactPolicy implements JavaDelegate {
  private final ReminderRepository repository;
  private final ContactPolicy contactPolicy;

  CheckContactPolicy(ReminderRepository repository, ContactPolicy contactPolicy) {
    this.repository = repository;
    this.contactPolicy = contactPolicy;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    String channel = variables.text("channel");
    ReminderRepository.CaseFacts facts = repository.facts(variables.caseReference());
    long caseId = facts.caseId();
    ZonedDateTime now = ZonedDateTime.ofInstant(CaseClock.now(), CaseClock.PARIS);
    ContactPolicy.ContactHistory history =
        repository.contactHistory(caseId, now.minusDays(31).toInstant());
    ContactPolicy.Verdict verdict = contactPolicy.check(channel, now, history, facts.territory());
    variables.set("contactAllowed", verdict.allowed());
    variables.set("contactPolicyReason", verdict.reason());
    if (!verdict.allowed()) {
      variables.set(
          "stepAt",
          Date.from(
              contactPolicy
                  .nextAllowed(channel, now.plusMinutes(1), history, facts.territory())
                  .toInstant()));
    }
  }
}

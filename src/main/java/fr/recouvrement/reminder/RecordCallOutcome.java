package fr.recouvrement.reminder;

import fr.recouvrement.kernel.process.StepKey;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.security.Actors;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer l'issue de l'appel": the collector's call is a contact like any other (it counts
 * toward the contact policy and shows in the case's history). A wrong number is never dialled or
 * texted again; a promise hands its date and amount to the case process.
 */
@Component("recordCallOutcome")
class RecordCallOutcome implements JavaDelegate {
  static final Set<String> OUTCOMES =
      Set.of("REACHED", "NO_ANSWER", "WRONG_NUMBER", "PROMISE", "DISPUTE", "PAYMENT_PLAN");

  private final ReminderRepository repository;

  RecordCallOutcome(ReminderRepository repository) {
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    String outcome = variables.text("callOutcome");
    if (!OUTCOMES.contains(outcome)) {
      throw new IllegalArgumentException(
          "Unknown call outcome '" + outcome + "'; expected one of " + OUTCOMES);
    }
    String reference = variables.caseReference();
    ReminderRepository.CaseFacts facts = repository.facts(reference);
    String key =
        StepKey.of(execution, reference, variables.optionalInteger("reminderStep").orElse(0));
    if (!repository.communicationExists(key)) {
      repository.recordCall(
          facts.caseId(),
          key,
          repository.phoneOf(facts.debtorId()),
          outcome,
          Actors.current(execution));
    }
    if ("WRONG_NUMBER".equals(outcome)) {
      repository.markPhoneInvalid(facts.debtorId());
    }
    if ("PROMISE".equals(outcome)) {
      LocalDate date = variables.optionalDate("promiseDate").orElse(null);
      BigDecimal amount = variables.optionalAmount("promiseAmount").orElse(null);
      if (date == null || amount == null || amount.signum() <= 0) {
        throw new IllegalArgumentException("A promise needs a date and an amount greater than 0");
      }
      execution.setVariable("promiseDate", date.toString());
      execution.setVariable("promiseAmount", amount.doubleValue());
    }
  }
}

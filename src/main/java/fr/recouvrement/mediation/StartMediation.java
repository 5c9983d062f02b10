package fr.recouvrement.mediation;

import fr.recouvrement.security.Actors;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer l'ouverture de la médiation": records the mediator, the referral and the start
 * date (for a consumer's own referral, referredBy = CONSUMER: referralDate, creditorAgreedOn and
 * firstMeetingDate, from which the suspension of prescription starts, C. civ. 2238), and dates the outcome task at the mediator's deadline ({@code mediationDeadline}, an input
 * of the task in the model: P3M for the Médiateur des entreprises, P90D for a consumer mediator).
 */
@Component("startMediation")
class StartMediation implements JavaDelegate {
  private final MediationService mediations;

  StartMediation(MediationService mediations) {
    this.mediations = mediations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String debtorType = (String) execution.getVariable("debtorType");
    String kind = (String) execution.getVariable("mediatorKind");
    String expected = "BUSINESS".equals(debtorType) ? "MEDIATEUR_DES_ENTREPRISES" : "CONSUMER_MEDIATOR";
    if (!expected.equals(kind)) {
      throw new IllegalArgumentException(
          "A %s debtor is referred to the %s, not to %s".formatted(debtorType, expected, kind));
    }
    Object referral = execution.getVariable("referralDate");
    long id;
    if ("CONSUMER".equals(execution.getVariable("referredBy"))) {
      // the consumer referred the dispute itself (C. consom. L612-1): the dates C. civ. 2238 needs
      id =
          mediations.startConsumerReferral(
              (String) execution.getVariable("caseReference"),
              (String) execution.getVariable("mediatorName"),
              (String) execution.getVariable("mediatorReference"),
              date(referral),
              date(execution.getVariable("creditorAgreedOn")),
              date(execution.getVariable("firstMeetingDate")),
              execution.getProcessInstanceId(),
              Actors.current(execution));
    } else {
      id =
          mediations.start(
              (String) execution.getVariable("caseReference"),
              kind,
              (String) execution.getVariable("mediatorName"),
              (String) execution.getVariable("mediatorReference"),
              referral == null ? CaseClock.today() : date(referral),
              execution.getProcessInstanceId(),
              Actors.current(execution));
    }
    execution.getProcessInstance().setVariable("mediationId", id);
    Period deadline = Period.parse((String) execution.getVariable("mediationDeadline"));
    execution.getProcessInstance().setVariable("mediationDueDate", Date.from(CaseClock.now().atZone(CaseClock.PARIS).plus(deadline).toInstant()));
  }

  /** A date from a form (ISO text, perhaps with a time) or Java; null when absent or blank. */
  private static LocalDate date(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), CaseClock.PARIS);
    }
    return LocalDate.parse(value.toString().substring(0, 10));
  }

}

package fr.recouvrement.mediation;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.security.Actors;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer l'ouverture de la médiation": records the mediator, the referral and the start date
 * (for a consumer's own referral, referredBy = CONSUMER: referralDate, creditorAgreedOn and
 * firstMeetingDate, from which the suspension of prescription starts, C. civ. 2238), and dates the
 * outcome task at the mediator's deadline ({@code mediationDeadline}, an input of the task in the
 * model: P3M for the Médiateur des entreprises, P90D for a consumer mediator).
 */
@Component("startMediation")
class StartMediation implements JavaDelegate {
  private final MediationService mediations;

  StartMediation(MediationService mediations) {
    this.mediations = mediations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    String debtorType = variables.optionalText("debtorType").orElse(null);
    String kind = variables.optionalText("mediatorKind").orElse(null);
    String expected =
        "BUSINESS".equals(debtorType) ? "MEDIATEUR_DES_ENTREPRISES" : "CONSUMER_MEDIATOR";
    if (!expected.equals(kind)) {
      throw new IllegalArgumentException(
          "A %s debtor is referred to the %s, not to %s".formatted(debtorType, expected, kind));
    }
    LocalDate referral = variables.optionalDate("referralDate").orElse(null);
    long id;
    if ("CONSUMER".equals(variables.optionalText("referredBy").orElse(null))) {
      // the consumer referred the dispute itself (C. consom. L612-1): the dates C. civ. 2238 needs
      id =
          mediations.startConsumerReferral(
              StepVariables.of(execution).caseReference(),
              variables.optionalText("mediatorName").orElse(null),
              variables.optionalText("mediatorReference").orElse(null),
              referral,
              variables.optionalDate("creditorAgreedOn").orElse(null),
              variables.optionalDate("firstMeetingDate").orElse(null),
              execution.getProcessInstanceId(),
              Actors.current(execution));
    } else {
      id =
          mediations.start(
              StepVariables.of(execution).caseReference(),
              kind,
              variables.optionalText("mediatorName").orElse(null),
              variables.optionalText("mediatorReference").orElse(null),
              referral == null ? CaseClock.today() : referral,
              execution.getProcessInstanceId(),
              Actors.current(execution));
    }
    execution.getProcessInstance().setVariable("mediationId", id);
    Period deadline = Period.parse(variables.text("mediationDeadline"));
    execution
        .getProcessInstance()
        .setVariable(
            "mediationDueDate",
            Date.from(CaseClock.now().atZone(CaseClock.PARIS).plus(deadline).toInstant()));
  }
}

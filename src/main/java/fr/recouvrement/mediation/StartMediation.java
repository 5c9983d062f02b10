package fr.recouvrement.mediation;

import fr.recouvrement.security.Actors;
import fr.recouvrement.cases.CaseClock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer l'ouverture de la médiation": records the mediator, the referral and the start
 * date, and dates the outcome task at the mediator's deadline ({@code mediationDeadline}, an input
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
    long id =
        mediations.start(
            (String) execution.getVariable("caseReference"),
            kind,
            (String) execution.getVariable("mediatorName"),
            (String) execution.getVariable("mediatorReference"),
            referral == null ? CaseClock.today() : LocalDate.parse(referral.toString().substring(0, 10)),
            execution.getProcessInstanceId(),
            Actors.current(execution));
    execution.getProcessInstance().setVariable("mediationId", id);
    Period deadline = Period.parse((String) execution.getVariable("mediationDeadline"));
    execution.getProcessInstance().setVariable("mediationDueDate", Date.from(CaseClock.now().atZone(CaseClock.PARIS).plus(deadline).toInstant()));
  }

}

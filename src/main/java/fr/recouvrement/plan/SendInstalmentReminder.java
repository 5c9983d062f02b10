package fr.recouvrement.plan;

import fr.recouvrement.channel.CaseEmails;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Rappeler l'échéance impayée": the email {@code echeance-impayee} with what is missing and the
 * deadline, today plus gracePeriodDays (an input parameter of the model); writes gracePeriodEndsAt,
 * which the grace timer waits for.
 */
@Component("sendInstalmentReminder")
class SendInstalmentReminder implements JavaDelegate {
  static final String TEMPLATE = "echeance-impayee";

  private final PlanRepository plans;
  private final CaseEmails emails;

  SendInstalmentReminder(PlanRepository plans, CaseEmails emails) {
    this.plans = plans;
    this.emails = emails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    long planId = variables.id("planId");
    int number = variables.optionalInteger("instalmentNumber").orElse(1);
    Schedule.Instalment instalment = plans.instalments(planId).get(number - 1);
    LocalDate deadline =
        CaseClock.today().plusDays(variables.optionalInteger("gracePeriodDays").orElse(8));
    var status =
        emails.send(
            plans.plan(planId).caseReference(),
            "plan-" + planId + "-instalment-" + number + "-reminder",
            TEMPLATE,
            Map.of(
                "due",
                instalment.due(),
                "missing",
                variables
                    .optionalAmount("instalmentMissing")
                    .orElse(BigDecimal.ZERO)
                    .max(BigDecimal.ZERO),
                "deadline",
                deadline));
    execution.setVariable("communicationStatus", status.name());
    execution.setVariable("gracePeriodEndsAt", CaseClock.startOf(deadline));
  }
}

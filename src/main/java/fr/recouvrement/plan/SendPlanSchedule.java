package fr.recouvrement.plan;

import fr.recouvrement.channel.CaseEmails;
import fr.recouvrement.kernel.process.StepVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Envoyer l'échéancier au débiteur": the email {@code echeancier} listing every instalment and
 * saying whether the charges accruing meanwhile are waived if the plan is kept or stay owed
 * (penaltiesWaived). Writes communicationStatus.
 */
@Component("sendPlanSchedule")
class SendPlanSchedule implements JavaDelegate {
  static final String TEMPLATE = "echeancier";

  private final PlanRepository plans;
  private final CaseEmails emails;

  SendPlanSchedule(PlanRepository plans, CaseEmails emails) {
    this.plans = plans;
    this.emails = emails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long planId = StepVariables.of(execution).id("planId");
    PlanRepository.Plan plan = plans.plan(planId);
    List<Map<String, Object>> rows =
        plans.instalments(planId).stream()
            .map(
                i ->
                    Map.<String, Object>of(
                        "number", i.number(),
                        "downPayment", i.kind() == Schedule.Kind.DOWN_PAYMENT,
                        "due", i.due(),
                        "amount", i.amount()))
            .toList();
    // what becomes of the charges that accrue during the plan, as payment-plan-terms decided
    String chargesAfterPlan =
        StepVariables.of(execution)
            .optionalFlag("penaltiesWaived")
            .map(waived -> waived ? "WAIVED" : "KEPT")
            .orElse("");
    var status =
        emails.send(
            plan.caseReference(),
            "plan-" + planId + "-schedule",
            TEMPLATE,
            Map.of(
                "total", plan.total(), "instalments", rows, "chargesAfterPlan", chargesAfterPlan));
    execution.setVariable("communicationStatus", status.name());
  }
}

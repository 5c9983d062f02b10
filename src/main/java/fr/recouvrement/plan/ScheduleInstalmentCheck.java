package fr.recouvrement.plan;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Planifier le contrôle de l'échéance suivante": moves to the next instalment and sets
 * instalmentCheckAt to its due date plus graceDays (an input parameter of the model; in the shipped
 * model, the GRACE_DAYS row of the house-delays table, « Délais de gestion »).
 */
@Component("scheduleInstalmentCheck")
class ScheduleInstalmentCheck implements JavaDelegate {
  private final PlanRepository plans;

  ScheduleInstalmentCheck(PlanRepository plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    long planId = variables.id("planId");
    int number = variables.optionalInteger("instalmentNumber").orElse(0) + 1;
    Schedule.Instalment instalment = plans.instalments(planId).get(number - 1);
    int graceDays = variables.optionalInteger("graceDays").orElse(0);
    execution.setVariable("instalmentNumber", number);
    execution.setVariable(
        "instalmentCheckAt", CaseClock.startOf(instalment.due().plusDays(graceDays)));
  }
}

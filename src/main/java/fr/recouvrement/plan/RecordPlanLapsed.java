package fr.recouvrement.plan;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Prononcer la déchéance du terme": the plan lapses and the whole balance is due again (the case's
 * balance never stopped being owed; the plan only spread its due dates). Writes planLapsedOn.
 */
@Component("recordPlanLapsed")
class RecordPlanLapsed implements JavaDelegate {
  private final PlanRepository plans;

  RecordPlanLapsed(PlanRepository plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    plans.close(StepVariables.of(execution).id("planId"), "LAPSED", CaseClock.today());
    execution.setVariable("planLapsedOn", CaseClock.today().toString());
  }
}

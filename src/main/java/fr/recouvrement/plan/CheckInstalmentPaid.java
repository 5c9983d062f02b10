package fr.recouvrement.plan;

import fr.recouvrement.cases.CaseClock;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Vérifier le paiement de l'échéance": the payments received since the plan started, allocated
 * to the instalments in order, cover every instalment up to the current one? Writes
 * instalmentPaid, instalmentMissing (€) and planCompleted (the last one is covered).
 */
@Component("checkInstalmentPaid")
class CheckInstalmentPaid implements JavaDelegate {
  private final PlanRepository plans;

  CheckInstalmentPaid(PlanRepository plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long planId = PlanVariables.id(execution, "planId");
    int number = PlanVariables.integer(execution, "instalmentNumber", 1);
    List<Schedule.Instalment> instalments = plans.instalments(planId);
    BigDecimal due = instalments.stream().filter(i -> i.number() <= number).map(Schedule.Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal paid = plans.paidSinceStart(planId);
    plans.markCovered(planId, paid);
    boolean covered = paid.compareTo(due) >= 0;
    boolean completed = covered && number >= instalments.size();
    if (completed) {
      plans.close(planId, "COMPLETED", CaseClock.today());
    }
    execution.setVariable("instalmentPaid", covered);
    execution.setVariable("instalmentMissing", covered ? 0.0 : due.subtract(paid).doubleValue());
    execution.setVariable("planCompleted", completed);
  }
}

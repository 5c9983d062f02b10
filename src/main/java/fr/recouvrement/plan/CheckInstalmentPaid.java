package fr.recouvrement.plan;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Vérifier le paiement de l'échéance": the payments received since the plan started, allocated to
 * the instalments in order, cover every instalment up to the current one? Writes instalmentPaid,
 * instalmentMissing (€) and planCompleted (the last one is covered).
 *
 * <p>An instalment not covered at its first check means the plan was not kept to the letter
 * (allInstalmentsOnTime = false). When the last one is covered and every one was on time, the
 * charges accrued during the plan are waived if the terms say so (penaltiesWaived, from
 * payment-plan-terms); planSettled tells the case whether anything is still owed.
 */
@Component("checkInstalmentPaid")
class CheckInstalmentPaid implements JavaDelegate {
  private final PlanRepository plans;
  private final CaseService cases;

  CheckInstalmentPaid(PlanRepository plans, CaseService cases) {
    this.plans = plans;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    long planId = variables.id("planId");
    int number = variables.optionalInteger("instalmentNumber").orElse(1);
    List<Schedule.Instalment> instalments = plans.instalments(planId);
    BigDecimal due =
        instalments.stream()
            .filter(i -> i.number() <= number)
            .map(Schedule.Instalment::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal paid = plans.paidSinceStart(planId);
    plans.markCovered(planId, paid);
    boolean covered = paid.compareTo(due) >= 0;
    boolean completed = covered && number >= instalments.size();
    if (!covered) {
      execution.setVariable("allInstalmentsOnTime", false);
    }
    if (completed) {
      plans.close(planId, "COMPLETED", CaseClock.today());
      String reference = variables.caseReference();
      boolean kept = variables.optionalFlag("allInstalmentsOnTime").orElse(true);
      BigDecimal owed =
          kept && variables.optionalFlag("penaltiesWaived").orElse(false)
              ? cases.waiveChargesAccruedSince(reference, plans.plan(planId).startedOn())
              : cases.balance(reference);
      execution.setVariable("planSettled", owed.signum() == 0);
    }
    execution.setVariable("instalmentPaid", covered);
    execution.setVariable("instalmentMissing", covered ? 0.0 : due.subtract(paid).doubleValue());
    execution.setVariable("planCompleted", completed);
  }
}

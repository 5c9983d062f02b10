package fr.recouvrement.plan;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.PrescriptionService;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer l'échéancier": computes the schedule on today's balance, records the plan and its
 * instalments, and records the plan as an acknowledgement of the debt (prescription restarts).
 * Reads caseReference, instalmentCount, firstInstalmentDate, frequency, downPayment,
 * planNegotiator, planApprover; writes planId, planLineCount, planTotal, instalmentNumber (0).
 */
@Component("recordPaymentPlan")
class RecordPaymentPlan implements JavaDelegate {
  private final PlanRepository plans;
  private final CaseService cases;
  private final PrescriptionService prescription;

  RecordPaymentPlan(PlanRepository plans, CaseService cases, PrescriptionService prescription) {
    this.plans = plans;
    this.cases = cases;
    this.prescription = prescription;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    String reference = variables.caseReference();
    String processInstanceId = execution.getProcessInstanceId();
    LocalDate today = CaseClock.today();
    long planId =
        plans
            .findByProcess(processInstanceId)
            .orElseGet(
                () -> {
                  int count = variables.optionalInteger("instalmentCount").orElse(0);
                  BigDecimal down = variables.optionalAmount("downPayment").orElse(BigDecimal.ZERO);
                  Frequency frequency = Frequency.valueOf(variables.text("frequency"));
                  Schedule schedule =
                      Schedule.compute(
                          cases.balance(reference),
                          down,
                          count,
                          variables.date("firstInstalmentDate"),
                          frequency,
                          today);
                  return plans.create(
                      reference,
                      processInstanceId,
                      frequency,
                      count,
                      down,
                      schedule,
                      today,
                      variables.optionalText("planNegotiator").orElse(null),
                      variables.optionalText("planApprover").orElse(null));
                });
    plans.recordAcknowledgement(reference, today);
    // the approved plan is an acknowledgement of the whole balance (C. civ. 2240)
    prescription.refresh(reference);
    PlanRepository.Plan plan = plans.plan(planId);
    execution.setVariable("planId", planId);
    execution.setVariable("planLineCount", plan.lines());
    execution.setVariable("planTotal", plan.total().doubleValue());
    execution.setVariable("instalmentNumber", 0);
  }
}

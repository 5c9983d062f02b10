package fr.recouvrement.legal.overindebtedness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.ProcessDriver;
import fr.recouvrement.ProcessTestEngine;
import fr.recouvrement.TaskChecks;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** over-indebtedness.bpmn, one method per path, delegates mocked. */
class OverIndebtednessProcessTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final LocalDate TODAY = LocalDate.parse("2026-03-10");
  static final String REFERENCE = "DOS-SUR";

  final ProcessEngine engine = ProcessTestEngine.get();
  final List<String> calls = new ArrayList<>();
  ProcessInstance instance;
  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(at(TODAY));
    Mocks.reset();
    Mocks.register(
        "fourEyes", (org.camunda.bpm.engine.delegate.TaskListener) t -> calls.add("planFourEyes"));
    Mocks.register(
        "withdrawBailiffMissions",
        (JavaDelegate)
            e -> calls.add("withdrawBailiffMissions:" + e.getVariable("withdrawalReason")));
  }

  @AfterEach
  void tearDown() {
    if (instance != null
        && engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .count()
            > 0) {
      engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test over");
    }
    ClockUtil.reset();
    Mocks.reset();
  }

  static Date at(LocalDate day) {
    return Date.from(day.atStartOfDay(PARIS).toInstant());
  }

  static LocalDate day(Date date) {
    return LocalDate.ofInstant(date.toInstant(), PARIS);
  }

  /** Admitted, the claim declared to the commission: the process waits for the outcome. */
  void declared() {
    instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "over-indebtedness",
                REFERENCE,
                Map.of(
                    "caseReference",
                    REFERENCE,
                    "debtorType",
                    "CONSUMER",
                    "debtorName",
                    "Jeanne Martin",
                    "balance",
                    1200.0,
                    "segment",
                    "STANDARD",
                    "admissibilityDate",
                    "2026-03-09",
                    "commission",
                    "Commission du Rhône"));
    driver = new ProcessDriver(engine, instance.getId());
    assertThat(instance).isWaitingAt("Task_WithdrawBailiffMissions");
    driver.settle();
    assertThat(calls)
        .singleElement()
        .asString()
        .startsWith("withdrawBailiffMissions")
        .contains("L722-2");
    Task declare = driver.task();
    assertThat(declare.getName())
        .isEqualTo("Déclarer la créance à la commission de surendettement");
    assertThat(TaskChecks.candidateGroups(engine, declare)).containsExactly("collectors");
    assertThat(TaskChecks.form(engine, declare)).isEqualTo("declarer-creance-surendettement");
    assertThat(day(declare.getDueDate())).isEqualTo(TODAY.plusDays(30));
    driver.complete(
        declare,
        Map.of("amountDeclaredToCommission", 1200.0, "commissionDeclaredOn", "2026-03-12"));
    assertThat(instance).isWaitingAt("Task_AwaitCommissionOutcome");
  }

  void decided(String outcome) {
    engine
        .getRuntimeService()
        .createMessageCorrelation("OverIndebtednessOutcome")
        .processInstanceBusinessKey(REFERENCE)
        .setVariable("overIndebtednessOutcome", outcome)
        .correlate();
    driver.settle();
  }

  Object variable(String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  @Test
  void shouldWriteOffWithTheReasonWhenTheDebtIsExtinguishedByARetablissementPersonnel() {
    declared();
    decided("RETABLISSEMENT_PERSONNEL");

    assertThat(instance).isEnded().hasPassed("Event_DebtExtinguished");
    assertThat(variable("overIndebtednessResult")).isEqualTo("WRITE_OFF");
    assertThat((String) variable("writeOffReason"))
        .contains("rétablissement personnel", "L741-2", "L742-22");
  }

  @Test
  void shouldPrepareTheResumptionWhenTheCommissionRejectsTheFile() {
    declared();
    decided("REJECTED");

    Task review = driver.task();
    assertThat(review.getName()).isEqualTo("Préparer la reprise du recouvrement");
    assertThat(TaskChecks.form(engine, review)).isEqualTo("reprendre-recouvrement");
    assertThat(day(review.getDueDate())).isEqualTo(TODAY.plusDays(7));
    driver.complete(review, Map.of("resumeChecked", true));
    assertThat(instance).isEnded().hasPassed("Event_CollectionToResume");
    assertThat(variable("overIndebtednessResult")).isEqualTo("RESUME");
  }

  @Test
  void shouldFollowThePlanAsAPaymentPlanAndResumeWhenItIsNotKept() {
    declared();
    decided("PLAN");

    assertThat(instance).isWaitingAt("CallActivity_CommissionPlan");
    Task negotiate = driver.task();
    assertThat(negotiate.getName()).isEqualTo("Négocier l'échéancier");
    // the plan cannot be set up (the debtor does not sign it): the suspension ends
    driver.complete(negotiate, Map.of("debtorRefuses", true));
    assertThat(driver.task().getName()).isEqualTo("Préparer la reprise du recouvrement");
  }

  @Test
  void shouldAskACollectorToChaseTheCommissionAfterThreeMonthsWithoutOutcome() {
    declared();

    assertThat(driver.timerDue("Timer_CommissionOutcomeLate"))
        .hasValueSatisfying(d -> assertThat(day(d)).isEqualTo(TODAY.plusMonths(3)));
    ClockUtil.setCurrentTime(at(TODAY.plusMonths(3)));
    driver.fireTimer("Timer_CommissionOutcomeLate");

    Task chase = driver.task();
    assertThat(chase.getName()).isEqualTo("Relancer la commission de surendettement");
    assertThat(TaskChecks.form(engine, chase)).isEqualTo("relancer-commission");
    assertThat(day(chase.getDueDate())).isEqualTo(TODAY.plusMonths(3).plusDays(15));
    driver.complete(chase, Map.of("commissionChaseNotes", "Dossier en cours d'instruction"));
    // still waiting for the decision
    assertThat(instance).isWaitingAt("Task_AwaitCommissionOutcome");
  }
}

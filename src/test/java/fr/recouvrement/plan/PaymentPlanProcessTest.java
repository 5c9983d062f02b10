package fr.recouvrement.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.ProcessDriver;
import fr.recouvrement.ProcessTestEngine;
import fr.recouvrement.engine.TestHouseDelays;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
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

/**
 * payment-plan with the real terms table and the real four-eyes listener; the delegates that touch
 * our tables and the debtor are stand-ins that record what they were asked to do.
 */
class PaymentPlanProcessTest {
  static final String REFERENCE = "DOS-PLAN-TEST";

  final ProcessEngine engine = ProcessTestEngine.get();
  final List<String> calls = new ArrayList<>();

  /** What each instalment check finds, in order; an empty queue means paid. */
  final Deque<Boolean> payments = new ArrayDeque<>();

  int planLines = 3;
  String segment = "PONCTUEL";

  /** The balance our tables hold for the case, as "Relire le dossier" reads it. */
  double caseBalance;

  ProcessInstance instance;
  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    Mocks.reset();
    Mocks.register("houseDelays", TestHouseDelays.on(engine));
    mock(
        "collectPlanFacts",
        e -> {
          e.setVariable("balance", caseBalance);
          e.setVariable("segment", segment);
          e.setVariable("debtorType", "BUSINESS");
        });
    mock(
        "recordPaymentPlan",
        e -> {
          e.setVariable("planId", 1L);
          e.setVariable("planLineCount", planLines);
          e.setVariable("instalmentNumber", 0);
        });
    mock("sendPlanSchedule", e -> {});
    mock(
        "scheduleInstalmentCheck",
        e -> {
          e.setVariable("instalmentNumber", (Integer) e.getVariable("instalmentNumber") + 1);
          e.setVariable("instalmentCheckAt", later(30));
        });
    mock(
        "checkInstalmentPaid",
        e -> {
          boolean paid = payments.isEmpty() || payments.pop();
          e.setVariable("instalmentPaid", paid);
          e.setVariable(
              "planCompleted", paid && (Integer) e.getVariable("instalmentNumber") >= planLines);
        });
    mock("sendInstalmentReminder", e -> e.setVariable("gracePeriodEndsAt", later(8)));
    mock("recordPlanLapsed", e -> {});
    Mocks.register("fourEyes", new fr.recouvrement.security.FourEyes());
    Mocks.register("takePortalProposal", new TakePortalProposal());
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
    // Camunda's Mocks live in the test thread and would stand in for the Spring beans of later
    // tests
    Mocks.reset();
  }

  @Test
  void shouldRecordSendAndWatchAPlanTheCollectorMayGrantAlone() {
    start(1000.0);
    negotiate("alice", terms(3, 100));

    assertThat(instance)
        .hasPassed("Task_DecidePlanTerms", "Task_RecordPaymentPlan", "Task_SendPlanSchedule")
        .hasNotPassed("Task_ApprovePlan")
        .isWaitingAt("Timer_InstalmentDue");
    assertThat(calls)
        .containsExactly(
            "collectPlanFacts", "recordPaymentPlan", "sendPlanSchedule", "scheduleInstalmentCheck");
    assertThat(variable("planNegotiator")).isEqualTo("alice");
  }

  @Test
  void shouldRecordAtOnceAPlanTheDebtorProposedOnThePortalInsideTheTable() {
    // 3 monthly instalments, 150 down on 1,000 (15 %): Rule_WithinCollectorLimit, no approval
    startFromPortal(1000.0, 3, 150.0);

    assertThat(instance)
        .hasPassed(
            "Task_TakePortalProposal",
            "Task_DecidePortalProposal",
            "Task_RecordPaymentPlan",
            "Task_SendPlanSchedule")
        .hasNotPassed("Task_NegotiatePlan", "Task_ApprovePlan")
        .isWaitingAt("Timer_InstalmentDue");
    assertThat(variable("planNegotiator")).isEqualTo("débiteur (portail)");
    assertThat(variable("instalmentCount")).isEqualTo(3);
    assertThat(variable("frequency")).isEqualTo("MONTHLY");
  }

  @Test
  void shouldHandAPortalProposalBeyondTheTableToTheCollectorsFilledIn() {
    // 10 instalments without down payment: beyond what the table grants without negotiation
    startFromPortal(1000.0, 10, 0.0);

    Task negotiate = driver.task();
    assertThat(negotiate.getTaskDefinitionKey()).isEqualTo("Task_NegotiatePlan");
    assertThat(engine.getTaskService().getVariables(negotiate.getId()))
        .containsEntry("instalmentCount", 10)
        .containsEntry("downPayment", 0.0)
        .containsEntry("frequency", "MONTHLY");
    assertThat(engine.getTaskService().getVariable(negotiate.getId(), "planFeedback").toString())
        .contains("délégation");
    assertThat(calls).containsExactly("collectPlanFacts").doesNotContain("recordPaymentPlan");
  }

  @Test
  void shouldHaveAnotherSupervisorApproveAPlanAboveTheCollectorsLimit() {
    start(1000.0);
    negotiate("alice", terms(10, 100));

    Task approval = driver.task();
    assertThat(approval.getTaskDefinitionKey()).isEqualTo("Task_ApprovePlan");
    assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
        .anyMatch(link -> "supervisors".equals(link.getGroupId()));
    assertThat(variable("termsReason").toString()).contains("délégation");

    engine.getIdentityService().setAuthenticatedUserId("alice");
    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        approval.getId(), Map.of("planApproved", true, "approvalComment", "ok")))
        .hasMessageContaining("Quatre yeux")
        .hasMessageContaining("alice");
    assertThat(instance).isWaitingAt("Task_ApprovePlan");

    as("bob")
        .complete(approval, Map.of("planApproved", true, "approvalComment", "Acompte suffisant"));
    assertThat(instance).hasPassed("Task_RecordPaymentPlan").isWaitingAt("Timer_InstalmentDue");
    assertThat(variable("planApprover")).isEqualTo("bob");
  }

  @Test
  void shouldSendARejectedPlanBackToTheCollectorWithTheReasonThenRecordTheRenegotiatedOne() {
    start(1000.0);
    negotiate("alice", terms(10, 0));
    as("bob")
        .complete(
            driver.task(),
            Map.of("planApproved", false, "approvalComment", "Demandez un acompte de 10 %"));

    Task again = driver.task();
    assertThat(again.getTaskDefinitionKey()).isEqualTo("Task_NegotiatePlan");
    assertThat(variable("planFeedback")).isEqualTo("Demandez un acompte de 10 %");
    assertThat(calls).doesNotContain("recordPaymentPlan");

    negotiate("alice", terms(6, 100));
    assertThat(instance).hasPassed("Task_RecordPaymentPlan").isWaitingAt("Timer_InstalmentDue");
    assertThat(variable("planFeedback")).isEqualTo("");
  }

  /**
   * Security review H3: the negotiation's submission said balance 9,000 € and segment PONCTUEL,
   * which the table lets a collector grant alone (6 instalments, 10 % down); the case holds 50,539
   * € for a RECALCITRANT debtor. 900 € down on 50,539 € is 1.78 %: the terms are judged on the
   * case's figures, so a supervisor must approve.
   */
  @Test
  void shouldJudgeTheTermsOnTheCaseFactsNotOnWhatTheNegotiationSubmitted() {
    segment = "RECALCITRANT";
    start(50539.0);
    Map<String, Object> forged = terms(6, 900);
    forged.put("balance", 9000.0);
    forged.put("segment", "PONCTUEL");
    forged.put("debtorType", "CONSUMER");
    negotiate("alice", forged);

    assertThat(driver.task().getTaskDefinitionKey()).isEqualTo("Task_ApprovePlan");
    assertThat(instance)
        .hasPassed("Task_CollectPlanFacts", "Task_DecidePlanTerms")
        .hasNotPassed("Task_RecordPaymentPlan");
    assertThat(variable("balance")).isEqualTo(50539.0);
    assertThat(variable("segment")).isEqualTo("RECALCITRANT");
    assertThat(calls).doesNotContain("recordPaymentPlan");
  }

  @Test
  void shouldSendTermsNoOneMayGrantBackToTheCollector() {
    start(1000.0);
    negotiate("alice", terms(18, 100));

    assertThat(driver.task().getTaskDefinitionKey()).isEqualTo("Task_NegotiatePlan");
    assertThat(variable("planFeedback").toString()).contains("12 échéances");
    assertThat(calls).containsExactly("collectPlanFacts");
  }

  @Test
  void shouldAlwaysAskASupervisorForARecalcitrantDebtor() {
    segment = "RECALCITRANT";
    start(1000.0);
    negotiate("alice", terms(2, 500));
    assertThat(driver.task().getTaskDefinitionKey()).isEqualTo("Task_ApprovePlan");
  }

  @Test
  void shouldEndNotAgreedWhenTheDebtorRefuses() {
    start(1000.0);
    negotiate("alice", Map.of("debtorRefuses", true));

    assertThat(instance).isEnded().hasNotPassed("Task_DecidePlanTerms");
    assertThat(outcome()).isEqualTo("NOT_AGREED");
  }

  @Test
  void shouldCompleteWhenEveryInstalmentIsPaid() {
    start(1000.0);
    negotiate("alice", terms(3, 100));
    driver.fireTimer().fireTimer().fireTimer();

    assertThat(instance).isEnded().hasNotPassed("Task_SendInstalmentReminder");
    assertThat(outcome()).isEqualTo("COMPLETED");
    assertThat(calls).filteredOn("checkInstalmentPaid"::equals).hasSize(3);
  }

  @Test
  void shouldCarryOnWhenALateInstalmentIsPaidWithinTheGracePeriod() {
    planLines = 2;
    payments.addAll(List.of(false, true));
    start(1000.0);
    negotiate("alice", terms(2, 100));

    driver.fireTimer();
    assertThat(instance)
        .hasPassed("Task_SendInstalmentReminder")
        .isWaitingAt("Timer_GracePeriodOver");
    driver.fireTimer();
    assertThat(instance).hasPassed("Task_RecheckInstalmentPaid").isWaitingAt("Timer_InstalmentDue");
    driver.fireTimer();

    assertThat(outcome()).isEqualTo("COMPLETED");
    assertThat(calls).filteredOn("sendInstalmentReminder"::equals).hasSize(1);
    assertThat(calls).doesNotContain("recordPlanLapsed");
  }

  @Test
  void shouldLapseWhenAnInstalmentStaysUnpaidAfterTheGracePeriod() {
    payments.addAll(List.of(true, false, false));
    start(1000.0);
    negotiate("alice", terms(3, 100));

    driver.fireTimer().fireTimer().fireTimer();

    assertThat(instance).isEnded().hasPassed("Task_RecordPlanLapsed");
    assertThat(outcome()).isEqualTo("LAPSED");
    assertThat(variable("instalmentNumber")).isEqualTo(2);
  }

  // --- helpers

  void start(double balance) {
    caseBalance = balance;
    instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "payment-plan",
                REFERENCE,
                Map.of(
                    "caseReference",
                    REFERENCE,
                    "segment",
                    segment,
                    "debtorType",
                    "BUSINESS",
                    "balance",
                    balance,
                    "debtorName",
                    "Boulangerie Martin SARL"));
    driver = new ProcessDriver(engine, instance.getId()).settle();
  }

  static Map<String, Object> terms(int count, double downPayment) {
    Map<String, Object> v = new HashMap<>();
    v.put("debtorRefuses", false);
    v.put("instalmentCount", (long) count);
    v.put("frequency", "MONTHLY");
    v.put("firstInstalmentDate", "2027-01-31");
    v.put("downPayment", downPayment);
    return v;
  }

  void negotiate(String user, Map<String, Object> form) {
    Task task = driver.task();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_NegotiatePlan");
    as(user).complete(task, form);
  }

  ProcessDriver as(String user) {
    engine.getIdentityService().setAuthenticatedUserId(user);
    return driver;
  }

  void startFromPortal(double balance, int count, double downPayment) {
    caseBalance = balance;
    Map<String, Object> v =
        new java.util.HashMap<>(
            Map.of(
                "caseReference",
                REFERENCE,
                "segment",
                segment,
                "debtorType",
                "BUSINESS",
                "balance",
                balance,
                "debtorName",
                "Boulangerie Martin SARL"));
    v.put("planProposedOnPortal", true);
    v.put("proposedInstalmentCount", count);
    v.put(
        "proposedFirstInstalmentDate",
        java.time.LocalDate.now(fr.recouvrement.kernel.time.CaseClock.PARIS)
            .plusDays(15)
            .toString());
    v.put("proposedDownPayment", downPayment);
    instance = engine.getRuntimeService().startProcessInstanceByKey("payment-plan", REFERENCE, v);
    driver = new ProcessDriver(engine, instance.getId()).settle();
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

  Object outcome() {
    return variable("planOutcome");
  }

  static Date later(int days) {
    return new Date(ClockUtil.getCurrentTime().getTime() + days * 86_400_000L);
  }

  void mock(String name, JavaDelegate behaviour) {
    Mocks.register(
        name,
        (JavaDelegate)
            e -> {
              calls.add(name);
              behaviour.execute(e);
            });
  }
}

package fr.recouvrement.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.ProcessDriver;
import fr.recouvrement.ProcessTestEngine;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AmicableRemindersProcessTest {
  final ProcessEngine engine = ProcessTestEngine.get();
  ReminderMocks mocks;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    mocks = new ReminderMocks().register();
  }

  /**
   * Camunda's Mocks live in the test thread and would stand in for the Spring beans of later tests.
   */
  @AfterEach
  void tearDown() {
    org.camunda.bpm.engine.test.mock.Mocks.reset();
  }

  ProcessDriver start(int step) {
    ProcessInstance pi =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "amicable-reminders",
                "DOS-TEST",
                Map.of("caseReference", "DOS-TEST", "reminderStep", step));
    return new ProcessDriver(engine, pi.getId()).settle();
  }

  ProcessInstance instance(ProcessDriver driver) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(driver.tree().get(0))
        .singleResult();
  }

  Object outcome(ProcessDriver driver) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(driver.tree().get(0))
        .variableName("reminderOutcome")
        .singleResult()
        .getValue();
  }

  @Test
  void shouldRunTheDefaultCadenceInOrderThenReportItExhausted() {
    ProcessDriver driver = start(1);

    driver.fireTimer().fireTimer().fireTimer(); // courtesy email, email, SMS
    Task call = driver.fireTimer().task();
    assertThat(call.getName()).isEqualTo("Appeler le débiteur");
    assertThat(call.getTaskDefinitionKey()).isEqualTo("Task_CallDebtor");
    assertThat(call.getDueDate()).as("Tasklist sorts by due date").isAfter(call.getCreateTime());
    assertThat(call.getFollowUpDate()).isNotNull();
    driver.complete(call, Map.of("callOutcome", "NO_ANSWER"));
    driver.fireTimer(); // letter by the postal provider

    assertThat(mocks.sent)
        .containsExactly("EMAIL", "EMAIL", "SMS", "PHONE_CALL:NO_ANSWER", "LETTER");
    assertThat(mocks.templates)
        .containsExactly("relance-preventive", "relance-courtoise", "relance-sms", "relance-ferme");
    assertThat(mocks.count("sendLetterByPost")).isEqualTo(1);
    assertThat(driver.hasTimer()).isFalse();
    assertThat(outcome(driver)).isEqualTo("EXHAUSTED");
  }

  @Test
  void shouldWaitWhileEveryInvoiceLeftIsDisputedThenGoOn() {
    mocks.balance = 0.0; // all that is owed is under dispute
    ProcessDriver driver = start(2);
    assertThat(mocks.count("scheduleReminderStep")).isZero();
    driver.fireTimer(); // the next day: still nothing to chase
    assertThat(mocks.count("prepareReminderStep")).isEqualTo(2);
    assertThat(mocks.sent).isEmpty();

    mocks.balance = 900.0; // the dispute was rejected: the invoices are chased again
    driver.fireTimer().fireTimer();
    assertThat(mocks.sent).containsExactly("EMAIL");
  }

  @Test
  void shouldStopTheRemindersWithAPromiseMadeOnThePortal() {
    ProcessDriver driver = start(2);
    String id = driver.tree().get(0);
    engine
        .getRuntimeService()
        .createMessageCorrelation("PortalPromise")
        .processInstanceId(id)
        .setVariables(Map.of("promiseDate", "2026-12-20", "promiseAmount", 900.0))
        .correlateWithResult();

    assertThat(
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count())
        .isZero();
    assertThat(outcome(driver)).isEqualTo("PROMISED");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(id)
                .activityId("Event_PortalPromiseObtained")
                .finished()
                .count())
        .isEqualTo(1);
    assertThat(mocks.sent).isEmpty();
  }

  @Test
  void shouldStopTheRemindersWithAPlanProposedOnThePortal() {
    ProcessDriver driver = start(2);
    String id = driver.tree().get(0);
    engine
        .getRuntimeService()
        .createMessageCorrelation("PortalPlanProposal")
        .processInstanceId(id)
        .setVariables(Map.of("planProposedOnPortal", true, "proposedInstalmentCount", 3))
        .correlateWithResult();

    assertThat(outcome(driver)).isEqualTo("PLAN_REQUESTED");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(id)
                .activityId("Event_PortalPlanRequested")
                .finished()
                .count())
        .isEqualTo(1);
  }

  @Test
  void shouldNotSendTheCourtesyReminderOnceTheDueDateHasPassed() {
    mocks.daysOverdue = 4;
    start(1).fireTimer();
    assertThat(mocks.templates).containsExactly("relance-courtoise");
  }

  @Test
  void shouldSkipAStepWhoseChannelCannotReachTheDebtor() {
    mocks.unreachable = Set.of("SMS");
    ProcessDriver driver = start(3);
    assertThat(mocks.count("checkContactPolicy")).isZero();
    Task call = driver.fireTimer().task();
    assertThat(call.getTaskDefinitionKey()).isEqualTo("Task_CallDebtor");
    assertThat(mocks.sent).isEmpty();
  }

  @Test
  void shouldWaitForTheNextAllowedSlotRatherThanDropTheStep() {
    mocks.refusalsBeforeAllowed = 1;
    ProcessDriver driver = start(2).fireTimer();
    assertThat(mocks.sent).isEmpty();
    assertThat(driver.hasTimer()).isTrue();
    driver.fireTimer();
    assertThat(mocks.sent).containsExactly("EMAIL");
  }

  @Test
  void shouldEndWithThePromiseWhenTheDebtorPromisesOnThePhone() {
    ProcessDriver driver = start(4).fireTimer();
    driver.complete(
        driver.task(),
        Map.of("callOutcome", "PROMISE", "promiseDate", "2026-12-15", "promiseAmount", 500.0));
    assertThat(outcome(driver)).isEqualTo("PROMISED");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(driver.tree().get(0))
                .activityId("Event_PromiseObtained")
                .count())
        .isEqualTo(1);
  }

  @Test
  void shouldEndWithADisputeOrAPlanRequestRaisedOnThePhone() {
    ProcessDriver disputed = start(4).fireTimer();
    disputed.complete(disputed.task(), Map.of("callOutcome", "DISPUTE"));
    assertThat(outcome(disputed)).isEqualTo("DISPUTED");

    ProcessDriver plan = start(4).fireTimer();
    plan.complete(plan.task(), Map.of("callOutcome", "PAYMENT_PLAN"));
    assertThat(outcome(plan)).isEqualTo("PLAN_REQUESTED");
  }

  @Test
  void shouldAskACollectorToApproveALastNoticeAndRespectARefusal() {
    mocks.segment = "RECALCITRANT";
    ProcessDriver refused = start(4).fireTimer();
    Task approval = refused.task();
    assertThat(approval.getName()).isEqualTo("Valider la relance");
    refused.complete(approval, Map.of("reminderApproved", false));
    assertThat(mocks.sent).isEmpty();
    assertThat(outcome(refused))
        .isEqualTo("EXHAUSTED"); // the refused step is passed, the cadence goes on

    ProcessDriver approved = start(4).fireTimer();
    approved.complete(approved.task(), Map.of("reminderApproved", true));
    assertThat(mocks.sent).containsExactly("LETTER");
    assertThat(mocks.templates).containsExactly("dernier-avis");
  }

  @Test
  void shouldGiveALetterToACollectorToPrintWhenNoPostalProviderIsConfigured() {
    mocks.postalConfigured = false;
    ProcessDriver driver = start(5).fireTimer();
    Task print = driver.task();
    assertThat(print.getName()).isEqualTo("Imprimer et poster le courrier");
    driver.complete(print, Map.of("letterPosted", true, "postedOn", "2026-11-25"));
    assertThat(mocks.count("sendLetterByPost")).isZero();
    assertThat(driver.hasTimer()).isFalse();
    assertThat(outcome(driver)).isEqualTo("EXHAUSTED");
  }
}

package fr.recouvrement.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.ProcessDriver;
import fr.recouvrement.ProcessTestEngine;
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
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispute process with the real routing table; its delegates stand in as recorders. */
class DisputeProcessTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final LocalDate TODAY = LocalDate.parse("2026-03-02");

  final ProcessEngine engine = ProcessTestEngine.get();
  ProcessInstance started;
  final List<String> calls = new ArrayList<>();
  String category = "COMMERCIAL";
  double disputedAmount = 1850.0;

  boolean rejectionLetterByHand;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 0).atZone(PARIS).toInstant()));
    Mocks.reset();
    mock(
        "prepareDispute",
        e -> {
          e.setVariable("category", category);
          e.setVariable("disputedAmount", disputedAmount);
          e.setVariable("debtorType", "BUSINESS");
          e.setVariable("debtorName", "Boulangerie Martin SARL");
          e.setVariable("disputedInvoices", "F-2026-0117");
          e.setVariable("balance", 1890.0);
          e.setVariable("caseCreditExposure", disputedAmount);
        });
    // who raised the dispute may not decide it: DisputeResolutionTest and DisputeFourEyesTest
    Mocks.register("disputeFourEyes", (org.camunda.bpm.engine.delegate.TaskListener) t -> {});
    mock("recordCreditNote", e -> calls.add("recordCreditNote:" + e.getVariable("disputeOutcome")));
    mock(
        "notifyDisputeRejected",
        e -> {
          calls.add("notifyDisputeRejected:" + e.getVariable("rejectionReason"));
          e.setVariable("rejectionLetterByHand", rejectionLetterByHand);
        });
    mock(
        "releaseDisputedInvoices",
        e -> {
          calls.add("releaseDisputedInvoices:" + e.getVariable("disputeId"));
          e.setVariable("nothingOwed", false);
        });
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    Mocks.reset();
  }

  ProcessDriver start() {
    ProcessInstance pi =
        started =
            engine
                .getRuntimeService()
                .startProcessInstanceByKey(
                    "dispute", "DOS-TEST", Map.of("caseReference", "DOS-TEST", "disputeId", 42L));
    return new ProcessDriver(engine, pi.getId()).settle();
  }

  ProcessInstance instance(ProcessDriver driver) {
    return started;
  }

  Object variable(ProcessDriver driver, String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(driver.tree().get(0))
        .variableName(name)
        .singleResult()
        .getValue();
  }

  List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .toList();
  }

  List<Task> openTasks(ProcessDriver driver) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(driver.tree().get(0))
        .orderByTaskName()
        .asc()
        .list();
  }

  static Date day(LocalDate date) {
    return Date.from(date.atTime(9, 0).atZone(PARIS).toInstant());
  }

  @Test
  void shouldRouteALargeCommercialDisputeToSupervisorsWithItsServiceLevel() {
    disputedAmount = 6200.0;
    ProcessDriver driver = start();

    Task task = driver.task();
    assertThat(task.getName()).isEqualTo("Instruire la contestation");
    assertThat(candidateGroups(task)).containsExactly("supervisors");
    assertThat(task.getDueDate()).isEqualTo(day(TODAY.plusDays(5)));
    assertThat(task.getFollowUpDate()).isEqualTo(day(TODAY.plusDays(4)));
    assertThat(variable(driver, "disputeLabel"))
        .isEqualTo("Contestation commerciale importante (prix, remise)");
  }

  @Test
  void shouldRecordACreditNoteThenReleaseTheInvoices() {
    ProcessDriver driver = start();
    Task task = driver.task();
    assertThat(candidateGroups(task)).containsExactly("collectors");

    driver.complete(
        task,
        Map.of(
            "disputeOutcome",
            "CREDIT_NOTE",
            "creditNoteNumber",
            "AV-2026-0007",
            "creditNoteAmount",
            300.0));

    assertThat(calls).containsExactly("recordCreditNote:CREDIT_NOTE", "releaseDisputedInvoices:42");
    assertThat(instance(driver)).isEnded();
    assertThat(variable(driver, "disputeOutcome")).isEqualTo("CREDIT_NOTE");
  }

  @Test
  void shouldRecordAPartialAcceptanceAsACredit() {
    ProcessDriver driver = start();

    driver.complete(driver.task(), Map.of("disputeOutcome", "PARTIAL", "acceptedAmount", 120.0));

    assertThat(calls).containsExactly("recordCreditNote:PARTIAL", "releaseDisputedInvoices:42");
    assertThat(variable(driver, "disputeOutcome")).isEqualTo("PARTIAL");
  }

  @Test
  void shouldAskACollectorToPostTheAnswerWhenItCouldNotBeEmailedOrPostedByTheProvider() {
    category = "TECHNICAL";
    rejectionLetterByHand = true;
    ProcessDriver driver = start();
    driver.complete(
        driver.task(),
        Map.of(
            "disputeOutcome",
            "REJECTED",
            "rejectionReason",
            "Prestation livrée et signée le 5 janvier"));

    Task print = driver.task();
    assertThat(print.getTaskDefinitionKey()).isEqualTo("Task_PrintRejectionLetter");
    assertThat(print.getName()).isEqualTo("Imprimer et poster la réponse à la contestation");
    assertThat(calls)
        .containsExactly("notifyDisputeRejected:Prestation livrée et signée le 5 janvier");
    driver.complete(print, Map.of("letterPosted", true, "postedOn", TODAY.toString()));

    assertThat(calls).endsWith("releaseDisputedInvoices:42");
    assertThat(instance(driver)).isEnded();
  }

  @Test
  void shouldSendTheReasonToTheDebtorWhenTheDisputeIsRejected() {
    category = "TECHNICAL";
    ProcessDriver driver = start();
    assertThat(driver.task().getDueDate()).isEqualTo(day(TODAY.plusDays(15)));

    driver.complete(
        driver.task(),
        Map.of(
            "disputeOutcome",
            "REJECTED",
            "rejectionReason",
            "Prestation livrée et signée le 5 janvier"));

    assertThat(calls)
        .containsExactly(
            "notifyDisputeRejected:Prestation livrée et signée le 5 janvier",
            "releaseDisputedInvoices:42");
    assertThat(instance(driver)).isEnded();
    assertThat(variable(driver, "disputeOutcome")).isEqualTo("REJECTED");
  }

  @Test
  void shouldAlertASupervisorWhenTheServiceLevelPassesWithoutAnAnswer() {
    ProcessDriver driver = start();

    driver.fireTimer();

    List<Task> tasks = openTasks(driver);
    assertThat(tasks)
        .extracting(Task::getName)
        .containsExactly("Instruire la contestation", "Relancer le traitement de la contestation");
    Task reminder = tasks.get(1);
    assertThat(candidateGroups(reminder)).containsExactly("supervisors");
    assertThat(reminder.getTaskDefinitionKey()).isEqualTo("Task_RemindDisputeHandling");

    driver.complete(reminder, Map.of("escalationNote", "Relancé le service commercial"));
    assertThat(instance(driver)).isNotEnded();
    assertThat(instance(driver)).isWaitingAt("Task_InvestigateDispute");

    driver.complete(
        driver.task(),
        Map.of("disputeOutcome", "REJECTED", "rejectionReason", "Tarif contractuel"));
    assertThat(instance(driver)).isEnded();
  }

  @Test
  void shouldCloseTheSupervisorAlertOnceTheDisputeIsResolved() {
    ProcessDriver driver = start();
    driver.fireTimer();
    Task investigate = openTasks(driver).get(0);

    driver.complete(investigate, Map.of("disputeOutcome", "PARTIAL", "acceptedAmount", 50.0));

    assertThat(instance(driver)).isEnded();
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(driver.tree().get(0))
                .count())
        .isZero();
    assertThat(calls).containsExactly("recordCreditNote:PARTIAL", "releaseDisputedInvoices:42");
  }

  private void mock(String name, JavaDelegate behaviour) {
    Mocks.register(name, behaviour);
  }
}

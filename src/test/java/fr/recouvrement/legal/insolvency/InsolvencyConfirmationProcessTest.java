package fr.recouvrement.legal.insolvency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.ProcessDriver;
import fr.recouvrement.ProcessTestEngine;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
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

/**
 * processes/insolvency-confirmation.bpmn: the real confirmation listener (it needs no Spring), the
 * two delegates as recorders. The integration with the watch and the insolvency path is {@link
 * BodaccWatchTest}.
 */
class InsolvencyConfirmationProcessTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final LocalDate TODAY = LocalDate.parse("2026-11-20");

  final ProcessEngine engine = ProcessTestEngine.get();
  final List<String> calls = new ArrayList<>();
  ProcessInstance instance;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(at(TODAY));
    Mocks.reset();
    Mocks.register("proceedingConfirmation", new ProceedingConfirmation());
    Mocks.register(
        "openConfirmedProceeding",
        (JavaDelegate)
            e ->
                calls.add(
                    "open:"
                        + e.getVariable("announcementId")
                        + ":"
                        + e.getVariable("proceedingDecidedBy")));
    Mocks.register(
        "dismissBodaccAnnouncement",
        (JavaDelegate)
            e ->
                calls.add(
                    "dismiss:"
                        + e.getVariable("announcementId")
                        + ":"
                        + e.getVariable("proceedingDecidedBy")));
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
    ClockUtil.reset();
    Mocks.reset();
  }

  static Date at(LocalDate day) {
    return Date.from(day.atTime(9, 0).atZone(PARIS).toInstant());
  }

  ProcessDriver start() {
    Map<String, Object> in = new HashMap<>();
    in.put("announcementId", "A202611140042");
    in.put("caseReference", "DOS-TEST");
    in.put("caseReferences", "DOS-TEST");
    in.put("insolvencyProcedure", "LIQUIDATION");
    in.put("judgmentDate", "2026-11-04");
    in.put("publicationDate", "2026-11-14");
    instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(BodaccWatch.PROCESS_KEY, "DOS-TEST", in);
    return new ProcessDriver(engine, instance.getId()).settle();
  }

  Task confirmationTask(ProcessDriver driver) {
    Task task = driver.task();
    assertThat(task.getName()).isEqualTo("Confirmer une procédure collective");
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ConfirmProceeding");
    assertThat(
            engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId))
        .containsExactly("supervisors");
    // two days: the proof-of-claim deadline already runs from the publication
    assertThat(task.getDueDate()).isEqualTo(at(TODAY.plusDays(2)));
    Task withForm =
        engine
            .getTaskService()
            .createTaskQuery()
            .taskId(task.getId())
            .initializeFormKeys()
            .singleResult();
    assertThat(withForm.getCamundaFormRef().getKey()).isEqualTo("confirmer-procedure-collective");
    return task;
  }

  void completeAs(String user, Task task, Map<String, Object> variables) {
    if (user != null) {
      engine.getIdentityService().setAuthentication(user, List.of("supervisors"));
    }
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void shouldOpenTheProceedingWhenTheSupervisorConfirms() {
    ProcessDriver driver = start();

    completeAs("sam", confirmationTask(driver), Map.of("proceedingDecision", "CONFIRMED"));
    // the opening is asynchronous (it retries and ends as an incident, never half done)
    assertThat(calls).isEmpty();
    driver.settle();

    assertThat(calls).containsExactly("open:A202611140042:sam");
    assertThat(instance)
        .isEnded()
        .hasPassed("Task_OpenProceeding", "Event_ProceedingOpened")
        .hasNotPassed("Task_DismissAnnouncement");
  }

  @Test
  void shouldDismissTheAnnouncementWhenTheSupervisorSaysItIsNotThisDebtor() {
    ProcessDriver driver = start();

    completeAs("sam", confirmationTask(driver), Map.of("proceedingDecision", "DISMISSED"));
    driver.settle();

    assertThat(calls).containsExactly("dismiss:A202611140042:sam");
    assertThat(instance)
        .isEnded()
        .hasPassed("Task_DismissAnnouncement", "Event_AnnouncementDismissed")
        .hasNotPassed("Task_OpenProceeding");
  }

  @Test
  void shouldRefuseACompletionWithoutADecisionOrWithoutAnIdentifiedSupervisor() {
    ProcessDriver driver = start();
    Task task = confirmationTask(driver);

    assertThatThrownBy(() -> completeAs("sam", task, Map.of()))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("confirmer ou de l'écarter");
    assertThatThrownBy(() -> completeAs(null, task, Map.of("proceedingDecision", "CONFIRMED")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("utilisateur identifié");

    assertThat(instance).isWaitingAt("Task_ConfirmProceeding");
    assertThat(calls).isEmpty();
  }
}

package fr.recouvrement.legal.writeoff;

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
 * The write-off process: the real confirmation listener (it needs no Spring), the recording
 * delegate as a recorder.
 */
class WriteOffProcessTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final LocalDate TODAY = LocalDate.parse("2026-03-02");

  final ProcessEngine engine = ProcessTestEngine.get();
  final List<String> calls = new ArrayList<>();
  ProcessInstance instance;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(at(TODAY));
    Mocks.reset();
    Mocks.register("writeOffConfirmation", new WriteOffConfirmation());
    Mocks.register(
        "computeRecoverableVat", (JavaDelegate) e -> e.setVariable("recoverableVat", 0.0));
    Mocks.register(
        "recordWriteOff",
        (JavaDelegate)
            e ->
                calls.add(
                    "recordWriteOff:"
                        + e.getVariable("writeOffCause")
                        + ":"
                        + e.getVariable("writeOffDecidedBy")));
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

  ProcessDriver start(String cause, boolean refusable) {
    Map<String, Object> in = new HashMap<>();
    in.put("caseReference", "DOS-TEST");
    in.put("debtorType", "CONSUMER");
    in.put("debtorName", "Jeanne Martin");
    in.put("balance", 312.4);
    in.put("writeOffCause", cause);
    in.put("writeOffReason", "Créance prescrite le 16/03/2026");
    in.put("writeOffRefusable", refusable);
    instance = engine.getRuntimeService().startProcessInstanceByKey("write-off", "DOS-TEST", in);
    return new ProcessDriver(engine, instance.getId()).settle();
  }

  Task confirmationTask(ProcessDriver driver) {
    Task task = driver.task();
    assertThat(task.getName()).isEqualTo("Confirmer le passage en perte");
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ConfirmWriteOff");
    assertThat(
            engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId))
        .containsExactly("supervisors");
    assertThat(task.getDueDate()).isEqualTo(at(TODAY.plusDays(5)));
    assertThat(task.getFollowUpDate()).isEqualTo(at(TODAY.plusDays(3)));
    Task withForm =
        engine
            .getTaskService()
            .createTaskQuery()
            .taskId(task.getId())
            .initializeFormKeys()
            .singleResult();
    assertThat(withForm.getCamundaFormRef().getKey()).isEqualTo("confirmer-passage-en-perte");
    return task;
  }

  void completeAs(String user, Task task, Map<String, Object> variables) {
    engine.getIdentityService().setAuthentication(user, List.of("supervisors"));
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
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
  void shouldWriteOffWhenASupervisorConfirms() {
    ProcessDriver driver = start("ENFORCEMENT_FAILED", true);

    completeAs(
        "sophie",
        confirmationTask(driver),
        Map.of("writeOffComment", "Saisie infructueuse, débiteur sans actif"));

    assertThat(calls).containsExactly("recordWriteOff:ENFORCEMENT_FAILED:sophie");
    assertThat(instance).isEnded().hasPassed("Task_RecordWriteOff", "Event_WrittenOff");
    assertThat(variable("writeOffOutcome")).isEqualTo("WRITTEN_OFF");
    assertThat(variable("writeOffRefused")).isEqualTo(false);
  }

  @Test
  void shouldEndRefusedWhenTheSupervisorRefuses() {
    ProcessDriver driver = start("ESCALATION", true);

    completeAs(
        "sophie",
        confirmationTask(driver),
        Map.of("writeOffRefused", true, "writeOffComment", "Le débiteur a un nouvel employeur"));

    assertThat(calls).isEmpty();
    assertThat(instance)
        .isEnded()
        .hasPassed("Event_WriteOffRefused")
        .hasNotPassed("Task_RecordWriteOff");
    assertThat(variable("writeOffOutcome")).isEqualTo("REFUSED");
    assertThat(variable("writeOffDecidedBy")).isEqualTo("sophie");
  }

  @Test
  void shouldNotLetAPrescribedClaimBeRefused() {
    ProcessDriver driver = start("PRESCRIBED", false);
    Task task = confirmationTask(driver);

    assertThatThrownBy(
            () ->
                completeAs(
                    "sophie", task, Map.of("writeOffRefused", true, "writeOffComment", "Non")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("ne peut pas être refusé");
    assertThat(instance).isWaitingAt("Task_ConfirmWriteOff");

    completeAs("sophie", task, Map.of("writeOffComment", "Prescrite, rien à faire"));
    assertThat(calls).containsExactly("recordWriteOff:PRESCRIBED:sophie");
    assertThat(variable("writeOffOutcome")).isEqualTo("WRITTEN_OFF");
  }

  @Test
  void shouldRequireAComment() {
    ProcessDriver driver = start("INSOLVENCY", true);
    Task task = confirmationTask(driver);

    assertThatThrownBy(() -> completeAs("sophie", task, Map.of("writeOffComment", "  ")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("commentaire");
    assertThat(instance).isWaitingAt("Task_ConfirmWriteOff");
    assertThat(calls).isEmpty();
  }

  @Test
  void shouldRecordTheAssigneeWhenNoUserIsAuthenticated() {
    ProcessDriver driver = start("ORDER_REJECTED", true);
    Task task = confirmationTask(driver);
    engine.getTaskService().setAssignee(task.getId(), "marc");

    driver.complete(task, Map.of("writeOffComment", "Ordonnance rejetée, pas d'autre voie"));

    assertThat(calls).containsExactly("recordWriteOff:ORDER_REJECTED:marc");
  }
}

package fr.recouvrement.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.ProcessTestEngine;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The four-eyes listener reads its configuration from the model, and a broken one fails loudly. */
class FourEyesTest {
  static final ProcessEngine engine = ProcessTestEngine.get();

  @BeforeEach
  void setUp() {
    Mocks.reset();
    Mocks.register("fourEyes", new FourEyes());
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
    Mocks.reset();
  }

  /** A maker task recording its completer and a checker task naming {@code notBy}. */
  static String model(String key, String notBy) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            targetNamespace="test">
          <process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="Event_Start" />
            <sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_Propose" />
            <userTask id="Task_Propose" name="Proposer">
              <extensionElements>
                <camunda:taskListener delegateExpression="${fourEyes}" event="complete" />
                <camunda:inputOutput><camunda:inputParameter name="fourEyesRecordAs">proposer</camunda:inputParameter></camunda:inputOutput>
              </extensionElements>
            </userTask>
            <sequenceFlow id="Flow_2" sourceRef="Task_Propose" targetRef="Task_Approve" />
            <userTask id="Task_Approve" name="Valider">
              <extensionElements>
                <camunda:taskListener delegateExpression="${fourEyes}" event="complete" />
                <camunda:inputOutput>
                  <camunda:inputParameter name="fourEyesRecordAs">approver</camunda:inputParameter>
                  <camunda:inputParameter name="fourEyesNotBy">%2$s</camunda:inputParameter>
                </camunda:inputOutput>
              </extensionElements>
            </userTask>
            <sequenceFlow id="Flow_3" sourceRef="Task_Approve" targetRef="Event_End" />
            <endEvent id="Event_End" />
          </process>
        </definitions>
        """
        .formatted(key, notBy);
  }

  String start(String key, String notBy) {
    engine
        .getRepositoryService()
        .createDeployment()
        .addString(key + ".bpmn", model(key, notBy))
        .deploy();
    return engine.getRuntimeService().startProcessInstanceByKey(key).getId();
  }

  void completeAs(String user, String pid) {
    engine.getIdentityService().setAuthenticatedUserId(user);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult();
    engine.getTaskService().complete(task.getId(), Map.of());
  }

  @Test
  void theProposerCannotApproveAndAnotherUserCanBothAreRecorded() {
    String pid = start("four-eyes-test", "Task_Propose");
    completeAs("carla", pid);
    assertThatThrownBy(() -> completeAs("carla", pid))
        .isInstanceOf(
            ProcessEngineException.class) // the engine wraps the listener's BadUserRequestException
        .hasMessageContaining("Quatre yeux : carla a terminé « Proposer »");
    completeAs("sam", pid);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pid)
                .variableName("proposer")
                .singleResult()
                .getValue())
        .isEqualTo("carla");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pid)
                .variableName("approver")
                .singleResult()
                .getValue())
        .isEqualTo("sam");
  }

  @Test
  void aCheckerNamingATaskTheModelNoLongerHasFailsInsteadOfLettingAnyoneApprove() {
    // an analyst renamed Task_Propose in Modeler but not the input naming it
    String pid = start("four-eyes-renamed-test", "Task_ProposeRenamed");
    completeAs("carla", pid);
    assertThatThrownBy(() -> completeAs("sam", pid))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Task_Approve")
        .hasMessageContaining("'Task_ProposeRenamed', which is no user task of this model");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(pid)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo("Task_Approve");
  }
}

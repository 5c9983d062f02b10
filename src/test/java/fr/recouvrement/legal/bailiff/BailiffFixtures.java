package fr.recouvrement.legal.bailiff;

import fr.recouvrement.cases.CaseFixtures;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.OpenCaseRequest;
import fr.recouvrement.kernel.time.CaseClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Cases to send a bailiff to, and tiny test processes (deployed by the tests, deleted after them)
 * that run the bailiff delegates the way the legal models do: the request as an asynchronous job
 * with the models' retry cycle, then a wait for the {@code BailiffReport} message.
 */
final class BailiffFixtures {
  static final String MISSION_PROCESS = "test-bailiff-mission";
  static final String MANUAL_PROCESS = "test-bailiff-manual";
  static final String WITHDRAWAL_PROCESS = "test-bailiff-withdrawal";
  static final String ROUTE_PROCESS = "test-bailiff-route";
  static final String VIA_API = "Task_ViaApi";
  static final String BY_HAND = "Task_ByHand";
  static final String REQUEST = "Task_RequestMission";
  static final String REPORT = "Event_BailiffReport";
  static final String ENTER_REPORT = "Task_EnterReport";
  static final String DONE = "Task_Done";

  private BailiffFixtures() {}

  static Deployment deploy(RepositoryService repository) {
    BpmnModelInstance mission =
        Bpmn.createExecutableProcess(MISSION_PROCESS)
            .camundaHistoryTimeToLive(180)
            .startEvent()
            .serviceTask("Task_ScheduleAct")
            .camundaDelegateExpression("${scheduleBailiffAct}")
            .serviceTask(REQUEST)
            .camundaDelegateExpression("${requestBailiffMission}")
            .camundaAsyncBefore()
            .camundaFailedJobRetryTimeCycle("R3/PT10M")
            .camundaInputParameter("missionType", "${requestedMissionType}")
            .intermediateCatchEvent(REPORT)
            .message(BailiffReports.MESSAGE)
            .serviceTask("Task_RecordReport")
            .camundaDelegateExpression("${recordBailiffReport}")
            .userTask(DONE)
            .endEvent()
            .done();
    BpmnModelInstance manual =
        Bpmn.createExecutableProcess(MANUAL_PROCESS)
            .camundaHistoryTimeToLive(180)
            .startEvent()
            .serviceTask("Task_RecordManualMission")
            .camundaDelegateExpression("${recordManualBailiffMission}")
            .camundaInputParameter("missionType", "${requestedMissionType}")
            .userTask(ENTER_REPORT)
            .serviceTask("Task_RecordReport")
            .camundaDelegateExpression("${recordBailiffReport}")
            .userTask(DONE)
            .endEvent()
            .done();
    BpmnModelInstance withdrawal =
        Bpmn.createExecutableProcess(WITHDRAWAL_PROCESS)
            .camundaHistoryTimeToLive(180)
            .startEvent()
            .serviceTask("Task_WithdrawMissions")
            .camundaDelegateExpression("${withdrawBailiffMissions}")
            .camundaAsyncBefore()
            .camundaFailedJobRetryTimeCycle("R3/PT10M")
            .userTask(DONE)
            .endEvent()
            .done();
    // the gateway condition the legal models use ("Commissaire de justice connecté ?")
    BpmnModelInstance route =
        Bpmn.createExecutableProcess(ROUTE_PROCESS)
            .camundaHistoryTimeToLive(180)
            .startEvent()
            .exclusiveGateway("Gateway_BailiffConnected")
            .condition("oui", "${bailiffGateway.configured}")
            .userTask(VIA_API)
            .endEvent()
            .moveToLastGateway()
            .condition("non", "${!bailiffGateway.configured}")
            .userTask(BY_HAND)
            .endEvent()
            .done();
    return repository
        .createDeployment()
        .name("bailiff-tests")
        .addModelInstance(ROUTE_PROCESS + ".bpmn", route)
        .addModelInstance(MISSION_PROCESS + ".bpmn", mission)
        .addModelInstance(MANUAL_PROCESS + ".bpmn", manual)
        .addModelInstance(WITHDRAWAL_PROCESS + ".bpmn", withdrawal)
        .deploy();
  }

  /** A business debtor owing €1,850.00 on an invoice 120 days overdue; answers the reference. */
  static String openCase(CaseService cases) {
    LocalDate due = CaseClock.today().minusDays(120);
    OpenCaseRequest request =
        new OpenCaseRequest(
            new OpenCaseRequest.Debtor(
                CaseFixtures.newDebtorId(),
                "BUSINESS",
                "Boulangerie Martin SARL",
                "552100554",
                "compta@martin.example",
                null,
                new OpenCaseRequest.Address("3 rue des Lilas", "69003", "Lyon", "FR")),
            List.of(
                new OpenCaseRequest.Invoice(
                    "F-CJ-" + UUID.randomUUID().toString().substring(0, 8),
                    due.minusDays(30),
                    due,
                    new BigDecimal("1850.00"))));
    return cases.open(request, "test").reference();
  }

  static String start(RuntimeService runtime, String process, String reference, MissionType type) {
    return runtime
        .startProcessInstanceByKey(
            process,
            reference,
            Map.of("caseReference", reference, "requestedMissionType", type.name()))
        .getId();
  }

  static Job job(ManagementService management, String processInstanceId) {
    return management.createJobQuery().processInstanceId(processInstanceId).singleResult();
  }

  /** A provider mission id no other test uses (the column is unique). */
  static String newProviderId() {
    return "CJ-" + UUID.randomUUID();
  }
}

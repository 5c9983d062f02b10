package fr.recouvrement.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /engine-rest} runs as the caller, so Camunda's authorizations decide: the grants of
 * GroupBootstrap and the engine's default task permissions, seen from a real HTTP client.
 */
@IntegrationTest
class EngineRestAuthorizationTest {
  /** Deployments of this class, deleted (cascade) after each test so other tests never see them. */
  static final String DEPLOYMENT_PREFIX = "security-test-";

  static final String PROCESS_KEY = "security-test-task";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @BeforeEach
  void setUp() {
    TestUsers.ensureAll(identityService);
    // the test thread has no Camunda authentication: the Java API is not subject to authorizations
    repositoryService
        .createDeployment()
        .name(DEPLOYMENT_PREFIX + PROCESS_KEY)
        .addModelInstance(PROCESS_KEY + ".bpmn", taskProcess(PROCESS_KEY))
        .deploy();
  }

  @AfterEach
  void deleteDeployments() {
    for (Deployment d :
        repositoryService
            .createDeploymentQuery()
            .deploymentNameLike(DEPLOYMENT_PREFIX + "%")
            .list()) {
      repositoryService.deleteDeployment(d.getId(), true);
    }
  }

  /** One user task, offered to the group given when the instance starts. */
  static BpmnModelInstance taskProcess(String key) {
    return Bpmn.createExecutableProcess(key)
        .name("Test de sécurité")
        .camundaHistoryTimeToLive(1)
        .startEvent("Event_Started")
        .userTask("Task_Work")
        .name("Traiter le dossier")
        .camundaCandidateGroups("${candidateGroup}")
        .endEvent("Event_Done")
        .done();
  }

  Task startTaskFor(String candidateGroup) {
    String instanceId =
        runtimeService
            .startProcessInstanceByKey(PROCESS_KEY, Map.of("candidateGroup", candidateGroup))
            .getId();
    return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
  }

  @Test
  void anAnonymousCallIsChallenged() {
    Response r = new ApiClient(port, null, null).get("/engine-rest/task");

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).startsWith("Basic realm=\"Recouvrement\"");
  }

  @Test
  void aCollectorClaimsAndCompletesATaskOfHisGroup() {
    Task task = startTaskFor(GroupIds.COLLECTORS);
    ApiClient collector = TestUsers.as(port, TestUsers.COLLECTOR);

    Response visible = collector.get("/engine-rest/task?candidateGroup=" + GroupIds.COLLECTORS);
    assertThat(visible.status()).as(visible.toString()).isEqualTo(200);
    assertThat(visible.json().findValuesAsText("id")).contains(task.getId());

    Response claim =
        collector.postJson(
            "/engine-rest/task/" + task.getId() + "/claim",
            "{\"userId\": \"" + TestUsers.COLLECTOR + "\"}");
    assertThat(claim.status()).as(claim.toString()).isEqualTo(204);
    Response complete = collector.postJson("/engine-rest/task/" + task.getId() + "/complete", "{}");
    assertThat(complete.status()).as(complete.toString()).isEqualTo(204);

    assertThat(
            historyService
                .createHistoricTaskInstanceQuery()
                .taskId(task.getId())
                .singleResult()
                .getAssignee())
        .isEqualTo(TestUsers.COLLECTOR);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .count())
        .isZero();
  }

  @Test
  void aCollectorCannotCompleteATaskOfferedToAnotherGroup() {
    Task task = startTaskFor(GroupIds.SUPERVISORS);

    Response complete =
        TestUsers.as(port, TestUsers.COLLECTOR)
            .postJson("/engine-rest/task/" + task.getId() + "/complete", "{}");

    assertThat(complete.status()).as(complete.toString()).isEqualTo(403);
    assertThat(complete.json().get("type").asText()).isEqualTo("AuthorizationException");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void aSupervisorReassignsAndCompletesAnyTask() {
    Task task = startTaskFor(GroupIds.COLLECTORS);
    ApiClient supervisor = TestUsers.as(port, TestUsers.SUPERVISOR);

    Response assign =
        supervisor.postJson(
            "/engine-rest/task/" + task.getId() + "/assignee",
            "{\"userId\": \"" + TestUsers.COLLECTOR + "\"}");
    assertThat(assign.status()).as(assign.toString()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo(TestUsers.COLLECTOR);

    Response complete =
        supervisor.postJson("/engine-rest/task/" + task.getId() + "/complete", "{}");
    assertThat(complete.status()).as(complete.toString()).isEqualTo(204);
  }

  @Test
  void aCollectorCannotAdministerUsersOrAuthorizations() {
    ApiClient collector = TestUsers.as(port, TestUsers.COLLECTOR);

    Response user =
        collector.postJson(
            "/engine-rest/user/create",
            "{\"profile\": {\"id\": \"tintruder\", \"firstName\": \"I\", \"lastName\": \"I\"}, \"credentials\": {\"password\": \"x\"}}");
    Response grant =
        collector.postJson(
            "/engine-rest/authorization/create",
            "{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \"tcollector\", \"resourceType\": 6, \"resourceId\": \"*\"}");

    assertThat(user.status()).as(user.toString()).isEqualTo(403);
    assertThat(grant.status()).as(grant.toString()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("tintruder").count()).isZero();
  }

  @Test
  void anAnalystDeploysAModelLikeModelerWhileCollectorsAndAuditorsCannot() {
    String name = DEPLOYMENT_PREFIX + "modeler";
    String key = "security-test-deployed";
    String bpmn = Bpmn.convertToString(taskProcess(key));

    Response collector = deploy(TestUsers.COLLECTOR, name, bpmn);
    Response auditor = deploy(TestUsers.AUDITOR, name, bpmn);
    assertThat(collector.status()).as(collector.toString()).isEqualTo(403);
    assertThat(auditor.status()).as(auditor.toString()).isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();

    Response analyst = deploy(TestUsers.ANALYST, name, bpmn);
    assertThat(analyst.status()).as(analyst.toString()).isEqualTo(200);
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .deploymentId(analyst.json().get("id").asText())
                .count())
        .isEqualTo(1);
  }

  @Test
  void anAuditorReadsHistoryButChangesNothing() {
    Task task = startTaskFor(GroupIds.COLLECTORS);
    String instanceId = task.getProcessInstanceId();
    ApiClient auditor = TestUsers.as(port, TestUsers.AUDITOR);

    Response history =
        auditor.get("/engine-rest/history/process-instance?processInstanceId=" + instanceId);
    assertThat(history.status()).as(history.toString()).isEqualTo(200);
    assertThat(history.json().findValuesAsText("id")).containsExactly(instanceId);

    Response complete = auditor.postJson("/engine-rest/task/" + task.getId() + "/complete", "{}");
    Response variable =
        auditor.putJson(
            "/engine-rest/process-instance/" + instanceId + "/variables/balance",
            "{\"value\": \"0\", \"type\": \"String\"}");
    assertThat(complete.status()).as(complete.toString()).isEqualTo(403);
    assertThat(variable.status()).as(variable.toString()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(instanceId, "balance")).isNull();
  }

  /** What Camunda Modeler sends: a multipart POST to /engine-rest/deployment/create. */
  Response deploy(String user, String deploymentName, String bpmn) {
    return deploy(TestUsers.as(port, user), deploymentName, bpmn);
  }

  static Response deploy(ApiClient client, String deploymentName, String bpmn) {
    String boundary = "----recouvrement-" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
            + deploymentName
            + "\r\n"
            + "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"deployment-source\"\r\n\r\n"
            + "Camunda Modeler\r\n"
            + "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"data\"; filename=\""
            + deploymentName
            + ".bpmn\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + bpmn
            + "\r\n"
            + "--"
            + boundary
            + "--\r\n";
    return client.post(
        "/engine-rest/deployment/create",
        "multipart/form-data; boundary=" + boundary,
        HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }
}

package fr.recouvrement.security;

import static fr.recouvrement.cases.CaseFixtures.consumerCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static fr.recouvrement.cases.CaseFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Security review L2: rights were per group only. A task a collector claimed is completed by that
 * collector or a supervisor, not by a colleague; the steps that end or stop a case — a payment that
 * settles it, an insolvency — are a supervisor's.
 */
@IntegrationTest
class CaseRightsTest {
  static final String DEPLOYMENT = "case-rights-test";
  static final String PROCESS_KEY = "case-rights-test-task";
  static final String OTHER_COLLECTOR = "tcollector2";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  final LocalDate today = CaseClock.today();

  @BeforeEach
  void setUp() {
    TestUsers.ensureAll(identityService);
    TestUsers.ensure(identityService, OTHER_COLLECTOR, GroupIds.COLLECTORS);
  }

  @AfterEach
  void deleteDeployments() {
    for (Deployment d :
        repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT).list()) {
      repositoryService.deleteDeployment(d.getId(), true);
    }
  }

  @Test
  void collectorCannotCompleteATaskAColleagueClaimed() {
    // a model deployed after start gets the rule as well as the shipped ones
    repositoryService
        .createDeployment()
        .name(DEPLOYMENT)
        .addModelInstance(
            PROCESS_KEY + ".bpmn",
            Bpmn.createExecutableProcess(PROCESS_KEY)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Work")
                .name("Appeler le débiteur")
                .camundaCandidateGroups(GroupIds.COLLECTORS)
                .endEvent()
                .done())
        .deploy();
    String pid = runtimeService.startProcessInstanceByKey(PROCESS_KEY).getId();
    Task task = taskService.createTaskQuery().processInstanceId(pid).singleResult();
    ApiClient owner = TestUsers.as(port, TestUsers.COLLECTOR);
    assertThat(
            owner
                .postJson(
                    "/engine-rest/task/" + task.getId() + "/claim",
                    "{\"userId\": \"" + TestUsers.COLLECTOR + "\"}")
                .status())
        .isEqualTo(204);

    ApiClient colleague = TestUsers.as(port, OTHER_COLLECTOR);

    Response byColleague =
        colleague.postJson("/engine-rest/task/" + task.getId() + "/complete", "{}");
    // nor by taking it over first
    Response takeOver =
        colleague.postJson(
            "/engine-rest/task/" + task.getId() + "/assignee",
            "{\"userId\": \"" + OTHER_COLLECTOR + "\"}");

    assertThat(byColleague.status()).as(byColleague.toString()).isEqualTo(403);
    assertThat(byColleague.json().get("message").asText())
        .contains(TestUsers.COLLECTOR)
        .contains("superviseur");
    assertThat(takeOver.status()).as(takeOver.toString()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo(TestUsers.COLLECTOR);

    Response bySupervisor =
        TestUsers.as(port, TestUsers.SUPERVISOR)
            .postJson("/engine-rest/task/" + task.getId() + "/complete", "{}");
    assertThat(bySupervisor.status()).as(bySupervisor.toString()).isEqualTo(204);
  }

  @Test
  void theCollectorWhoClaimedATaskCompletesIt() {
    repositoryService
        .createDeployment()
        .name(DEPLOYMENT)
        .addModelInstance(
            PROCESS_KEY + ".bpmn",
            Bpmn.createExecutableProcess(PROCESS_KEY)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Work")
                .name("Appeler le débiteur")
                .camundaCandidateGroups(GroupIds.COLLECTORS)
                .endEvent()
                .done())
        .deploy();
    String pid = runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of()).getId();
    Task task = taskService.createTaskQuery().processInstanceId(pid).singleResult();
    ApiClient owner = TestUsers.as(port, TestUsers.COLLECTOR);
    owner.postJson(
        "/engine-rest/task/" + task.getId() + "/claim",
        "{\"userId\": \"" + TestUsers.COLLECTOR + "\"}");

    Response byOwner = owner.postJson("/engine-rest/task/" + task.getId() + "/complete", "{}");

    assertThat(byOwner.status()).as(byOwner.toString()).isEqualTo(204);
  }

  /**
   * 1,200.00 owed (consumer: no penalties). The collector records 200.00: fine. Then 1,000.00,
   * which would settle the case and close it: refused, nothing recorded; a supervisor records it.
   */
  @Test
  void collectorCannotRecordAPaymentThatClosesTheCase() {
    Response opened =
        new ApiClient(port, "admin", "admin-test")
            .postJson(
                "/api/cases",
                consumerCase(newDebtorId(), "F-L2-1", "1200.00", today.minusDays(20)));
    String reference = opened.json().get("reference").asText();
    ApiClient collector = TestUsers.as(port, TestUsers.COLLECTOR);

    Response part =
        collector.postJson(
            "/api/cases/" + reference + "/payments", payment("200.00", today, "VIR-L2-1"));
    Response closing =
        collector.postJson(
            "/api/cases/" + reference + "/payments", payment("1000.00", today, "VIR-L2-2"));

    assertThat(part.status()).as(part.toString()).isEqualTo(201);
    assertThat(closing.status()).as(closing.toString()).isEqualTo(403);
    assertThat(closing.contentType()).startsWith("application/problem+json");
    assertThat(closing.json().get("detail").asText()).contains("settle").contains("supervisor");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from payment p join collection_case c on c.id = p.case_id where c.reference = ?",
                Integer.class,
                reference))
        .isEqualTo(1);
    assertThat(collector.get("/api/cases/" + reference).json().get("balance").decimalValue())
        .isEqualByComparingTo("1000.00");

    Response bySupervisor =
        TestUsers.as(port, TestUsers.SUPERVISOR)
            .postJson(
                "/api/cases/" + reference + "/payments", payment("1000.00", today, "VIR-L2-2"));
    assertThat(bySupervisor.status()).as(bySupervisor.toString()).isEqualTo(201);
    assertThat(bySupervisor.json().get("status").asText()).isEqualTo("PAID");
  }

  @Test
  void collectorCannotDeclareAnInsolvency() {
    String body =
        """
        {"procedure": "LIQUIDATION", "judgmentDate": "%s", "publicationDate": "%s"}"""
            .formatted(today.minusDays(5), today.minusDays(2));

    Response byCollector =
        TestUsers.as(port, TestUsers.COLLECTOR)
            .postJson("/api/cases/DOS-0000-999999/insolvency", body);
    // a supervisor gets through to the case itself (none by that reference here)
    Response bySupervisor =
        TestUsers.as(port, TestUsers.SUPERVISOR)
            .postJson("/api/cases/DOS-0000-999999/insolvency", body);

    assertThat(byCollector.status()).as(byCollector.toString()).isEqualTo(403);
    assertThat(byCollector.contentType()).startsWith("application/problem+json");
    assertThat(bySupervisor.status()).as(bySupervisor.toString()).isEqualTo(404);
  }
}

package fr.recouvrement.security;

import static fr.recouvrement.cases.CaseFixtures.businessCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static fr.recouvrement.cases.CaseFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.CaseRun;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.TestServers;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.time.CaseClock;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Auditors are read-only everywhere (issue 6): on a real case, with the shipped models, an auditor
 * reads the case and its whole history over {@code /api} and {@code /engine-rest}, and every
 * attempt to change something is refused and leaves the case as it was.
 */
@IntegrationTest
class AuditorReadOnlyTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  ApiClient auditor;
  String reference;
  String caseInstanceId;
  Task task;

  @BeforeEach
  void aCaseWithAnOpenTask() {
    TestUsers.ensureAll(identity);
    auditor = TestUsers.as(port, TestUsers.AUDITOR);
    TestServers.reset();
    // a big business claim: the cadence has a collector approve or call early
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse("2026-03-02T09:00").atZone(CaseClock.PARIS).toInstant()));
    Response opened =
        TestUsers.as(port, TestUsers.COLLECTOR)
            .postJson(
                "/api/cases",
                businessCase(newDebtorId(), "F-AUD-1", "12500.00", LocalDate.of(2026, 2, 20)));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    reference = opened.json().get("reference").asText();
    caseInstanceId = opened.json().get("processInstanceId").asText();
    task = new CaseRun(engine, reference).firstTask();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anAuditorReadsTheCaseAndItsWholeHistory() {
    Response caseView = auditor.get("/api/cases/" + reference);
    assertThat(caseView.status()).as(caseView.toString()).isEqualTo(200);
    assertThat(caseView.json().get("reference").asText()).isEqualTo(reference);

    Response decisions = auditor.get("/api/cases/" + reference + "/decisions");
    assertThat(decisions.status()).as(decisions.toString()).isEqualTo(200);
    assertThat(decisions.json().get("total").asInt()).isPositive();

    // every process of the case, the called ones too
    Response processes =
        auditor.get(
            "/engine-rest/history/process-instance?processInstanceBusinessKey=" + reference);
    assertThat(processes.status()).as(processes.toString()).isEqualTo(200);
    assertThat(processes.json().findValuesAsText("processDefinitionKey"))
        .contains(CaseService.PROCESS_KEY, "amicable-reminders", "debtor-segmentation");
    assertThat(processes.json().findValuesAsText("id"))
        .contains(caseInstanceId, task.getProcessInstanceId());

    Response activities =
        auditor.get("/engine-rest/history/activity-instance?processInstanceId=" + caseInstanceId);
    assertThat(activities.status()).as(activities.toString()).isEqualTo(200);
    assertThat(activities.json().findValuesAsText("activityId"))
        .contains("CallActivity_SegmentDebtor");

    // the segmentation ran in the process the case called
    String segmentation =
        java.util.stream.StreamSupport.stream(processes.json().spliterator(), false)
            .filter(p -> "debtor-segmentation".equals(p.get("processDefinitionKey").asText()))
            .map(p -> p.get("id").asText())
            .findFirst()
            .orElseThrow();
    Response segmentationActivities =
        auditor.get("/engine-rest/history/activity-instance?processInstanceId=" + segmentation);
    assertThat(segmentationActivities.status())
        .as(segmentationActivities.toString())
        .isEqualTo(200);
    assertThat(segmentationActivities.json().findValuesAsText("activityId"))
        .contains("Task_SegmentDebtor");

    Response decisionHistory =
        auditor.get(
            "/engine-rest/history/decision-instance?processInstanceId="
                + segmentation
                + "&includeInputs=true&includeOutputs=true");
    assertThat(decisionHistory.status()).as(decisionHistory.toString()).isEqualTo(200);
    assertThat(decisionHistory.json().findValuesAsText("decisionDefinitionKey"))
        .contains("debtor-segment");

    Response variables =
        auditor.get("/engine-rest/history/variable-instance?processInstanceId=" + caseInstanceId);
    assertThat(variables.status()).as(variables.toString()).isEqualTo(200);
    assertThat(variables.json().findValuesAsText("name")).contains("caseReference");

    Response openTask =
        auditor.get("/engine-rest/history/task?processInstanceBusinessKey=" + reference);
    assertThat(openTask.status()).as(openTask.toString()).isEqualTo(200);
    assertThat(openTask.json().findValuesAsText("id")).contains(task.getId());
  }

  @Test
  void anAuditorCannotCompleteNorClaimTheCasesTask() {
    Response claim =
        auditor.postJson(
            "/engine-rest/task/" + task.getId() + "/claim",
            "{\"userId\": \"" + TestUsers.AUDITOR + "\"}");
    Response complete = auditor.postJson("/engine-rest/task/" + task.getId() + "/complete", "{}");

    assertThat(claim.status()).as(claim.toString()).isEqualTo(403);
    assertThat(complete.status()).as(complete.toString()).isEqualTo(403);
    assertThat(complete.json().get("type").asText()).isEqualTo("AuthorizationException");
    Task still = tasks.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(still).as("the task is still open").isNotNull();
    assertThat(still.getAssignee()).isNull();
  }

  @Test
  void anAuditorCannotChangeAVariableNorSendTheCaseAMessage() {
    Object before = runtime.getVariable(caseInstanceId, "caseReference");

    Response variable =
        auditor.putJson(
            "/engine-rest/process-instance/" + caseInstanceId + "/variables/caseReference",
            "{\"value\": \"DOS-FALSIFIE\", \"type\": \"String\"}");
    Response message =
        auditor.postJson(
            "/engine-rest/message",
            "{\"messageName\": \"PaymentReceived\", \"businessKey\": \"" + reference + "\"}");

    assertThat(variable.status()).as(variable.toString()).isEqualTo(403);
    assertThat(message.status()).as(message.toString()).isEqualTo(403);
    assertThat(runtime.getVariable(caseInstanceId, "caseReference"))
        .isEqualTo(before)
        .isEqualTo(reference);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseInstanceId).count())
        .isEqualTo(1);
  }

  @Test
  void anAuditorCannotDeployAModel() {
    String name = "auditor-test-deployment";
    String bpmn =
        Bpmn.convertToString(EngineRestAuthorizationTest.taskProcess("auditor-test-model"));

    Response deploy = EngineRestAuthorizationTest.deploy(auditor, name, bpmn);

    assertThat(deploy.status()).as(deploy.toString()).isEqualTo(403);
    assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("auditor-test-model")
                .count())
        .isZero();
  }

  @Test
  void anAuditorCannotOpenACaseNorRecordAPayment() {
    String debtor = newDebtorId();
    JsonNode before = auditor.get("/api/cases/" + reference).json();

    Response open =
        auditor.postJson(
            "/api/cases", businessCase(debtor, "F-AUD-2", "120.00", LocalDate.of(2026, 2, 20)));
    Response pay =
        auditor.postJson(
            "/api/cases/" + reference + "/payments",
            payment("100.00", LocalDate.of(2026, 3, 2), "VIR-AUD-1"));

    assertThat(open.status()).as(open.toString()).isEqualTo(403);
    assertThat(pay.status()).as(pay.toString()).isEqualTo(403);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from debtor where external_id = ?", Integer.class, debtor))
        .isZero();
    JsonNode after = auditor.get("/api/cases/" + reference).json();
    assertThat(after.get("payments")).isEqualTo(before.get("payments")).isEmpty();
    assertThat(after.get("balance").decimalValue())
        .isEqualByComparingTo(before.get("balance").decimalValue());
  }

  @Test
  void inTheWebappsAnAuditorLogsIntoCockpitOnly() throws Exception {
    for (String app : new String[] {"cockpit", "tasklist", "admin"}) {
      HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      String base = "http://localhost:" + port + "/camunda";
      // the webapps hand out their CSRF token on a first GET, as the login page does
      HttpResponse<String> page =
          browser.send(
              HttpRequest.newBuilder(URI.create(base + "/app/" + app + "/default/")).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      String token =
          page.headers()
              .firstValue("X-XSRF-TOKEN")
              .orElseThrow(() -> new AssertionError("no CSRF token from " + app));
      String form =
          "username="
              + TestUsers.AUDITOR
              + "&password="
              + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8);
      HttpResponse<String> login =
          browser.send(
              HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/" + app))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-XSRF-TOKEN", token)
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      if (app.equals("cockpit")) {
        assertThat(login.statusCode()).as(app + ": " + login.body()).isEqualTo(200);
        assertThat(login.body())
            .contains("\"cockpit\"")
            .doesNotContain("\"tasklist\"")
            .doesNotContain("\"admin\"");
      } else {
        assertThat(login.statusCode()).as(app + ": " + login.body()).isEqualTo(403);
      }
    }
  }
}

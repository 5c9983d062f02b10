package fr.recouvrement.security;

import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.kernel.time.CaseClock;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The security review's attacks on four eyes, replayed as a collector crafting their own task
 * submissions through {@code /engine-rest} (H3, H4, M6). Each one must now fail to get through.
 */
@IntegrationTest
class FourEyesAttacksTest {
  /** A second collector: the colleague who may decide what the first one raised. */
  static final String OTHER_COLLECTOR = "tcollector2";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  ApiClient admin;
  ApiClient collector;
  ApiClient otherCollector;
  ApiClient supervisor;
  final LocalDate today = CaseClock.today();

  @BeforeEach
  void setUp() {
    TestUsers.ensureAll(identityService);
    TestUsers.ensure(identityService, OTHER_COLLECTOR, GroupIds.COLLECTORS);
    admin = new ApiClient(port, "admin", "admin-test");
    collector = TestUsers.as(port, TestUsers.COLLECTOR);
    otherCollector = TestUsers.as(port, OTHER_COLLECTOR);
    supervisor = TestUsers.as(port, TestUsers.SUPERVISOR);
  }

  // --- H3: payment plans

  /**
   * The review's attack: the collector completes « Négocier l'échéancier » adding balance=9000 and
   * segment=PONCTUEL, so that 6 instalments with 900 € down on a 50,539 € case look like terms a
   * collector grants alone (the table allows 6 instalments with 10 % down under 10,000 €). 900 € on
   * 50,539 € is 1.78 % down: a supervisor must approve.
   */
  @Test
  void collectorCannotBypassPlanFourEyes() {
    String reference =
        openConsumerCase(invoice("F-PLAN-1", today.minusDays(60), today.minusDays(30), "50539.00"));
    String pid = startPaymentPlan(reference);
    Task negotiation = taskOf(pid);
    String terms =
        """
        "debtorRefuses": {"value": false, "type": "Boolean"},
        "instalmentCount": {"value": 6, "type": "Long"},
        "frequency": {"value": "MONTHLY", "type": "String"},
        "firstInstalmentDate": {"value": "%s", "type": "String"},
        "downPayment": {"value": 900.0, "type": "Double"}"""
            .formatted(today.plusDays(30));

    Response forged =
        collector.postJson(
            "/engine-rest/task/" + negotiation.getId() + "/complete",
            """
        {"variables": {%s,
          "balance": {"value": 9000.0, "type": "Double"},
          "segment": {"value": "PONCTUEL", "type": "String"}}}"""
                .formatted(terms));

    assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
    // the balance is not on the form (its header shows the amount as text): refused as well
    assertThat(forged.json().get("message").asText())
        .contains("[balance, segment]")
        .contains("negocier-echeancier");
    assertThat(taskOf(pid).getTaskDefinitionKey()).isEqualTo("Task_NegotiatePlan");
    assertThat(runtimeService.getVariable(pid, "instalmentCount")).isNull();

    // the read-only feedback the form shows may come back (Tasklist sends it): it is not written
    Response withShownFeedback =
        collector.postJson(
            "/engine-rest/task/" + negotiation.getId() + "/complete",
            """
        {"variables": {%s, "planFeedback": {"value": "Validé", "type": "String"}}}"""
                .formatted(terms));

    assertThat(withShownFeedback.status()).as(withShownFeedback.toString()).isEqualTo(204);
    Task approval = taskOf(pid);
    assertThat(approval.getTaskDefinitionKey()).isEqualTo("Task_ApprovePlan");
    assertThat(candidateGroups(approval)).containsExactly(GroupIds.SUPERVISORS);
    assertThat(runtimeService.getVariable(pid, "balance")).isEqualTo(50539.0);
    assertThat(runtimeService.getVariable(pid, "approvalRequired")).isEqualTo(true);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from payment_plan p join collection_case c on c.id = p.case_id where c.reference = ?",
                Integer.class,
                reference))
        .isZero();
  }

  /** The same forged submission through the door Tasklist itself uses, with a webapp session. */
  @Test
  void collectorCannotBypassPlanFourEyesThroughTasklistsOwnApi() throws Exception {
    String reference =
        openConsumerCase(invoice("F-PLAN-2", today.minusDays(60), today.minusDays(30), "50539.00"));
    String pid = startPaymentPlan(reference);
    Task negotiation = taskOf(pid);
    WebappSession tasklist = WebappSession.logIn(port, TestUsers.COLLECTOR, TestUsers.PASSWORD);

    HttpResponse<String> forged =
        tasklist.postJson(
            "/camunda/api/engine/engine/default/task/" + negotiation.getId() + "/submit-form",
            """
        {"variables": {"debtorRefuses": {"value": false, "type": "Boolean"},
          "instalmentCount": {"value": 6, "type": "Long"}, "frequency": {"value": "MONTHLY", "type": "String"},
          "firstInstalmentDate": {"value": "%s", "type": "String"}, "downPayment": {"value": 900.0, "type": "Double"},
          "segment": {"value": "PONCTUEL", "type": "String"}}}"""
                .formatted(today.plusDays(30)));

    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
    assertThat(forged.body()).contains("[segment]");
    assertThat(taskOf(pid).getTaskDefinitionKey()).isEqualTo("Task_NegotiatePlan");

    // what Tasklist sends for this form: its fields, the read-only ones included
    HttpResponse<String> asTasklistSends =
        tasklist.postJson(
            "/camunda/api/engine/engine/default/task/" + negotiation.getId() + "/submit-form",
            """
        {"variables": {"planFeedback": {"value": null, "type": "Null"},
          "debtorRefuses": {"value": false, "type": "Boolean"},
          "instalmentCount": {"value": 6, "type": "Long"}, "frequency": {"value": "MONTHLY", "type": "String"},
          "firstInstalmentDate": {"value": "%s", "type": "String"}, "downPayment": {"value": 900.0, "type": "Double"},
          "planNotes": {"value": "Acompte à la signature", "type": "String"}}}"""
                .formatted(today.plusDays(30)));

    assertThat(asTasklistSends.statusCode()).as(asTasklistSends.body()).isEqualTo(204);
    assertThat(taskOf(pid).getTaskDefinitionKey()).isEqualTo("Task_ApprovePlan");
    assertThat(runtimeService.getVariable(pid, "balance")).isEqualTo(50539.0);
    assertThat(runtimeService.getVariable(pid, "planNegotiator")).isEqualTo(TestUsers.COLLECTOR);
  }

  /** A Tasklist session: its login, its session cookie and the CSRF token the webapps require. */
  static final class WebappSession {
    final int port;
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String csrf = "";

    WebappSession(int port) {
      this.port = port;
    }

    static WebappSession logIn(int port, String user, String password) throws Exception {
      WebappSession session = new WebappSession(port);
      session.refreshCsrf();
      HttpResponse<String> login =
          session.http.send(
              HttpRequest.newBuilder(
                      session.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-XSRF-TOKEN", session.csrf)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "username=" + user + "&password=" + password))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      // logging in starts a new session, with a new token
      session.refreshCsrf();
      return session;
    }

    /** A read gives the session's CSRF token, in a header as in a cookie. */
    void refreshCsrf() throws Exception {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default"))
                  .header("X-XSRF-TOKEN", "Fetch")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      csrf = r.headers().firstValue("X-XSRF-TOKEN").orElse(csrf);
    }

    HttpResponse<String> postJson(String path, String json) throws Exception {
      return http.send(
          HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .header("X-XSRF-TOKEN", csrf)
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }
  }

  // --- M6: no Java object from a submission

  @Test
  void collectorCannotSubmitAJavaFileAsATaskVariable() {
    String reference =
        openConsumerCase(invoice("F-M6-1", today.minusDays(60), today.minusDays(30), "800.00"));
    String pid = startPaymentPlan(reference);
    Task negotiation = taskOf(pid);

    // planNotes is a free-text field of the form: the name is allowed, an object value is not
    Response file =
        collector.postJson(
            "/engine-rest/task/" + negotiation.getId() + "/complete",
            """
        {"variables": {"debtorRefuses": {"value": true, "type": "Boolean"},
          "planNotes": {"value": "\\"/etc/passwd\\"", "type": "Object",
            "valueInfo": {"objectTypeName": "java.io.File", "serializationDataFormat": "application/json"}}}}""");
    Response json =
        collector.postJson(
            "/engine-rest/task/" + negotiation.getId() + "/complete",
            """
        {"variables": {"debtorRefuses": {"value": true, "type": "Boolean"}, "planNotes": {"value": {"url": "http://x"}}}}""");
    Response direct =
        collector.putJson(
            "/engine-rest/task/" + negotiation.getId() + "/variables/planNotes",
            """
        {"value": "\\"/etc/passwd\\"", "type": "Object",
         "valueInfo": {"objectTypeName": "java.io.File", "serializationDataFormat": "application/json"}}""");

    assertThat(file.status()).as(file.toString()).isEqualTo(400);
    assertThat(file.json().get("message").asText())
        .contains("[planNotes]")
        .contains("plain values");
    assertThat(json.status()).as(json.toString()).isEqualTo(400);
    assertThat(direct.status()).as(direct.toString()).isEqualTo(403);
    assertThat(taskOf(pid).getId()).isEqualTo(negotiation.getId());
    assertThat(runtimeService.getVariable(pid, "planNotes")).isNull();
  }

  /**
   * Behind the REST guard, the engine itself refuses to build a java.io.File from a stored
   * variable.
   */
  @Test
  void theEngineDoesNotDeserialiseTypesOutsideItsAllowList() {
    String reference =
        openConsumerCase(invoice("F-M6-2", today.minusDays(60), today.minusDays(30), "800.00"));
    String pid = startPaymentPlan(reference);

    assertThatThrownBy(
            () -> {
              runtimeService.setVariable(
                  pid,
                  "evidence",
                  Variables.serializedObjectValue("\"/etc/passwd\"")
                      .objectTypeName("java.io.File")
                      .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                      .create());
              runtimeService.getVariable(pid, "evidence");
            })
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("java.io.File");
  }

  // --- H4: disputes

  /**
   * The review's attack: a collector raised a 19,000 € technical dispute and granted the credit
   * note himself. Now the amount sends it to a supervisor (more than the 5,000 € a collector may
   * credit on a case), and whoever raised a dispute — here a small one a collector may decide —
   * cannot decide it.
   */
  @Test
  void collectorCannotApproveOwnDispute() {
    String reference =
        openConsumerCase(
            invoice("F-H4-1", today.minusDays(60), today.minusDays(30), "800.00"),
            invoice("F-H4-2", today.minusDays(60), today.minusDays(30), "19000.00"));
    long small = raise(collector, reference, "F-H4-1");
    Task smallTask = investigation(small);
    assertThat(candidateGroups(smallTask)).containsExactly(GroupIds.COLLECTORS);

    Response grantOwn =
        collector.postJson(
            "/engine-rest/task/" + smallTask.getId() + "/complete", creditNote("AV-H4-1", "800.0"));

    assertThat(grantOwn.status()).as(grantOwn.toString()).isEqualTo(400);
    assertThat(grantOwn.json().get("message").asText())
        .contains("Quatre yeux")
        .contains(TestUsers.COLLECTOR);
    assertThat(jdbc.queryForObject("select outcome from dispute where id = ?", String.class, small))
        .isNull();

    // 19,000 € more under dispute: 800 + 19,000 = 19,800 € could be credited on the case, beyond a
    // collector's 5,000 €
    long large = raise(collector, reference, "F-H4-2");
    Task largeTask = investigation(large);
    assertThat(candidateGroups(largeTask)).containsExactly(GroupIds.SUPERVISORS);
    Response grantLarge =
        collector.postJson(
            "/engine-rest/task/" + largeTask.getId() + "/complete",
            creditNote("AV-H4-2", "19000.0"));
    assertThat(grantLarge.status()).as(grantLarge.toString()).isEqualTo(403);
    JsonNode c = admin.get("/api/cases/" + reference).json();
    assertThat(c.get("balance").decimalValue()).isEqualByComparingTo("19800.00");
    assertThat(c.get("status").asText()).isNotEqualTo("PAID");

    // a colleague decides the small one, and is recorded as the one who did
    Response byColleague =
        otherCollector.postJson(
            "/engine-rest/task/" + smallTask.getId() + "/complete", creditNote("AV-H4-1", "800.0"));
    assertThat(byColleague.status()).as(byColleague.toString()).isEqualTo(204);
    assertThat(jdbc.queryForMap("select outcome, resolved_by from dispute where id = ?", small))
        .containsEntry("OUTCOME", "CREDIT_NOTE")
        .containsEntry("RESOLVED_BY", OTHER_COLLECTOR);
    assertThat(admin.get("/api/cases/" + reference).json().get("balance").decimalValue())
        .isEqualByComparingTo("19000.00");
  }

  /**
   * 3,000 € on F-1 and 3,000 € on F-2, each disputed alone, each well under any per-dispute
   * ceiling. Once 3,000 € is credited on F-1, the dispute on F-2 could bring the case's credits to
   * 3,000 + 3,000 = 6,000 € > 5,000 €: a supervisor decides it, not a collector.
   */
  @Test
  void splittingACreditAcrossInvoicesStillNeedsASupervisor() {
    String reference =
        openConsumerCase(
            invoice("F-SPLIT-1", today.minusDays(60), today.minusDays(30), "3000.00"),
            invoice("F-SPLIT-2", today.minusDays(60), today.minusDays(30), "3000.00"));
    long first = raise(collector, reference, "F-SPLIT-1");
    Task firstTask = investigation(first);
    assertThat(candidateGroups(firstTask)).containsExactly(GroupIds.COLLECTORS);
    Response firstCredit =
        otherCollector.postJson(
            "/engine-rest/task/" + firstTask.getId() + "/complete",
            creditNote("AV-SPLIT-1", "3000.0"));
    assertThat(firstCredit.status()).as(firstCredit.toString()).isEqualTo(204);

    long second = raise(collector, reference, "F-SPLIT-2");
    Task secondTask = investigation(second);

    assertThat(candidateGroups(secondTask)).containsExactly(GroupIds.SUPERVISORS);
    assertThat(taskService.getVariable(secondTask.getId(), "caseCreditExposure")).isEqualTo(6000.0);
    Response secondCredit =
        otherCollector.postJson(
            "/engine-rest/task/" + secondTask.getId() + "/complete",
            creditNote("AV-SPLIT-2", "3000.0"));
    assertThat(secondCredit.status()).as(secondCredit.toString()).isEqualTo(403);
    assertThat(admin.get("/api/cases/" + reference).json().get("balance").decimalValue())
        .isEqualByComparingTo("3000.00");

    Response bySupervisor =
        supervisor.postJson(
            "/engine-rest/task/" + secondTask.getId() + "/complete",
            creditNote("AV-SPLIT-2", "3000.0"));
    assertThat(bySupervisor.status()).as(bySupervisor.toString()).isEqualTo(204);
  }

  // --- helpers

  String openConsumerCase(String... invoices) {
    Response r = admin.postJson("/api/cases", caseJson(newDebtorId(), "CONSUMER", "", invoices));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("reference").asText();
  }

  /** What collection-case's call activity does, with the case's own facts. */
  String startPaymentPlan(String reference) {
    JsonNode c = admin.get("/api/cases/" + reference).json();
    return runtimeService
        .startProcessInstanceByKey(
            "payment-plan",
            reference,
            Map.of(
                "caseReference",
                reference,
                "segment",
                c.get("segment").asText(),
                "debtorType",
                "CONSUMER",
                "balance",
                c.get("balance").doubleValue(),
                "debtorName",
                "Boulangerie Martin SARL"))
        .getId();
  }

  long raise(ApiClient who, String reference, String invoiceNumber) {
    Response r =
        who.postJson(
            "/api/cases/" + reference + "/disputes",
            """
        {"category": "TECHNICAL", "invoiceNumbers": ["%s"], "comment": "Prestation non conforme"}"""
                .formatted(invoiceNumber));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  Task investigation(long disputeId) {
    return taskService
        .createTaskQuery()
        .processDefinitionKey("dispute")
        .taskDefinitionKey("Task_InvestigateDispute")
        .processVariableValueEquals("disputeId", disputeId)
        .singleResult();
  }

  static String creditNote(String number, String amount) {
    return """
        {"variables": {"disputeOutcome": {"value": "CREDIT_NOTE", "type": "String"},
          "creditNoteNumber": {"value": "%s", "type": "String"},
          "creditNoteAmount": {"value": %s, "type": "Double"}}}"""
        .formatted(number, amount);
  }

  Task taskOf(String pid) {
    return taskService.createTaskQuery().processInstanceId(pid).singleResult();
  }

  List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }
}

package fr.recouvrement.security;

import static fr.recouvrement.cases.CaseFixtures.businessCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static fr.recouvrement.cases.CaseFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.kernel.provider.SignedCallbacks;
import fr.recouvrement.kernel.time.CaseClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attacks of the security review (docs/security.md), replayed against the running application:
 * each test is named after what no longer gets through, its finding id in the comment.
 */
@IntegrationTest
class SecurityReviewTest {
  static final String DEPLOYMENT_PREFIX = "security-review-";
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcTemplate jdbc;
  @Autowired SignedCallbacks signatures;

  final LocalDate today = LocalDate.now(CaseClock.PARIS);

  @BeforeEach
  void users() {
    TestUsers.ensureAll(identity);
  }

  @AfterEach
  void deleteDeployments() {
    for (Deployment d :
        repository.createDeploymentQuery().deploymentNameLike(DEPLOYMENT_PREFIX + "%").list()) {
      repository.deleteDeployment(d.getId(), true);
    }
  }

  // C1 (the database side; the settings side is SafeDefaultsTest)
  // ------------------------------------

  @Autowired KnownPasswords knownPasswords;

  @Test
  void aDatabaseFromALocalTryOutCannotBeStartedOnTheNetworkWithItsDemoUsers() {
    // a data directory that a local run filled: the demo user collecteur / demo
    TestUsers.ensure(identity, "collecteur");
    org.camunda.bpm.engine.identity.User demo =
        identity.createUserQuery().userId("collecteur").singleResult();
    demo.setPassword(KnownPasswords.DEMO_PASSWORD);
    identity.saveUser(demo);
    try {
      assertThat(knownPasswords.exposedAccounts()).containsExactly("collecteur");
      org.assertj.core.api.Assertions.assertThatThrownBy(
              knownPasswords::afterSingletonsInstantiated)
          .isInstanceOf(SafeDefaults.UnsafeSettingsException.class)
          .hasMessageContaining("collecteur")
          .hasMessageContaining("change their passwords");
    } finally {
      identity.deleteUser("collecteur");
    }
    // the test administrator's password is not a known one: this shared instance is fine
    assertThat(knownPasswords.exposedAccounts()).isEmpty();
  }

  // H1 ------------------------------------------------------------------------------------------

  /** The review's model: a timer start whose listener adds its author to camunda-admin. */
  static final String BACKDOOR =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          id="Definitions_Backdoor" targetNamespace="http://bpmn.io/schema/bpmn">
        <bpmn:process id="security-review-backdoor" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="Event_Tick">
            <bpmn:extensionElements>
              <camunda:executionListener event="start" expression="${identityService.createMembership('tanalyst', 'camunda-admin')}" />
            </bpmn:extensionElements>
            <bpmn:timerEventDefinition id="Timer_Tick"><bpmn:timeCycle>R/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition>
          </bpmn:startEvent>
          <bpmn:serviceTask id="Task_Read" camunda:expression="${jdbcTemplate.queryForList('select * from debtor')}" />
          <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Tick" targetRef="Task_Read" />
        </bpmn:process>
      </bpmn:definitions>
      """
          .strip();

  @Test
  void analystCannotDeployAModelThatRunsCode() {
    String name = DEPLOYMENT_PREFIX + "backdoor";

    Response r =
        EngineRestAuthorizationTest.deploy(TestUsers.as(port, TestUsers.ANALYST), name, BACKDOOR);

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.json().get("message").asText())
        .contains("Deployment refused")
        .contains("(Event_Tick): timer start events are not allowed")
        .contains("'identityService.createMembership()' is not a form the shipped models use")
        .contains("'jdbcTemplate.queryForList()' is not a form");
    assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("security-review-backdoor")
                .count())
        .isZero();
    assertThat(
            identity
                .createUserQuery()
                .userId(TestUsers.ANALYST)
                .memberOfGroup(GroupIds.CAMUNDA_ADMIN)
                .count())
        .isZero();
  }

  @Test
  void analystStillDeploysTheShippedModels() throws IOException {
    // the largest process, a phase and a decision, under keys of their own so the running cases
    // keep theirs
    // without the bulk-intake start « Dossier importé »: a message start belongs to the shipped key
    // alone (its message name is unique in the engine, and a new key may not be started by one)
    String caseModel =
        shipped("processes/collection-case.bpmn")
            .replace(
                "<bpmn:process id=\"collection-case\"", "<bpmn:process id=\"security-review-case\"")
            .replaceAll(
                "<bpmn:startEvent id=\"Event_CaseImported\"[\\s\\S]*?</bpmn:startEvent>", "")
            .replaceAll("<bpmn:incoming>Flow_ImportedStart</bpmn:incoming>", "")
            .replaceAll("<bpmn:sequenceFlow id=\"Flow_ImportedStart\"[^>]*/>", "")
            .replaceAll(
                "<bpmndi:BPMNShape id=\"Event_CaseImported_di\"[\\s\\S]*?</bpmndi:BPMNShape>", "")
            .replaceAll(
                "<bpmndi:BPMNEdge id=\"Flow_ImportedStart_di\"[\\s\\S]*?</bpmndi:BPMNEdge>", "");
    String dispute =
        shipped("processes/dispute.bpmn")
            .replace(
                "<bpmn:process id=\"dispute\"", "<bpmn:process id=\"security-review-dispute\"");
    ApiClient analyst = TestUsers.as(port, TestUsers.ANALYST);

    Response first =
        EngineRestAuthorizationTest.deploy(analyst, DEPLOYMENT_PREFIX + "case", caseModel);
    Response second =
        EngineRestAuthorizationTest.deploy(analyst, DEPLOYMENT_PREFIX + "dispute", dispute);

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("security-review-case")
                .count())
        .isEqualTo(1);
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("security-review-dispute")
                .count())
        .isEqualTo(1);
  }

  static String shipped(String path) throws IOException {
    return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
  }

  // H2 ------------------------------------------------------------------------------------------

  @Test
  void analystCannotEraseCasesOrHistory() throws Exception {
    Deployment deployment =
        repository
            .createDeployment()
            .name(DEPLOYMENT_PREFIX + "erase")
            .addModelInstance(
                "erase.bpmn", EngineRestAuthorizationTest.taskProcess("security-review-erase"))
            .deploy();
    String instance =
        runtime
            .startProcessInstanceByKey(
                "security-review-erase", Map.of("candidateGroup", GroupIds.COLLECTORS))
            .getId();

    int deleteDeployment =
        call(
            TestUsers.ANALYST,
            "DELETE",
            "/engine-rest/deployment/" + deployment.getId() + "?cascade=true",
            null);
    int deleteInstance =
        call(TestUsers.ANALYST, "DELETE", "/engine-rest/process-instance/" + instance, null);
    int deleteHistory =
        call(
            TestUsers.ANALYST,
            "POST",
            "/engine-rest/history/process-instance/delete",
            "{\"historicProcessInstanceIds\": [\"" + instance + "\"]}");
    int auditorDeletes =
        call(
            TestUsers.AUDITOR,
            "DELETE",
            "/engine-rest/deployment/" + deployment.getId() + "?cascade=true",
            null);

    assertThat(new int[] {deleteDeployment, deleteInstance, deleteHistory, auditorDeletes})
        .containsOnly(403);
    assertThat(repository.createDeploymentQuery().deploymentId(deployment.getId()).count())
        .isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count())
        .isEqualTo(1);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count())
        .isEqualTo(1);
    // nobody but camunda-admin holds a permission to erase, in this (shared, long-lived) database
    for (Authorization a :
        authorizations.createAuthorizationQuery().resourceType(Resources.DEPLOYMENT).list()) {
      if (!GroupIds.CAMUNDA_ADMIN.equals(a.getGroupId())) {
        assertThat(a.isPermissionGranted(Permissions.DELETE))
            .as("DELETE on deployments for " + a.getGroupId() + a.getUserId())
            .isFalse();
      }
    }
  }

  @Test
  void aDatabaseFromBeforeTheFixLosesTheAnalystsRightToErase() {
    // what GroupBootstrap granted analysts before: DELETE on every deployment
    Authorization old = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    old.setGroupId(GroupIds.ANALYSTS);
    old.setResource(Resources.DEPLOYMENT);
    old.setResourceId("security-review-old");
    old.addPermission(Permissions.READ);
    old.addPermission(Permissions.DELETE);
    authorizations.saveAuthorization(old);

    assertThat(GroupBootstrap.revokeErasure(authorizations)).isEqualTo(1);

    Authorization after =
        authorizations
            .createAuthorizationQuery()
            .groupIdIn(GroupIds.ANALYSTS)
            .resourceType(Resources.DEPLOYMENT)
            .resourceId("security-review-old")
            .singleResult();
    assertThat(after.isPermissionGranted(Permissions.DELETE)).isFalse();
    assertThat(after.isPermissionGranted(Permissions.READ)).isTrue();
    authorizations.deleteAuthorization(after.getId());
  }

  // H5 and M3 -----------------------------------------------------------------------------------

  @Test
  void oversizedCallbackIsRefusedBeforeReading() throws Exception {
    // 700 MB announced, none sent: an answer while the body is still "coming" proves nothing was
    // read
    RawHttp.Answer announced =
        RawHttp.send(
            "127.0.0.1",
            port,
            "POST /api/callbacks/bailiff HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 734003200\r\n\r\n",
            null);

    assertThat(announced.status()).as(announced.toString()).isEqualTo(413);
    assertThat(announced.header("Content-Type")).startsWith("application/problem+json");
    assertThat(announced.body()).contains("larger than the 16 KB accepted here");

    // the same without a length (chunked): counted while read, refused once past the limit
    byte[] big = ("{\"eventId\": \"" + "x".repeat(40_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> chunked =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/callbacks/postal"))
                .header("Content-Type", "application/json")
                .header(
                    SignedCallbacks.TIMESTAMP_HEADER, Long.toString(Instant.now().getEpochSecond()))
                .header(SignedCallbacks.SIGNATURE_HEADER, "sha256=00")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
    assertThat(chunked.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  @Test
  void oversizedDeploymentByAnAuditorIsRefusedBeforeReading() {
    String head =
        "POST /engine-rest/deployment/create HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 419430400\r\n";

    RawHttp.Answer auditor =
        RawHttp.send(
            "127.0.0.1",
            port,
            head + RawHttp.basic(TestUsers.AUDITOR, TestUsers.PASSWORD) + "\r\n",
            null);
    RawHttp.Answer anonymous = RawHttp.send("127.0.0.1", port, head + "\r\n", null);

    assertThat(auditor.status()).as(auditor.toString()).isEqualTo(413);
    assertThat(auditor.body()).contains("larger than the 10 MB accepted here");
    // before anyone asks who is calling
    assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(413);
  }

  // H6 ------------------------------------------------------------------------------------------

  @Test
  void anonymousCannotLockAdmin() {
    // "another machine": 127.0.0.2 guesses admin's password, one wrong password after another
    int[] statuses = new int[60];
    for (int i = 0; i < statuses.length; i++) {
      statuses[i] =
          RawHttp.send(
                  "127.0.0.2",
                  port,
                  "GET /api/cases HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                      + RawHttp.basic("admin", "guess-" + i)
                      + "\r\n",
                  null)
              .status();
    }

    // the guesser is slowed down: past 5 failures for admin, most attempts are 429 without the
    // password being checked ...
    assertThat(statuses).containsOnly(401, 429);
    assertThat(java.util.Arrays.stream(statuses).filter(s -> s == 429).count())
        .isGreaterThanOrEqualTo((statuses.length - LoginThrottle.USER_FREE_FAILURES) / 2);
    // ... and the administrator, from his own machine, logs in at once, every time
    for (int i = 0; i < 3; i++) {
      Response r = new ApiClient(port, "admin", "admin-test").get("/api/cases");
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
    assertThat(identity.checkPassword("admin", "admin-test"))
        .as("the account is not locked in the engine")
        .isTrue();
  }

  @Test
  void theEngineNeverLocksAUserOutAfterManyWrongPasswords() {
    // Camunda's default: locked after 10 failures until an administrator unlocks
    // (loginMaxAttempts),
    // and a growing delay after each failure (loginDelayBase); both are off, the throttle replaces
    // them
    String user = TestUsers.ensure(identity, "tlockout", GroupIds.COLLECTORS);
    for (int i = 0; i < 15; i++) {
      assertThat(identity.checkPassword(user, "wrong-" + i)).isFalse();
    }

    assertThat(identity.checkPassword(user, TestUsers.PASSWORD)).isTrue();
  }

  @Test
  void aStrangerGuessingInTheWebappsLoginIsSlowedDownWhileAdminLogsIn() throws Exception {
    // the webapps check passwords themselves; "another machine" (127.0.0.3) guesses there
    RawHttp.Answer page =
        RawHttp.send(
            "127.0.0.3",
            port,
            "GET /camunda/app/admin/default/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            null);
    String cookies = page.cookies();
    String token = page.header("X-XSRF-TOKEN");
    int[] statuses = new int[60];
    for (int i = 0; i < statuses.length; i++) {
      byte[] form = ("username=admin&password=guess-" + i).getBytes(StandardCharsets.UTF_8);
      statuses[i] =
          RawHttp.send(
                  "127.0.0.3",
                  port,
                  "POST /camunda/api/admin/auth/user/default/login/admin HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                      + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                      + form.length
                      + "\r\n"
                      + "Cookie: "
                      + cookies
                      + "\r\nX-XSRF-TOKEN: "
                      + token
                      + "\r\n\r\n",
                  form)
              .status();
    }

    // past 50 failures from that address, most attempts are 429 without the password being checked
    assertThat(statuses).as(java.util.Arrays.toString(statuses)).containsOnly(401, 429);
    assertThat(java.util.Arrays.stream(statuses).filter(s -> s == 429).count())
        .isGreaterThanOrEqualTo((statuses.length - LoginThrottle.ADDRESS_FREE_FAILURES) / 2);
    java.net.http.HttpClient browser =
        java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    String base = "http://localhost:" + port + "/camunda";
    HttpResponse<String> adminPage =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/app/admin/default/")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> login =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/admin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                    "X-XSRF-TOKEN", adminPage.headers().firstValue("X-XSRF-TOKEN").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin-test"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
  }

  // M1 ------------------------------------------------------------------------------------------

  @Test
  void aCrossSitePageCannotOpenACaseNorDeployWithTheBrowsersCredentials() throws Exception {
    String debtor = newDebtorId();
    String csv =
        "debtor_id,debtor_type,debtor_name,siren,email,phone,address_line1,postal_code,city,invoice_number,issue_date,due_date,amount\n"
            + debtor
            + ",BUSINESS,Forged SARL,552100554,a@b.example,+33612345678,1 rue X,69003,Lyon,F-CSRF-1,2026-01-05,2026-02-04,10.00\n";

    // the review's form: text/plain, sent by the browser from another site with the cached Basic
    // credentials
    int forgedForm =
        call(
            TestUsers.COLLECTOR,
            "POST",
            "/api/cases/import",
            "text/plain",
            csv,
            Map.of("Origin", "https://evil.example"));
    int forgedCsv =
        call(
            TestUsers.COLLECTOR,
            "POST",
            "/api/cases/import",
            "text/csv",
            csv,
            Map.of("Origin", "https://evil.example"));
    int fetchMetadata =
        call(
            TestUsers.COLLECTOR,
            "POST",
            "/api/cases/import",
            "text/csv",
            csv,
            Map.of("Sec-Fetch-Site", "cross-site"));
    int plainText =
        call(TestUsers.COLLECTOR, "POST", "/api/cases/import", "text/plain", csv, Map.of());

    assertThat(forgedForm).isEqualTo(403);
    assertThat(forgedCsv).isEqualTo(403);
    assertThat(fetchMetadata).isEqualTo(403);
    assertThat(plainText).as("a type a page may post without asking is never read").isEqualTo(415);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from debtor where external_id = ?", Integer.class, debtor))
        .isZero();

    // a cross-site multipart deployment as analyst; the same from the application's own origin
    // passes
    String bpmn =
        Bpmn.convertToString(EngineRestAuthorizationTest.taskProcess("security-review-csrf"));
    String boundary = "b" + UUID.randomUUID();
    String multipart =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
            + DEPLOYMENT_PREFIX
            + "csrf\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"csrf.bpmn\"\r\n\r\n"
            + bpmn
            + "\r\n--"
            + boundary
            + "--\r\n";
    int crossSite =
        call(
            TestUsers.ANALYST,
            "POST",
            "/engine-rest/deployment/create",
            "multipart/form-data; boundary=" + boundary,
            multipart,
            Map.of("Origin", "https://evil.example"));
    assertThat(crossSite).isEqualTo(403);
    assertThat(
            repository.createDeploymentQuery().deploymentName(DEPLOYMENT_PREFIX + "csrf").count())
        .isZero();

    int sameOrigin =
        call(
            TestUsers.ANALYST,
            "POST",
            "/engine-rest/deployment/create",
            "multipart/form-data; boundary=" + boundary,
            multipart,
            Map.of("Origin", "http://localhost:" + port));
    assertThat(sameOrigin).isEqualTo(200);
  }

  // L5 ------------------------------------------------------------------------------------------

  @Test
  void anExtremeCallbackTimestampIsRefusedWithoutAStackTrace() throws Exception {
    byte[] body =
        "{\"eventId\": \"e1\", \"trackingId\": \"t\", \"status\": \"SIGNED\", \"occurredOn\": \"2026-03-04\"}"
            .getBytes(StandardCharsets.UTF_8);
    for (String timestamp :
        new String[] {
          "9223372036854775807", "-9223372036854775808", "99999999999999999999999", "1e10"
        }) {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + port + "/api/callbacks/postal"))
                  .header("Content-Type", "application/json")
                  .header(SignedCallbacks.TIMESTAMP_HEADER, timestamp)
                  .header(
                      SignedCallbacks.SIGNATURE_HEADER,
                      SignedCallbacks.sign("test-postal-callback-secret", timestamp, body))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).as(timestamp + ": " + r.body()).isEqualTo(401);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(r.body()).doesNotContain("Exception", "at fr.", "at java.", timestamp);
    }
  }

  // L7 ------------------------------------------------------------------------------------------

  @Test
  void extremeKpiDatesAreABadRequestNamingTheField() {
    ApiClient auditor = TestUsers.as(port, TestUsers.AUDITOR);

    Response farPast = auditor.get("/api/kpis?from=-999999999-01-01&to=2026-12-31");
    Response farFuture = auditor.get("/api/kpis?from=2026-01-01&to=%2B999999999-12-31");
    Response year1900 = auditor.get("/api/kpis?from=1900-01-01&to=2026-12-31");
    Response century = auditor.get("/api/kpis?from=2000-01-01&to=2099-12-31");

    for (Response r : new Response[] {farPast, farFuture, year1900, century}) {
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
    assertThat(farPast.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
    assertThat(farFuture.json().get("errors").get(0).get("field").asText()).isEqualTo("to");
    assertThat(century.json().get("detail").asText()).contains("at most 10 years");
  }

  // L8 ------------------------------------------------------------------------------------------

  @Test
  void errorAnswersRevealNothingInternal() {
    Response forbidden =
        TestUsers.as(port, TestUsers.AUDITOR)
            .postJson("/api/cases", businessCase(newDebtorId(), "F-L8-1", "10.00", today));
    Response badParameter =
        TestUsers.as(port, TestUsers.AUDITOR)
            .get("/api/kpis?from=%3Cscript%3Ealert(1)%3C/script%3E");
    Response badPage = TestUsers.as(port, TestUsers.AUDITOR).get("/api/cases?page=select-1");

    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.body()).doesNotContain(TestUsers.AUDITOR, GroupIds.AUDITORS, "groups:");
    assertThat(badParameter.status()).isEqualTo(400);
    assertThat(badParameter.body()).doesNotContain("script");
    assertThat(badPage.status()).isEqualTo(400);
    assertThat(badPage.body()).doesNotContain("select-1");
    // a missing callback secret answers like a wrong signature: the caller cannot tell which
    String noSecret = refusal(() -> signatures.verify(null, "1", "sha256=00", new byte[0]));
    String wrongSignature =
        refusal(
            () ->
                signatures.verify(
                    "s3cret",
                    Long.toString(Instant.now().getEpochSecond()),
                    "sha256=00",
                    new byte[0]));
    assertThat(noSecret).isEqualTo(wrongSignature).isEqualTo("Invalid signature");
  }

  private static String refusal(Runnable verify) {
    try {
      verify.run();
      throw new AssertionError("accepted");
    } catch (SignedCallbacks.InvalidSignatureException e) {
      return e.getMessage();
    }
  }

  // L10 -----------------------------------------------------------------------------------------

  @Test
  void anUnknownJsonFieldIsRefusedNamingIt() {
    String body =
        businessCase(newDebtorId(), "F-L10-1", "10.00", today)
            .replace("\"name\":", "\"nmae\": \"typo\", \"name\":");

    Response r = TestUsers.as(port, TestUsers.COLLECTOR).postJson("/api/cases", body);

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("debtor.nmae");
    assertThat(r.json().get("errors").get(0).get("message").asText())
        .isEqualTo("is not a known field");
  }

  @Test
  void aPaymentBackDatedTo1900OrBeforeTheInvoiceIsRefused() {
    ApiClient collector = TestUsers.as(port, TestUsers.COLLECTOR);
    // invoice issued 30 days before its due date, 3 days ago: issued today - 33 days
    Response opened =
        collector.postJson(
            "/api/cases", businessCase(newDebtorId(), "F-L10-2", "500.00", today.minusDays(3)));
    String reference = opened.json().get("reference").asText();

    Response in1900 =
        collector.postJson(
            "/api/cases/" + reference + "/payments",
            payment("100.00", LocalDate.of(1900, 1, 1), "VIR-L10-1"));
    Response beforeInvoice =
        collector.postJson(
            "/api/cases/" + reference + "/payments",
            payment("100.00", today.minusDays(34), "VIR-L10-2"));
    Response onIssueDay =
        collector.postJson(
            "/api/cases/" + reference + "/payments",
            payment("100.00", today.minusDays(33), "VIR-L10-3"));

    assertThat(in1900.status()).as(in1900.toString()).isEqualTo(400);
    assertThat(in1900.json().get("errors").get(0).get("field").asText()).isEqualTo("date");
    assertThat(beforeInvoice.status()).as(beforeInvoice.toString()).isEqualTo(400);
    assertThat(onIssueDay.status()).as(onIssueDay.toString()).isEqualTo(201);
    // only the payment on the issue day is recorded
    assertThat(
            collector
                .get("/api/cases/" + reference)
                .json()
                .get("payments")
                .findValuesAsText("reference"))
        .containsExactly("VIR-L10-3");
  }

  @Test
  void thePagesForbidScriptsAndFramesThroughAContentSecurityPolicy() {
    Response login = new ApiClient(port, null, null).get("/app/login");

    assertThat(login.status()).isEqualTo(200);
    assertThat(login.header("Content-Security-Policy"))
        .contains("default-src 'none'", "frame-ancestors 'none'")
        .doesNotContain("script-src");
  }

  // helpers -------------------------------------------------------------------------------------

  int call(String user, String method, String path, String json) throws Exception {
    return call(user, method, path, "application/json", json, Map.of());
  }

  int call(
      String user,
      String method,
      String path,
      String contentType,
      String body,
      Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                RawHttp.basic(user, TestUsers.PASSWORD)
                    .substring("Authorization: ".length())
                    .trim());
    headers.forEach(b::header);
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}

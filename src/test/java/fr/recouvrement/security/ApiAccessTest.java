package fr.recouvrement.security;

import static fr.recouvrement.cases.CaseFixtures.businessCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static fr.recouvrement.cases.CaseFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Who may call {@code /api}: HTTP Basic against Camunda identity, then access by group. */
@IntegrationTest
class ApiAccessTest {
  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  final LocalDate today = LocalDate.now(CaseClock.PARIS);

  @BeforeEach
  void users() {
    TestUsers.ensureAll(identityService);
  }

  @Test
  void anAnonymousCallIsChallengedWithAProblem() {
    Response r = new ApiClient(port, null, null).get("/api/cases");

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).startsWith("Basic realm=\"Recouvrement\"");
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("status").asInt()).isEqualTo(401);
    assertThat(r.json().get("instance").asText()).isEqualTo("/api/cases");
  }

  @Test
  void aWrongPasswordOrAnUnknownUserIsRefused() {
    // its own user: Camunda delays the next login of a user after a failed attempt
    String user = TestUsers.ensure(identityService, "twrongpassword", GroupIds.COLLECTORS);

    Response wrongPassword =
        new ApiClient(port, user, "not-" + TestUsers.PASSWORD).get("/api/cases");
    Response unknownUser = new ApiClient(port, "tnobody", TestUsers.PASSWORD).get("/api/cases");

    for (Response r : new Response[] {wrongPassword, unknownUser}) {
      assertThat(r.status()).as(r.toString()).isEqualTo(401);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.header("WWW-Authenticate")).startsWith("Basic");
      assertThat(r.json().get("detail").asText()).isEqualTo("Wrong user name or password.");
    }
  }

  @Test
  void everyGroupReadsCases() {
    for (String user :
        new String[] {
          TestUsers.COLLECTOR, TestUsers.SUPERVISOR, TestUsers.ANALYST, TestUsers.AUDITOR
        }) {
      Response r = TestUsers.as(port, user).get("/api/cases");
      assertThat(r.status()).as(user + ": " + r).isEqualTo(200);
      assertThat(r.json().has("items")).isTrue();
    }
  }

  @Test
  void aUserInNoGroupReadsNothing() {
    Response r = TestUsers.as(port, TestUsers.NO_GROUP).get("/api/cases");

    assertThat(r.status()).as(r.toString()).isEqualTo(403);
    assertThat(r.contentType()).startsWith("application/problem+json");
    // the answer says what was refused, not who asked nor which groups he has (review L8)
    assertThat(r.json().get("detail").asText()).isEqualTo("Your groups do not allow this call.");
  }

  @Test
  void collectorsAndSupervisorsWorkCasesInTheirOwnName() {
    Response opened =
        TestUsers.as(port, TestUsers.COLLECTOR)
            .postJson(
                "/api/cases", businessCase(newDebtorId(), "F-SEC-1", "120.00", today.minusDays(3)));

    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String processInstanceId = opened.json().get("processInstanceId").asText();
    assertThat(runtimeService.getVariable(processInstanceId, "openedBy"))
        .isEqualTo(TestUsers.COLLECTOR);

    String reference = opened.json().get("reference").asText();
    Response paid =
        TestUsers.as(port, TestUsers.SUPERVISOR)
            .postJson(
                "/api/cases/" + reference + "/payments", payment("20.00", today, "VIR-SEC-1"));
    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    assertThat(paid.json().get("payments").get(0).get("recordedBy").asText())
        .isEqualTo(TestUsers.SUPERVISOR);
  }

  @Test
  void anAuditorCannotOpenACase() {
    String debtor = newDebtorId();

    Response r =
        TestUsers.as(port, TestUsers.AUDITOR)
            .postJson("/api/cases", businessCase(debtor, "F-SEC-2", "120.00", today.minusDays(3)));

    assertThat(r.status()).as(r.toString()).isEqualTo(403);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("detail").asText()).doesNotContain(TestUsers.AUDITOR, "auditors");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from debtor where external_id = ?", Integer.class, debtor))
        .isZero();
  }

  @Test
  void anAnalystCannotRecordAPaymentNorImport() {
    ApiClient analyst = TestUsers.as(port, TestUsers.ANALYST);

    Response payment =
        analyst.postJson(
            "/api/cases/DOS-2026-999999/payments", payment("10.00", today, "VIR-SEC-2"));
    Response csv = analyst.post("/api/cases/import", "text/csv", "debtor_id\n");

    assertThat(payment.status()).as(payment.toString()).isEqualTo(403);
    assertThat(payment.contentType()).startsWith("application/problem+json");
    assertThat(csv.status()).as(csv.toString()).isEqualTo(403);
  }
}

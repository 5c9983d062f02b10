package fr.recouvrement.dispute;

import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.security.GroupIds;
import fr.recouvrement.security.TestUsers;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/cases/{reference}/disputes}: what is recorded, what the case shows, every
 * refusal.
 */
@IntegrationTest
class DisputeApiTest {
  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired CaseService cases;
  @Autowired JdbcTemplate jdbc;

  ApiClient api;
  final LocalDate today = LocalDate.now(CaseClock.PARIS);

  @BeforeEach
  void client() {
    TestUsers.ensure(identityService, TestUsers.COLLECTOR, GroupIds.COLLECTORS);
    api = new ApiClient(port, TestUsers.COLLECTOR, TestUsers.PASSWORD);
  }

  /** A business case with two invoices due today (no penalties yet): A 1,000.00 and B 500.00. */
  String openCase() {
    String json =
        caseJson(
            newDebtorId(),
            "BUSINESS",
            "\"siren\": \"552100554\",",
            invoice("F-A", today.minusDays(30), today, "1000.00"),
            invoice("F-B", today.minusDays(30), today, "500.00"));
    Response r = new ApiClient(port, "admin", "admin-test").postJson("/api/cases", json);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("reference").asText();
  }

  Response dispute(String reference, String body) {
    return api.postJson("/api/cases/" + reference + "/disputes", body);
  }

  static JsonNode invoiceOf(JsonNode c, String number) {
    for (JsonNode i : c.get("invoices")) {
      if (i.get("number").asText().equals(number)) {
        return i;
      }
    }
    throw new AssertionError("No invoice " + number + " in " + c);
  }

  @Test
  void aCollectorRaisesADisputeAndRemindersLeaveItsInvoicesAlone() {
    String reference = openCase();

    Response r =
        dispute(
            reference,
            """
        {"category": "COMMERCIAL", "invoiceNumbers": ["F-A"], "comment": "Remise de 10 % non appliquée"}""");

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.header("Location")).startsWith("/api/cases/" + reference + "/disputes/");
    JsonNode d = r.json();
    assertThat(d.get("category").asText()).isEqualTo("COMMERCIAL");
    assertThat(d.get("status").asText()).isEqualTo("OPEN");
    assertThat(d.get("invoiceNumbers").get(0).asText()).isEqualTo("F-A");
    assertThat(d.get("disputedAmount").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(d.get("comment").asText()).isEqualTo("Remise de 10 % non appliquée");
    assertThat(d.get("raisedBy").asText()).isEqualTo(TestUsers.COLLECTOR);

    JsonNode c = api.get("/api/cases/" + reference).json();
    assertThat(invoiceOf(c, "F-A").get("disputed").asBoolean()).isTrue();
    assertThat(invoiceOf(c, "F-B").get("disputed").asBoolean()).isFalse();
    assertThat(c.get("balance").decimalValue()).isEqualByComparingTo("1500.00");
    assertThat(cases.undisputedBalance(reference)).isEqualByComparingTo("500.00");
    // the case process was told, with the dispute's id
    String processInstanceId = c.get("processInstanceId").asText();
    assertThat(
            runtimeService
                .createVariableInstanceQuery()
                .processInstanceIdIn(processInstanceId)
                .variableName("disputeId")
                .singleResult()
                .getValue())
        .isEqualTo(d.get("id").asLong());
  }

  @Test
  void anUnknownOrMissingCategoryIsRefusedNamingTheField() {
    String reference = openCase();

    Response unknown =
        dispute(
            reference,
            """
        {"category": "PRICE", "invoiceNumbers": ["F-A"]}""");
    Response missing =
        dispute(
            reference,
            """
        {"invoiceNumbers": ["F-A"]}""");

    for (Response r : new Response[] {unknown, missing}) {
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("category");
    }
    assertThat(openDisputes(reference)).isZero();
  }

  @Test
  void noInvoiceOrAnInvoiceOfAnotherCaseIsRefusedNamingTheField() {
    String reference = openCase();
    Response other =
        new ApiClient(port, "admin", "admin-test")
            .postJson(
                "/api/cases",
                caseJson(
                    newDebtorId(),
                    "CONSUMER",
                    "",
                    invoice("F-ELSEWHERE", today.minusDays(30), today, "80.00")));
    assertThat(other.status()).as(other.toString()).isEqualTo(201);

    Response empty =
        dispute(
            reference,
            """
        {"category": "TECHNICAL", "invoiceNumbers": []}""");
    assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
    assertThat(empty.json().get("errors").get(0).get("field").asText()).isEqualTo("invoiceNumbers");

    Response absent =
        dispute(
            reference,
            """
        {"category": "TECHNICAL"}""");
    assertThat(absent.status()).as(absent.toString()).isEqualTo(400);
    assertThat(absent.json().get("errors").get(0).get("field").asText())
        .isEqualTo("invoiceNumbers");

    Response unknown =
        dispute(
            reference,
            """
        {"category": "TECHNICAL", "invoiceNumbers": ["F-A", "F-999"]}""");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
    assertThat(unknown.json().get("errors").get(0).get("field").asText())
        .isEqualTo("invoiceNumbers[1]");

    // recorded, but on another debtor's case
    Response foreign =
        dispute(
            reference,
            """
        {"category": "TECHNICAL", "invoiceNumbers": ["F-ELSEWHERE"]}""");
    assertThat(foreign.status()).as(foreign.toString()).isEqualTo(400);
    assertThat(foreign.json().get("errors").get(0).get("field").asText())
        .isEqualTo("invoiceNumbers[0]");
    assertThat(openDisputes(reference)).isZero();
  }

  @Test
  void anInvoiceAlreadyUnderAnOpenDisputeIsAConflict() {
    String reference = openCase();
    assertThat(
            dispute(
                    reference,
                    """
        {"category": "ADMINISTRATIVE", "invoiceNumbers": ["F-A"]}""")
                .status())
        .isEqualTo(201);

    Response again =
        dispute(
            reference,
            """
        {"category": "COMMERCIAL", "invoiceNumbers": ["F-B", "F-A"]}""");

    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.json().get("detail").asText()).contains("F-A");
    assertThat(openDisputes(reference)).isEqualTo(1);
    // the other invoice alone can still be disputed
    assertThat(
            dispute(
                    reference,
                    """
        {"category": "COMMERCIAL", "invoiceNumbers": ["F-B"]}""")
                .status())
        .isEqualTo(201);
  }

  @Test
  void aClosedCaseCannotBeDisputed() {
    String reference = openCase();
    jdbc.update(
        "update collection_case set status = 'PAID', open_debtor_id = null, closed_at = current_timestamp where reference = ?",
        reference);

    Response r =
        dispute(
            reference,
            """
        {"category": "TECHNICAL", "invoiceNumbers": ["F-A"]}""");

    assertThat(r.status()).as(r.toString()).isEqualTo(409);
    assertThat(r.json().get("detail").asText()).contains("closed");
  }

  @Test
  void anUnknownCaseIsNotFound() {
    Response r =
        dispute(
            "DOS-1999-999999",
            """
        {"category": "TECHNICAL", "invoiceNumbers": ["F-A"]}""");

    assertThat(r.status()).as(r.toString()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aUserInNoGroupCannotRaiseADispute() {
    String reference = openCase();
    TestUsers.ensure(identityService, TestUsers.NO_GROUP);

    Response r =
        new ApiClient(port, TestUsers.NO_GROUP, TestUsers.PASSWORD)
            .postJson(
                "/api/cases/" + reference + "/disputes",
                """
        {"category": "TECHNICAL", "invoiceNumbers": ["F-A"]}""");

    assertThat(r.status()).as(r.toString()).isEqualTo(403);
    assertThat(openDisputes(reference)).isZero();
  }

  int openDisputes(String reference) {
    return jdbc.queryForObject(
        "select count(*) from dispute d join collection_case c on c.id = d.case_id where c.reference = ? and d.status = 'OPEN'",
        Integer.class,
        reference);
  }
}

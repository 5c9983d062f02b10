package fr.recouvrement.cases;

import static fr.recouvrement.cases.CaseFixtures.businessCase;
import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.consumerCase;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static fr.recouvrement.cases.CaseFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class CaseApiTest {
  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcTemplate jdbc;

  ApiClient api;
  final LocalDate today = LocalDate.now(CaseClock.PARIS);

  @BeforeEach
  void client() {
    api = new ApiClient(port, "admin", "admin-test");
  }

  @Test
  void openingACaseStartsItsProcessWithTheReferenceAsBusinessKey() {
    // due today: not late yet, so no B2B penalty (MoneyApiTest covers those)
    Response r = api.postJson("/api/cases", businessCase(newDebtorId(), "F-1", "1850.00", today));

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode c = r.json();
    String reference = c.get("reference").asText();
    assertThat(reference).matches("DOS-\\d{4}-\\d{6}");
    assertThat(c.get("status").asText()).isEqualTo("AMICABLE");
    assertThat(c.get("balance").decimalValue()).isEqualByComparingTo("1850.00");
    assertThat(c.get("principal").decimalValue()).isEqualByComparingTo("1850.00");
    assertThat(c.get("invoices")).hasSize(1);
    assertThat(c.get("debtor").get("siren").asText()).isEqualTo("552100554");
    // step 1 (the courtesy email) is passed for an invoice already due: the next action is the J+3
    // email
    assertThat(c.get("nextAction").get("what").asText())
        .isEqualTo("Envoyer un courriel de relance");
    assertThat(c.get("nextAction").get("due").asText()).isNotBlank();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(CaseService.PROCESS_KEY)
                .processInstanceBusinessKey(reference)
                .singleResult()
                .getId())
        .isEqualTo(c.get("processInstanceId").asText());

    Response read = api.get("/api/cases/" + reference);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("reference").asText()).isEqualTo(reference);
  }

  @Test
  void aSecondRequestForTheSameDebtorAddsToItsOpenCaseAndNeverTwiceTheSameInvoice() {
    String debtor = newDebtorId();
    LocalDate due = today; // not late: the balance is the principal alone
    String first =
        api.postJson("/api/cases", businessCase(debtor, "F-10", "100.00", due))
            .json()
            .get("reference")
            .asText();

    Response second =
        api.postJson(
            "/api/cases",
            caseJson(
                debtor,
                "BUSINESS",
                "",
                invoice("F-10", due.minusDays(30), due, "100.00"),
                invoice("F-11", due.minusDays(30), due, "50.50")));

    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    assertThat(second.json().get("reference").asText()).isEqualTo(first);
    assertThat(second.json().get("invoices")).hasSize(2);
    assertThat(second.json().get("balance").decimalValue()).isEqualByComparingTo("150.50");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(CaseService.PROCESS_KEY)
                .processInstanceBusinessKey(first)
                .count())
        .isEqualTo(1);
  }

  @Test
  void aKnownInvoiceNumberWithOtherFiguresIsAConflictAndChangesNothing() {
    String debtor = newDebtorId();
    LocalDate due = today.minusDays(5);
    String reference =
        api.postJson("/api/cases", businessCase(debtor, "F-20", "100.00", due))
            .json()
            .get("reference")
            .asText();

    Response r =
        api.postJson(
            "/api/cases",
            caseJson(
                debtor,
                "BUSINESS",
                "",
                invoice("F-21", due.minusDays(30), due, "70.00"),
                invoice("F-20", due.minusDays(30), due, "999.00")));

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("detail").asText()).contains("F-20");
    assertThat(api.get("/api/cases/" + reference).json().get("invoices")).hasSize(1);
  }

  @Test
  void whenTheProcessCannotStartNoCaseIsLeftBehind() {
    String debtor = newDebtorId();
    repositoryService.suspendProcessDefinitionByKey(CaseService.PROCESS_KEY);
    try {
      Response r = api.postJson("/api/cases", businessCase(debtor, "F-30", "100.00", today));
      assertThat(r.status()).isGreaterThanOrEqualTo(400);
    } finally {
      repositoryService.activateProcessDefinitionByKey(CaseService.PROCESS_KEY);
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from debtor where external_id = ?", Long.class, debtor))
        .isZero();
    assertThat(
            jdbc.queryForObject("select count(*) from invoice where number = 'F-30'", Long.class))
        .isZero();
  }

  @Test
  void anUnknownCaseIsA404Problem() {
    Response r = api.get("/api/cases/DOS-1999-999999");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void listingFiltersByStatusAndPages() {
    String debtor = newDebtorId();
    String reference =
        api.postJson("/api/cases", businessCase(debtor, "F-40", "10.00", today))
            .json()
            .get("reference")
            .asText();
    api.postJson("/api/cases/" + reference + "/payments", payment("10.00", today, "VIR-40"));

    JsonNode paid = api.get("/api/cases?status=PAID&size=500").json();
    assertThat(paid.get("items"))
        .anySatisfy(i -> assertThat(i.get("reference").asText()).isEqualTo(reference));
    assertThat(paid.get("items"))
        .allSatisfy(i -> assertThat(i.get("status").asText()).isEqualTo("PAID"));
    JsonNode firstPage = api.get("/api/cases?size=1&page=0").json();
    assertThat(firstPage.get("items")).hasSize(1);
    assertThat(firstPage.get("total").asLong()).isGreaterThanOrEqualTo(1);

    Response bad = api.get("/api/cases?status=LOST");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("status");
  }

  @Test
  void paymentsAllocateToTheOldestInvoiceAndAFullPaymentEndsTheCaseAsPaid() {
    // a consumer: principal only (MoneyApiTest covers a business's penalties and indemnities)
    String debtor = newDebtorId();
    String reference =
        api.postJson(
                "/api/cases",
                caseJson(
                    debtor,
                    "CONSUMER",
                    "",
                    invoice("F-51", today.minusDays(40), today.minusDays(10), "300.00"),
                    invoice("F-50", today.minusDays(60), today.minusDays(30), "200.00")))
            .json()
            .get("reference")
            .asText();

    Response partial =
        api.postJson("/api/cases/" + reference + "/payments", payment("250.00", today, "VIR-1"));
    assertThat(partial.status()).as(partial.toString()).isEqualTo(201);
    JsonNode c = partial.json();
    assertThat(c.get("status").asText()).isEqualTo("AMICABLE");
    assertThat(c.get("balance").decimalValue()).isEqualByComparingTo("250.00");
    JsonNode oldest = c.get("invoices").get(0);
    assertThat(oldest.get("number").asText()).isEqualTo("F-50");
    assertThat(oldest.get("outstanding").decimalValue()).isEqualByComparingTo("0");
    assertThat(c.get("invoices").get(1).get("outstanding").decimalValue())
        .isEqualByComparingTo("250.00");

    Response again =
        api.postJson("/api/cases/" + reference + "/payments", payment("250.00", today, "VIR-1"));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("balance").decimalValue()).isEqualByComparingTo("250.00");
    assertThat(again.json().get("payments")).hasSize(1);

    Response rest =
        api.postJson("/api/cases/" + reference + "/payments", payment("260.00", today, "VIR-2"));
    JsonNode settled = rest.json();
    assertThat(settled.get("status").asText()).isEqualTo("PAID");
    assertThat(settled.get("balance").decimalValue()).isEqualByComparingTo("0");
    assertThat(settled.get("payments").get(1).get("unallocated").decimalValue())
        .isEqualByComparingTo("10.00");
    assertThat(settled.get("closedAt").isNull()).isFalse();
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(CaseService.PROCESS_KEY)
                .processInstanceBusinessKey(reference)
                .finished()
                .count())
        .isEqualTo(1);

    Response next = api.postJson("/api/cases", consumerCase(debtor, "F-52", "80.00", today));
    assertThat(next.status()).isEqualTo(201);
    assertThat(next.json().get("reference").asText()).isNotEqualTo(reference);

    Response late =
        api.postJson("/api/cases/" + reference + "/payments", payment("5.00", today, "VIR-3"));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("detail").asText()).contains("closed");
  }

  @Test
  void aBadPaymentIsRejectedNamingTheField() {
    String reference =
        api.postJson("/api/cases", businessCase(newDebtorId(), "F-60", "100.00", today))
            .json()
            .get("reference")
            .asText();

    assertThat(
            field(
                api.postJson(
                    "/api/cases/" + reference + "/payments", payment("0", today, "VIR-A"))))
        .isEqualTo("amount");
    assertThat(
            field(
                api.postJson(
                    "/api/cases/" + reference + "/payments", payment("10.001", today, "VIR-A"))))
        .isEqualTo("amount");
    assertThat(
            field(
                api.postJson(
                    "/api/cases/" + reference + "/payments",
                    payment("10", today.plusDays(3), "VIR-A"))))
        .isEqualTo("date");
    assertThat(
            field(
                api.postJson(
                    "/api/cases/" + reference + "/payments",
                    "{\"amount\": 10, \"date\": \"2026-13-01\", \"reference\": \"X\"}")))
        .isEqualTo("date");
    assertThat(
            api.postJson("/api/cases/DOS-1999-999998/payments", payment("10", today, "VIR-A"))
                .status())
        .isEqualTo(404);
    assertThat(api.get("/api/cases/" + reference).json().get("payments")).isEmpty();
  }

  private static String field(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    return Objects.requireNonNull(r.json().get("errors"), r.body()).get(0).get("field").asText();
  }

  @Test
  void theCaseShowsThePromisesToPayInTheOrderTheyWereMade() {
    String reference =
        api.postJson("/api/cases", businessCase(newDebtorId(), "F-P1", "900.00", today))
            .json()
            .get("reference")
            .asText();
    assertThat(api.get("/api/cases/" + reference).json().get("promises")).isEmpty();
    long caseId =
        jdbc.queryForObject(
            "select id from collection_case where reference = ?", Long.class, reference);
    // written by the amicable stage (RecordPromise, CheckPromise); here straight into the table
    String insert =
        "insert into promise (case_id, promised_on, amount, status, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?)";
    jdbc.update(
        insert,
        caseId,
        today.minusDays(20),
        new java.math.BigDecimal("300.00"),
        "BROKEN",
        java.sql.Timestamp.valueOf(today.minusDays(30).atTime(10, 0)),
        "tcollector");
    jdbc.update(
        insert,
        caseId,
        today.plusDays(10),
        new java.math.BigDecimal("900.00"),
        "PENDING",
        java.sql.Timestamp.valueOf(today.atTime(9, 30)),
        "tsupervisor");

    JsonNode promises = api.get("/api/cases/" + reference).json().get("promises");

    assertThat(promises).hasSize(2);
    assertThat(promises.get(0).get("date").asText()).isEqualTo(today.minusDays(20).toString());
    assertThat(promises.get(0).get("amount").decimalValue()).isEqualByComparingTo("300.00");
    assertThat(promises.get(0).get("status").asText()).isEqualTo("BROKEN");
    assertThat(promises.get(0).get("recordedBy").asText()).isEqualTo("tcollector");
    assertThat(promises.get(1).get("date").asText()).isEqualTo(today.plusDays(10).toString());
    assertThat(promises.get(1).get("status").asText()).isEqualTo("PENDING");
    assertThat(promises.get(1).get("recordedBy").asText()).isEqualTo("tsupervisor");
  }

  @Test
  void theApiAnswersJsonEvenToABrowserThatPrefersXml() {
    // jackson-dataformat-xml is on the classpath for the holiday calendar; the API must not answer
    // XML
    Response r =
        api.get(
            "/api/cases?page=0&size=1",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
  }

  @Test
  void theDebtorSaysWhetherItIsATraderAndOtherwiseABusinessWithASirenIsTakenForOne() {
    LocalDate due = today;
    // a business with a SIREN, nothing said: a trader
    JsonNode trader =
        api.postJson("/api/cases", businessCase(newDebtorId(), "F-1", "100.00", due)).json();
    assertThat(trader.get("debtor").get("commercial").asBoolean()).isTrue();
    // an SCI has a SIREN but is not a trader: the creditor says so
    String sci = newDebtorId();
    Response nonTrader =
        api.postJson(
            "/api/cases",
            caseJson(
                sci,
                "BUSINESS",
                "\"siren\": \"552100554\", \"commercial\": false,",
                invoice("F-1", due, due, "100.00")));
    assertThat(nonTrader.status()).as(nonTrader.toString()).isEqualTo(201);
    assertThat(nonTrader.json().get("debtor").get("commercial").asBoolean()).isFalse();
    // sent again without the field (an ERP that does not know it): what was recorded stays
    Response again =
        api.postJson(
            "/api/cases",
            caseJson(
                sci, "BUSINESS", "\"siren\": \"552100554\",", invoice("F-2", due, due, "50.00")));
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().get("debtor").get("commercial").asBoolean()).isFalse();
    // a business without a SIREN: nothing shows it trades, so the tribunal judiciaire's side
    JsonNode noSiren =
        api.postJson(
                "/api/cases",
                caseJson(newDebtorId(), "BUSINESS", "", invoice("F-1", due, due, "100.00")))
            .json();
    assertThat(noSiren.get("debtor").get("commercial").asBoolean()).isFalse();
    assertThat(
            api.postJson("/api/cases", consumerCase(newDebtorId(), "F-1", "100.00", due))
                .json()
                .get("debtor")
                .get("commercial")
                .asBoolean())
        .isFalse();
  }

  @Test
  void aConsumerSaidToBeATraderIsRejectedNamingTheField() {
    String debtor = newDebtorId();
    Response r =
        api.postJson(
            "/api/cases",
            caseJson(
                debtor,
                "CONSUMER",
                "\"commercial\": true,",
                invoice("F-1", today, today, "100.00")));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("debtor.commercial");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from debtor where external_id = ?", Long.class, debtor))
        .isZero();
  }
}

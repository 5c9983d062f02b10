package fr.recouvrement.money;

import static fr.recouvrement.cases.CaseFixtures.caseJson;
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
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The money rules through the HTTP API, on Camunda's clock set to 31 January 2026 (2026-H1: 2.15 %
 * + 10 = 12.15 %). Invoices: A 1,000.00 due 1 Jan (30 days late: 9.99 + 40), B 500.00 due 21 Jan
 * (10 days late: 1.66 + 40).
 */
@IntegrationTest
class MoneyApiTest {
  static final LocalDate JAN_31 = LocalDate.parse("2026-01-31");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService historyService;
  @Autowired RuntimeService runtimeService;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port, "admin", "admin-test");
    moveClockTo(JAN_31);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aBusinessCaseShowsItsLatePenaltiesAndRecoveryIndemnities() {
    String reference = open("BUSINESS");

    JsonNode c = api.get("/api/cases/" + reference).json();

    assertThat(c.get("principal").decimalValue()).isEqualByComparingTo("1500.00");
    assertThat(c.get("penalties").decimalValue()).isEqualByComparingTo("91.65");
    assertThat(c.get("balance").decimalValue()).isEqualByComparingTo("1591.65");
    JsonNode a = c.get("invoices").get(0);
    assertThat(a.get("number").asText()).isEqualTo("A");
    assertThat(a.get("latePenalty").decimalValue()).isEqualByComparingTo("9.99");
    assertThat(a.get("recoveryIndemnity").decimalValue()).isEqualByComparingTo("40.00");
    JsonNode b = c.get("invoices").get(1);
    assertThat(b.get("latePenalty").decimalValue()).isEqualByComparingTo("1.66");
    assertThat(b.get("recoveryIndemnity").decimalValue()).isEqualByComparingTo("40.00");

    JsonNode listed = listed(reference);
    assertThat(listed.get("balance").decimalValue()).isEqualByComparingTo("1591.65");
    // the process decides on the same full balance from the start
    assertThat(runtimeService.getVariable(c.get("processInstanceId").asText(), "balance"))
        .isEqualTo(1591.65);
  }

  @Test
  void aConsumerNeverSeesAPenaltyOrAnIndemnity() {
    String reference = open("CONSUMER");

    JsonNode c = api.get("/api/cases/" + reference).json();

    assertThat(c.get("penalties").decimalValue()).isEqualByComparingTo("0");
    assertThat(c.get("balance").decimalValue()).isEqualByComparingTo("1500.00");
    assertThat(c.get("invoices"))
        .allSatisfy(
            i -> {
              assertThat(i.get("latePenalty").decimalValue()).isEqualByComparingTo("0");
              assertThat(i.get("recoveryIndemnity").decimalValue()).isEqualByComparingTo("0");
            });
    assertThat(listed(reference).get("balance").decimalValue()).isEqualByComparingTo("1500.00");

    JsonNode paid =
        api.postJson("/api/cases/" + reference + "/payments", payment("1500.00", JAN_31, "VIR-C1"))
            .json();
    assertThat(paid.get("status").asText()).isEqualTo("PAID");
  }

  @Test
  void
      paymentsGoToTheOldestInvoicePenaltyThenPrincipalThenIndemnityAndTheQuotedBalanceEndsTheCase() {
    String reference = open("BUSINESS");

    Response first =
        api.postJson("/api/cases/" + reference + "/payments", payment("1030.00", JAN_31, "VIR-M1"));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    JsonNode afterFirst = first.json();
    assertThat(afterFirst.get("status").asText()).isEqualTo("AMICABLE");
    JsonNode a = afterFirst.get("invoices").get(0);
    assertThat(a.get("outstanding").decimalValue()).isEqualByComparingTo("0");
    assertThat(a.get("latePenalty").decimalValue()).isEqualByComparingTo("0");
    assertThat(a.get("recoveryIndemnity").decimalValue())
        .isEqualByComparingTo("19.99"); // 40 − 20.01
    assertThat(afterFirst.get("balance").decimalValue())
        .isEqualByComparingTo("561.65"); // 1,591.65 − 1,030

    // ten days later, B has accrued 20 days on 500: 500 × 12.15 % × 20 / 365 = 3.33
    LocalDate feb10 = LocalDate.parse("2026-02-10");
    moveClockTo(feb10);
    JsonNode quoted = api.get("/api/cases/" + reference).json();
    assertThat(quoted.get("balance").decimalValue())
        .isEqualByComparingTo("563.32"); // 19.99 + 500 + 3.33 + 40

    JsonNode settled =
        api.postJson(
                "/api/cases/" + reference + "/payments",
                payment(quoted.get("balance").decimalValue().toPlainString(), feb10, "VIR-M2"))
            .json();
    assertThat(settled.get("status").asText()).as(settled.toString()).isEqualTo("PAID");
    assertThat(settled.get("balance").decimalValue()).isEqualByComparingTo("0");
    assertThat(settled.get("payments").get(1).get("unallocated").decimalValue())
        .isEqualByComparingTo("0");
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(settled.get("processInstanceId").asText())
                .variableName("fullyPaid")
                .singleResult()
                .getValue())
        .isEqualTo(true);

    assertThat(allocations(reference))
        .containsExactly(
            List.of("VIR-M1", "A", "1000.00", "9.99", "20.01"),
            List.of("VIR-M2", "A", "0.00", "0.00", "19.99"),
            List.of("VIR-M2", "B", "500.00", "3.33", "40.00"));
  }

  @Test
  void anOverpaymentIsKeptOnThePayment() {
    String reference = open("BUSINESS");

    JsonNode c =
        api.postJson("/api/cases/" + reference + "/payments", payment("1600.00", JAN_31, "VIR-M3"))
            .json();

    assertThat(c.get("status").asText()).isEqualTo("PAID");
    assertThat(c.get("payments").get(0).get("unallocated").decimalValue())
        .isEqualByComparingTo("8.35");
  }

  @Test
  void aPaymentNamingTheSecondOfTwoInvoicesPaysThatOne() {
    String reference = open("BUSINESS");

    // B owes 1.66 + 500.00 + 40.00 = 541.66; the debtor names it (C. civ. 1342-10): A, older, stays
    // untouched
    Response r =
        api.postJson(
            "/api/cases/" + reference + "/payments",
            """
            {"amount": 541.66, "date": "2026-01-31", "reference": "VIR-N1", "invoiceNumbers": ["B"]}""");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode a = r.json().get("invoices").get(0);
    JsonNode b = r.json().get("invoices").get(1);
    assertThat(a.get("number").asText()).isEqualTo("A");
    assertThat(a.get("outstanding").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(a.get("latePenalty").decimalValue()).isEqualByComparingTo("9.99");
    assertThat(b.get("outstanding").decimalValue()).isEqualByComparingTo("0");
    assertThat(b.get("latePenalty").decimalValue()).isEqualByComparingTo("0");
    assertThat(b.get("recoveryIndemnity").decimalValue()).isEqualByComparingTo("0");
    assertThat(r.json().get("balance").decimalValue()).isEqualByComparingTo("1049.99");
    assertThat(allocations(reference))
        .containsExactly(List.of("VIR-N1", "B", "500.00", "1.66", "40.00"));
  }

  @Test
  void aPaymentNamingAnInvoiceTheCaseDoesNotHoldIsRefusedNamingTheField() {
    String reference = open("BUSINESS");

    Response r =
        api.postJson(
            "/api/cases/" + reference + "/payments",
            """
            {"amount": 100.00, "date": "2026-01-31", "reference": "VIR-N2", "invoiceNumbers": ["B", "F-NOPE"]}""");

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("invoiceNumbers[1]");
    assertThat(r.body()).contains("F-NOPE");
    assertThat(api.get("/api/cases/" + reference).json().get("payments")).isEmpty();
  }

  @Test
  void aContractualRateBelowThreeTimesTheLegalRateIsRaisedToIt() {
    // 10,000.00 due 31 Dec 2023, seen on 30 Jun 2024 (182 days). Without a contract: 4.50 + 10 =
    // 14.50 %,
    // 10,000 × 14.50 % × 182 / 365 = 723.01; with a contract at 5 %: 3 × 5.07 = 15.21 %, 758.42
    moveClockTo(LocalDate.parse("2024-06-30"));
    Response r =
        api.postJson(
            "/api/cases",
            caseJson(
                newDebtorId(),
                "BUSINESS",
                "\"siren\": \"552100554\",",
                invoice(
                    "S", LocalDate.parse("2023-12-01"), LocalDate.parse("2023-12-31"), "10000.00"),
                """
                {"number": "K", "issueDate": "2023-12-01", "dueDate": "2023-12-31", "amount": 10000.00,
                 "contractualPenaltyRate": 5, "vatAmount": 1666.67}"""));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode c = r.json();

    JsonNode k =
        c.get("invoices").get(0).get("number").asText().equals("K")
            ? c.get("invoices").get(0)
            : c.get("invoices").get(1);
    JsonNode s =
        k == c.get("invoices").get(0) ? c.get("invoices").get(1) : c.get("invoices").get(0);
    assertThat(s.get("latePenalty").decimalValue()).isEqualByComparingTo("723.01");
    assertThat(s.get("recoveryIndemnity").decimalValue()).isEqualByComparingTo("40.00");
    assertThat(s.get("contractualPenaltyRate").isNull()).isTrue();
    assertThat(k.get("latePenalty").decimalValue()).isEqualByComparingTo("758.42");
    assertThat(k.get("contractualPenaltyRate").decimalValue()).isEqualByComparingTo("5");
    assertThat(k.get("vatAmount").decimalValue()).isEqualByComparingTo("1666.67");
    assertThat(c.get("ratesToConfirm")).isEmpty();
  }

  @Test
  void aHalfYearWithoutARowIsShownAsRatesToConfirm() {
    // the table has no row for 2031-H2: the penalty stands on the last row and the case says so
    moveClockTo(LocalDate.parse("2031-07-31"));
    Response r =
        api.postJson(
            "/api/cases",
            caseJson(
                newDebtorId(),
                "BUSINESS",
                "\"siren\": \"552100554\",",
                invoice(
                    "R", LocalDate.parse("2031-06-01"), LocalDate.parse("2031-07-01"), "1000.00")));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);

    JsonNode c = api.get("/api/cases/" + r.json().get("reference").asText()).json();
    assertThat(c.get("invoices").get(0).get("latePenalty").decimalValue()).isPositive();
    assertThat(c.get("ratesToConfirm")).extracting(JsonNode::asText).containsExactly("2031-H2");
  }

  @Test
  void theCaseShowsTheAmountPursuedWithoutItsDisputedInvoice() {
    String reference = open("BUSINESS");
    Response disputed =
        api.postJson(
            "/api/cases/" + reference + "/disputes",
            "{\"category\": \"COMMERCIAL\", \"invoiceNumbers\": [\"B\"], \"comment\": \"Remise non appliquée\"}");
    assertThat(disputed.status()).as(disputed.toString()).isEqualTo(201);

    JsonNode c = api.get("/api/cases/" + reference).json();

    // still owed: A 1,049.99 + B 541.66; pursued: A only, 1,000.00 + 9.99 + 40.00
    assertThat(c.get("balance").decimalValue()).isEqualByComparingTo("1591.65");
    JsonNode pursued = c.get("amountPursued");
    assertThat(pursued.get("day").asText()).isEqualTo("2026-01-31");
    assertThat(pursued.get("total").decimalValue()).isEqualByComparingTo("1049.99");
    assertThat(pursued.get("principalAndInterest").decimalValue()).isEqualByComparingTo("1009.99");
    assertThat(pursued.get("lines")).hasSize(1);
    JsonNode a = pursued.get("lines").get(0);
    assertThat(a.get("number").asText()).isEqualTo("A");
    assertThat(a.get("latePenalty").decimalValue()).isEqualByComparingTo("9.99");
    assertThat(a.get("recoveryIndemnity").decimalValue()).isEqualByComparingTo("40.00");
    assertThat(a.has("invoiceId")).as("our row ids stay inside").isFalse();
    JsonNode b = pursued.get("leftOut").get(0);
    assertThat(b.get("number").asText()).isEqualTo("B");
    assertThat(b.get("owed").decimalValue()).isEqualByComparingTo("541.66");
    assertThat(b.get("reason").asText()).isEqualTo("DISPUTED");
  }

  private String open(String debtorType) {
    Response r =
        api.postJson(
            "/api/cases",
            caseJson(
                newDebtorId(),
                debtorType,
                "BUSINESS".equals(debtorType) ? "\"siren\": \"552100554\"," : "",
                invoice(
                    "B", LocalDate.parse("2025-12-22"), LocalDate.parse("2026-01-21"), "500.00"),
                invoice(
                    "A", LocalDate.parse("2025-12-02"), LocalDate.parse("2026-01-01"), "1000.00")));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("reference").asText();
  }

  private JsonNode listed(String reference) {
    for (JsonNode item : api.get("/api/cases?size=500").json().get("items")) {
      if (item.get("reference").asText().equals(reference)) {
        return item;
      }
    }
    throw new AssertionError(reference + " is not in the listing");
  }

  private List<List<String>> allocations(String reference) {
    return jdbc.query(
        """
        select p.reference, i.number, a.principal, a.penalty, a.indemnity
        from payment_allocation a
        join payment p on p.id = a.payment_id
        join invoice i on i.id = a.invoice_id
        join collection_case c on c.id = p.case_id
        where c.reference = ?
        order by p.id, i.due_date
        """,
        (rs, n) ->
            List.of(
                rs.getString(1),
                rs.getString(2),
                rs.getBigDecimal(3).toPlainString(),
                rs.getBigDecimal(4).toPlainString(),
                rs.getBigDecimal(5).toPlainString()),
        reference);
  }

  private static void moveClockTo(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(CaseClock.PARIS).toInstant()));
  }
}

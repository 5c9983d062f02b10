package fr.recouvrement.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.ProcessDriver;
import fr.recouvrement.TestServers;
import fr.recouvrement.cases.CaseFixtures;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.time.CaseClock;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A payment plan kept to the end, with the real delegates, agreed on 2 March 2026 (2026-H1: ECB
 * 2.15 % + 10 = 12.15 % for penalties; legal rate "autres cas" 2.62 %): a down payment that day and
 * one instalment on 1 April. payment-plan-terms waives what accrued meanwhile for a consumer, not
 * for a business.
 */
@IntegrationTest
class PlanCompletionTest {
  static final LocalDate AGREED = LocalDate.parse("2026-03-02");
  static final LocalDate LAST = LocalDate.parse("2026-04-01");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired CaseService cases;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port, "admin", "admin-test");
    TestServers.reset();
    moveClockTo(AGREED);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void aBusinessThatKeptItsPlanStillOwesThePenaltiesOfThePlanAndWasToldSo() throws Exception {
    // 1,000.00 due 31 Jan; on 2 Mar, 30 days late: 1,000 × 12.15 % × 30 / 365 = 9.99, + 40.00 →
    // 1,049.99
    String reference = open("BUSINESS", "\"siren\": \"552100554\",", "2026-01-31");
    assertThat(balance(reference)).isEqualTo("1049.99");
    ProcessDriver plan = agree(reference, "BUSINESS", 1049.99, 105);

    // the down payment pays the 9.99 of penalties, then 95.01 of principal
    pay(reference, "105.00", AGREED, "VIR-B1");
    plan.fireTimer();
    // 1 Apr: penalties on 1,000 for 30 days (1 Feb – 2 Mar) and on 904.99 for 30 days (3 Mar – 1
    // Apr):
    // (1,000 × 30 + 904.99 × 30) × 12.15 % / 365 = 19.02, of which 9.99 paid: 9.03 accrued during
    // the plan.
    // The last instalment (944.99) pays those 9.03, the 904.99 of principal and 30.97 of the
    // indemnity.
    moveClockTo(LAST);
    pay(reference, "944.99", LAST, "VIR-B2");
    plan.fireTimer();

    assertThat(variable(plan, "planOutcome")).isEqualTo("COMPLETED");
    assertThat(variable(plan, "penaltiesWaived")).isEqualTo(false);
    assertThat(variable(plan, "planSettled")).isEqualTo(false);
    JsonNode c = api.get("/api/cases/" + reference).json();
    assertThat(c.get("balance").decimalValue()).isEqualByComparingTo("9.03");
    assertThat(c.get("status").asText()).isNotEqualTo("PAID");
    assertThat(scheduleEmail()).contains("continuent de courir").contains("L441-10");
  }

  @Test
  void aConsumerWhoKeptEveryInstalmentOwesNothingMoreAndTheCaseIsSettled() throws Exception {
    // 1,000.00 due 15 Jan, formal notice 1 Feb: on 2 Mar, 29 days of legal interest,
    // 1,000 × 2.62 % × 29 / 365 = 2.08 → 1,002.08
    String reference = open("CONSUMER", "", "2026-01-15");
    cases.startLegalInterest(reference, LocalDate.parse("2026-02-01"));
    assertThat(balance(reference)).isEqualTo("1002.08");
    ProcessDriver plan = agree(reference, "CONSUMER", 1002.08, 101);

    // interest first (C. civ. 1343-1): 2.08, then 98.92 of principal
    pay(reference, "101.00", AGREED, "VIR-C1");
    plan.fireTimer();
    // 1 Apr: (1,000 × 29 + 901.08 × 30) × 2.62 % / 365 = 4.02 of interest, 2.08 paid: 1.94 accrued
    // during
    // the plan. The last instalment (901.08) pays those 1.94 and 899.14 of principal: 1.94 left
    moveClockTo(LAST);
    pay(reference, "901.08", LAST, "VIR-C2");
    assertThat(balance(reference)).isEqualTo("1.94");
    plan.fireTimer();

    // every instalment on time, the terms waive the 1.94: nothing is owed, the plan settles the
    // case
    assertThat(variable(plan, "planOutcome")).isEqualTo("COMPLETED");
    assertThat(variable(plan, "penaltiesWaived")).isEqualTo(true);
    assertThat(variable(plan, "planSettled")).isEqualTo(true);
    assertThat(balance(reference)).isEqualTo("0.00");
    assertThat(scheduleEmail()).contains("ne vous seront pas réclamés");
  }

  @Test
  void aConsumerWhoPaidAnInstalmentOnlyAfterItsReminderKeepsOwingTheInterestOfThePlan()
      throws Exception {
    // the same consumer debt and plan as above, but the down payment arrives only after its
    // reminder
    String reference = open("CONSUMER", "", "2026-01-15");
    cases.startLegalInterest(reference, LocalDate.parse("2026-02-01"));
    ProcessDriver plan = agree(reference, "CONSUMER", 1002.08, 101);

    plan.fireTimer(); // first check: nothing paid, a reminder
    pay(reference, "101.00", AGREED, "VIR-L1");
    plan.fireTimer(); // paid within the grace period: the plan goes on
    moveClockTo(LAST);
    pay(reference, "901.08", LAST, "VIR-L2");
    plan.fireTimer();

    // not every instalment on time: the 1.94 of interest accrued during the plan stays owed, the
    // case is not settled
    assertThat(variable(plan, "planOutcome")).isEqualTo("COMPLETED");
    assertThat(variable(plan, "allInstalmentsOnTime")).isEqualTo(false);
    assertThat(variable(plan, "planSettled")).isEqualTo(false);
    assertThat(balance(reference)).isEqualTo("1.94");
  }

  private String open(String type, String siren, String due) {
    String json =
        CaseFixtures.caseJson(
            CaseFixtures.newDebtorId(),
            type,
            siren,
            CaseFixtures.invoice(
                "F-PC-1", LocalDate.parse(due).minusDays(30), LocalDate.parse(due), "1000.00"));
    ApiClient.Response r = api.postJson("/api/cases", json);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("reference").asText();
  }

  /** A collector agrees one monthly instalment on 1 April after a down payment today. */
  private ProcessDriver agree(
      String reference, String debtorType, double balance, long downPayment) {
    String pid =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "payment-plan",
                reference,
                Map.of(
                    "caseReference",
                    reference,
                    "segment",
                    "PONCTUEL",
                    "debtorType",
                    debtorType,
                    "balance",
                    balance,
                    "debtorName",
                    "Martin"))
            .getId();
    ProcessDriver driver = new ProcessDriver(engine, pid).settle();
    Map<String, Object> terms = new HashMap<>();
    terms.put("debtorRefuses", false);
    terms.put("instalmentCount", 1L);
    terms.put("frequency", "MONTHLY");
    terms.put("firstInstalmentDate", LAST.toString());
    terms.put("downPayment", downPayment);
    engine.getIdentityService().setAuthentication("alice", List.of("collectors"));
    try {
      engine.getTaskService().complete(driver.task().getId(), terms);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    return driver.settle();
  }

  private void pay(String reference, String amount, LocalDate on, String paymentRef) {
    ApiClient.Response r =
        api.postJson(
            "/api/cases/" + reference + "/payments", CaseFixtures.payment(amount, on, paymentRef));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  private String balance(String reference) {
    return api.get("/api/cases/" + reference)
        .json()
        .get("balance")
        .decimalValue()
        .setScale(2)
        .toPlainString();
  }

  private Object variable(ProcessDriver driver, String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceIdIn(driver.tree().toArray(String[]::new))
        .variableName(name)
        .list()
        .stream()
        .findFirst()
        .map(v -> v.getValue())
        .orElse(null);
  }

  private static String scheduleEmail() throws Exception {
    for (MimeMessage m : TestServers.greenMail().getReceivedMessages()) {
      if (m.getSubject().contains("échéancier")) {
        return PaymentPlanIntegrationTest.text(m).replaceAll("\\s+", " ");
      }
    }
    throw new AssertionError("no schedule email");
  }

  private static void moveClockTo(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(CaseClock.PARIS).toInstant()));
  }
}

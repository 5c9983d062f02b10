package fr.recouvrement.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.ProcessDriver;
import fr.recouvrement.TestServers;
import fr.recouvrement.cases.CaseFixtures;
import fr.recouvrement.kernel.time.CaseClock;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * payment-plan with the real delegates on a case opened through the API: the schedule recorded to
 * the cent, the debt acknowledged, the schedule emailed (GreenMail), a paid instalment, then an
 * unpaid one reminded and the plan lapsed.
 */
@IntegrationTest
class PaymentPlanIntegrationTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port, "admin", "admin-test");
    TestServers.reset();
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void shouldRecordSendAndWatchTheScheduleUntilItLapses() throws Exception {
    LocalDate today = CaseClock.today();
    String reference = openCase(today);
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
                    "CONSUMER",
                    "balance",
                    1000.0,
                    "debtorName",
                    "Jeanne Martin"))
            .getId();
    ProcessDriver driver = new ProcessDriver(engine, pid).settle();

    Map<String, Object> terms = new HashMap<>();
    terms.put("debtorRefuses", false);
    terms.put("instalmentCount", 3L);
    terms.put("frequency", "MONTHLY");
    terms.put("firstInstalmentDate", today.plusDays(30).toString());
    terms.put("downPayment", 100L);
    var negotiation = driver.task();
    // the collector who negotiates is the authenticated user, as in Tasklist
    engine.getIdentityService().setAuthentication("alice", List.of("collectors"));
    try {
      engine.getTaskService().complete(negotiation.getId(), terms);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    driver.settle();

    Map<String, Object> plan =
        jdbc.queryForMap(
            "select p.id, p.status, p.total, p.negotiated_by, c.last_acknowledged_on, c.prescription_date from payment_plan p"
                + " join collection_case c on c.id = p.case_id where c.reference = ?",
            reference);
    long planId = ((Number) plan.get("id")).longValue();
    assertThat(plan.get("status")).isEqualTo("ACTIVE");
    assertThat((BigDecimal) plan.get("total")).isEqualByComparingTo("1000.00");
    assertThat(plan.get("negotiated_by")).isEqualTo("alice");
    assertThat(plan.get("last_acknowledged_on").toString()).isEqualTo(today.toString());
    // the approved plan acknowledges the debt (C. civ. 2240): a consumer's 2 years start again
    // today
    assertThat(plan.get("prescription_date").toString()).isEqualTo(today.plusYears(2).toString());
    List<BigDecimal> amounts =
        jdbc.queryForList(
            "select amount from plan_instalment where plan_id = ? order by number",
            BigDecimal.class,
            planId);
    assertThat(amounts)
        .extracting(BigDecimal::toPlainString)
        .containsExactly("100.00", "300.00", "300.00", "300.00");

    MimeMessage[] mails = TestServers.greenMail().getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getSubject()).contains("échéancier").contains(reference);
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("jeanne@martin.example");
    assertThat(text(mails[0])).contains("Acompte").contains("100,00").contains("300,00");

    // the down payment arrives: the first check finds it covered and moves on
    assertThat(
            api.postJson(
                    "/api/cases/" + reference + "/payments",
                    "{\"amount\": 100.00, \"date\": \""
                        + today
                        + "\", \"reference\": \"VIR-PLAN-1\"}")
                .status())
        .isLessThan(300);
    driver.fireTimer();
    assertThat(
            jdbc.queryForObject(
                "select status from plan_instalment where plan_id = ? and number = 1",
                String.class,
                planId))
        .isEqualTo("PAID");
    assertThat(variable(pid, "instalmentNumber")).isEqualTo(2);

    // the first monthly instalment is not paid: a reminder, then the plan lapses
    driver.fireTimer();
    mails = TestServers.greenMail().getReceivedMessages();
    assertThat(mails).hasSize(2);
    assertThat(mails[1].getSubject()).contains("Échéance impayée");
    assertThat(text(mails[1])).contains("300,00");
    driver.fireTimer();

    assertThat(variable(pid, "planOutcome")).isEqualTo("LAPSED");
    assertThat(
            jdbc.queryForObject(
                "select status from payment_plan where id = ?", String.class, planId))
        .isEqualTo("LAPSED");
  }

  private String openCase(LocalDate today) {
    String json =
        """
        {"debtor": {"externalId": "%s", "type": "CONSUMER", "name": "Jeanne Martin", "email": "jeanne@martin.example",
          "address": {"line1": "3 rue des Lilas", "postalCode": "69003", "city": "Lyon", "country": "FR"}},
         "invoices": [{"number": "F-PLAN-1", "issueDate": "%s", "dueDate": "%s", "amount": 1000.00}]}
        """
            .formatted(CaseFixtures.newDebtorId(), today.minusDays(60), today.minusDays(30));
    ApiClient.Response r = api.postJson("/api/cases", json);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("reference").asText();
  }

  private Object variable(String pid, String name) {
    HistoricVariableInstance v =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(pid)
            .variableName(name)
            .singleResult();
    return v == null ? null : v.getValue();
  }

  static String text(MimeMessage message) throws Exception {
    return fr.recouvrement.plan.PaymentPlanIntegrationTest.flatten(message.getContent())
        .replace('\u00a0', ' ');
  }

  private static String flatten(Object content) throws Exception {
    if (content instanceof jakarta.mail.Multipart multipart) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        s.append(flatten(multipart.getBodyPart(i).getContent())).append('\n');
      }
      return s.toString();
    }
    return String.valueOf(content);
  }
}

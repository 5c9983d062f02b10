package fr.recouvrement.legal.writeoff;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.ProcessDriver;
import fr.recouvrement.cases.CaseFixtures;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** write-off with the real delegates: a prescribed consumer claim confirmed by a supervisor. */
@IntegrationTest
class WriteOffIntegrationTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port, "admin", "admin-test");
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void shouldShowAndRecordTheRecoverableVatOfTheUnpaidInvoicesOnWriteOff() {
    LocalDate today = CaseClock.today();
    String reference = openWithVat("CONSUMER", "", today);
    // a consumer owes no penalty: the 600.00 paid go to the oldest invoice's principal
    assertThat(
            api.postJson(
                    "/api/cases/" + reference + "/payments",
                    CaseFixtures.payment("600.00", today, "VIR-WO-VAT"))
                .status())
        .isEqualTo(201);

    Map<String, Object> in = new HashMap<>();
    in.put("caseReference", reference);
    in.put("debtorType", "CONSUMER");
    in.put("debtorName", "Jeanne Martin");
    in.put("balance", 1000.0);
    in.put("writeOffCause", "ENFORCEMENT_FAILED");
    in.put("writeOffReason", "Exécution infructueuse");
    in.put("writeOffRefusable", true);
    String pid =
        engine.getRuntimeService().startProcessInstanceByKey("write-off", reference, in).getId();
    ProcessDriver driver = new ProcessDriver(engine, pid).settle();

    // F-V1: 600.00 of 1,200.00 unpaid → 200.00 × 600 / 1,200 = 100.00 of VAT; F-V2: all 300.00
    // unpaid → 50.00;
    // F-V3 gave no VAT amount: not listed
    var task = driver.task();
    String lines =
        (String) engine.getTaskService().getVariable(task.getId(), "recoverableVatLines");
    assertThat(lines.replace('\u00a0', ' ').replace('\u202f', ' '))
        .contains("Facture F-V1")
        .contains("600,00 €")
        .contains("100,00 €")
        .contains("Facture F-V2")
        .contains("300,00 €")
        .contains("50,00 €")
        .doesNotContain("F-V3");
    assertThat(engine.getTaskService().getVariable(task.getId(), "recoverableVat"))
        .isEqualTo(150.0);

    engine.getIdentityService().setAuthentication("sophie", List.of("supervisors"));
    try {
      engine
          .getTaskService()
          .complete(
              task.getId(), Map.of("writeOffComment", "Rien à saisir", "writeOffRefused", false));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    var c = api.get("/api/cases/" + reference).json();
    assertThat(c.get("status").asText()).isEqualTo("WRITTEN_OFF");
    assertThat(c.get("recoverableVat")).hasSize(2);
    assertThat(c.get("recoverableVat").get(0).get("invoiceNumber").asText()).isEqualTo("F-V1");
    assertThat(c.get("recoverableVat").get(0).get("unpaid").decimalValue())
        .isEqualByComparingTo("600.00");
    assertThat(c.get("recoverableVat").get(0).get("vat").decimalValue())
        .isEqualByComparingTo("100.00");
    assertThat(c.get("recoverableVat").get(1).get("vat").decimalValue())
        .isEqualByComparingTo("50.00");
    assertThat(c.get("recoverableVat").get(1).get("reason").asText()).isEqualTo("WRITE_OFF");
  }

  @Test
  void aLiquidationJudgmentRecordsTheRecoverableVatAtOnce() {
    LocalDate today = CaseClock.today();
    String reference = openWithVat("BUSINESS", "\"siren\": \"552100554\",", today);

    ApiClient.Response r =
        api.postJson(
            "/api/cases/" + reference + "/insolvency",
            "{\"procedure\": \"LIQUIDATION\", \"judgmentDate\": \"%s\", \"publicationDate\": \"%s\"}"
                .formatted(today.minusDays(3), today.minusDays(1)));
    assertThat(r.status()).as(r.body()).isLessThan(300);

    // nothing paid: F-V1 200.00 and F-V2 50.00 of VAT, recorded with the judgment
    var vat = api.get("/api/cases/" + reference).json().get("recoverableVat");
    assertThat(vat).hasSize(2);
    assertThat(vat.get(0).get("vat").decimalValue()).isEqualByComparingTo("200.00");
    assertThat(vat.get(1).get("vat").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(vat.get(0).get("reason").asText()).isEqualTo("LIQUIDATION");
  }

  private String openWithVat(String type, String siren, LocalDate today) {
    String invoices =
        """
        {"number": "F-V1", "issueDate": "%1$s", "dueDate": "%2$s", "amount": 1200.00, "vatAmount": 200.00},
        {"number": "F-V2", "issueDate": "%1$s", "dueDate": "%3$s", "amount": 300.00, "vatAmount": 50.00},
        {"number": "F-V3", "issueDate": "%1$s", "dueDate": "%3$s", "amount": 100.00}"""
            .formatted(today.minusDays(90), today.minusDays(60), today.minusDays(59));
    ApiClient.Response opened =
        api.postJson(
            "/api/cases", CaseFixtures.caseJson(CaseFixtures.newDebtorId(), type, siren, invoices));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    return opened.json().get("reference").asText();
  }

  @Test
  void shouldCloseThePrescribedCaseWrittenOffAndRecordWhoConfirmed() {
    LocalDate today = CaseClock.today();
    ApiClient.Response opened =
        api.postJson(
            "/api/cases",
            CaseFixtures.consumerCase(
                CaseFixtures.newDebtorId(), "F-WO-1", "312.40", today.minusYears(2).minusDays(1)));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    String reference = opened.json().get("reference").asText();

    Map<String, Object> in = new HashMap<>();
    in.put("caseReference", reference);
    in.put("debtorType", "CONSUMER");
    in.put("debtorName", "Jeanne Martin");
    in.put("balance", 312.4);
    in.put("writeOffCause", "PRESCRIBED");
    in.put("writeOffReason", "Créance prescrite");
    in.put("writeOffRefusable", false);
    String pid =
        engine.getRuntimeService().startProcessInstanceByKey("write-off", reference, in).getId();
    ProcessDriver driver = new ProcessDriver(engine, pid).settle();

    engine.getIdentityService().setAuthentication("sophie", List.of("supervisors"));
    try {
      engine
          .getTaskService()
          .complete(driver.task().getId(), Map.of("writeOffComment", "Prescrite depuis la veille"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    ApiClient.Response view = api.get("/api/cases/" + reference);
    assertThat(view.json().get("status").asText()).isEqualTo("WRITTEN_OFF");
    assertThat(view.json().get("closingReason").asText()).isEqualTo("Créance prescrite");
    Map<String, Object> event =
        jdbc.queryForMap(
            "select e.details, e.recorded_by, e.occurred_on from legal_event e join collection_case c on c.id = e.case_id"
                + " where c.reference = ? and e.type = 'WRITTEN_OFF'",
            reference);
    assertThat(event.get("recorded_by")).isEqualTo("sophie");
    assertThat(event.get("occurred_on").toString()).isEqualTo(today.toString());
    assertThat((String) event.get("details"))
        .contains("PRESCRIBED")
        .contains("Prescrite depuis la veille");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pid)
                .variableName("writeOffOutcome")
                .singleResult()
                .getValue())
        .isEqualTo("WRITTEN_OFF");
  }
}

package fr.recouvrement.legal.writeoff;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.ProcessDriver;
import fr.recouvrement.cases.CaseClock;
import fr.recouvrement.cases.CaseFixtures;
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
  void shouldCloseThePrescribedCaseWrittenOffAndRecordWhoConfirmed() {
    LocalDate today = CaseClock.today();
    ApiClient.Response opened = api.postJson("/api/cases",
        CaseFixtures.consumerCase(CaseFixtures.newDebtorId(), "F-WO-1", "312.40", today.minusYears(2).minusDays(1)));
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
    String pid = engine.getRuntimeService().startProcessInstanceByKey("write-off", reference, in).getId();
    ProcessDriver driver = new ProcessDriver(engine, pid).settle();

    engine.getIdentityService().setAuthentication("sophie", List.of("supervisors"));
    try {
      engine.getTaskService().complete(driver.task().getId(), Map.of("writeOffComment", "Prescrite depuis la veille"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    ApiClient.Response view = api.get("/api/cases/" + reference);
    assertThat(view.json().get("status").asText()).isEqualTo("WRITTEN_OFF");
    assertThat(view.json().get("closingReason").asText()).isEqualTo("Créance prescrite");
    Map<String, Object> event = jdbc.queryForMap(
        "select e.details, e.recorded_by, e.occurred_on from legal_event e join collection_case c on c.id = e.case_id"
            + " where c.reference = ? and e.type = 'WRITTEN_OFF'", reference);
    assertThat(event.get("recorded_by")).isEqualTo("sophie");
    assertThat(event.get("occurred_on").toString()).isEqualTo(today.toString());
    assertThat((String) event.get("details")).contains("PRESCRIBED").contains("Prescrite depuis la veille");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pid)
        .variableName("writeOffOutcome").singleResult().getValue()).isEqualTo("WRITTEN_OFF");
  }
}

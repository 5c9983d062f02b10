package fr.recouvrement.legal.enforcement;

import static fr.recouvrement.cases.CaseFixtures.consumerCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** "Rassembler les mesures déjà tentées" against the database, run by a model of its own. */
@IntegrationTest
class PrepareEnforcementTest {
  static final String MODEL = "prepare-enforcement-test";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theSeizuresThatAlreadyFailedOnTheCaseAreWhatTheTableReads() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(MODEL).count() == 0) {
      repositoryService
          .createDeployment()
          .name(MODEL)
          .addModelInstance(
              MODEL + ".bpmn",
              Bpmn.createExecutableProcess(MODEL)
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .serviceTask()
                  .camundaDelegateExpression("${prepareEnforcement}")
                  .userTask()
                  .endEvent()
                  .done())
          .deploy();
    }
    LocalDate today = LocalDate.now(CaseClock.PARIS);
    Response opened =
        new ApiClient(port, "admin", "admin-test")
            .postJson(
                "/api/cases",
                consumerCase(newDebtorId(), "F-ENF-1", "900.00", today.minusDays(90)));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String reference = opened.json().get("reference").asText();
    long caseId =
        jdbc.queryForObject(
            "select id from collection_case where reference = ?", Long.class, reference);
    String insert =
        "insert into bailiff_mission (case_id, mission_type, client_reference, status, outcome, requested_at)"
            + " values (?, ?, ?, 'REPORTED', ?, current_timestamp)";
    jdbc.update(insert, caseId, "BANK_SEIZURE", "enf-1-" + reference, "FAILED");
    jdbc.update(insert, caseId, "GOODS_SEIZURE", "enf-2-" + reference, "PARTIALLY_PAID");

    String id =
        runtimeService
            .startProcessInstanceByKey(
                MODEL, reference, Map.of("caseReference", reference, "employerKnown", true))
            .getId();

    assertThat(runtimeService.getVariables(id))
        .containsEntry("principal", 900.0)
        .containsEntry("bankSeizureFailed", true)
        .containsEntry("wageSeizureFailed", false)
        .containsEntry("goodsSeizureFailed", false)
        .containsEntry("bankAccountKnown", false)
        .containsEntry("employerKnown", true);
    // what the collector hands over with the measure: the 900.00 invoice, due 90 days ago, a
    // consumer's (no charges)
    assertThat((String) runtimeService.getVariable(id, "claimBreakdown"))
        .startsWith("Total poursuivi : 900,00 €")
        .contains("Facture F-ENF-1", "principal 900,00 €");
  }
}

package fr.recouvrement.legal.escalation;

import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.cases.CaseFixtures;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Chiffrer la créance à poursuivre" then the deployed legal-route table, as the case process runs
 * them, on a case of the database: the claim compared with 5,000 € is the amount pursued.
 */
@IntegrationTest
class CollectLegalFactsTest {
  static final String MODEL = "collect-legal-facts-test";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtime;
  @Autowired CaseService cases;

  synchronized void deploy() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(MODEL).count() > 0) {
      return;
    }
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(MODEL)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("Task_CollectLegalFacts")
            .camundaDelegateExpression("${collectLegalFacts}")
            .businessRuleTask("Task_ChooseLegalRoute")
            .camundaDecisionRef("legal-route")
            .camundaOutputParameter("legalRoute", "${decisionResult.getSingleResult().route}")
            .userTask("Task_Wait")
            .endEvent()
            .done();
    repositoryService
        .createDeployment()
        .name(MODEL)
        .addModelInstance(MODEL + ".bpmn", model)
        .deploy();
  }

  @Test
  void
      aDisputedInvoiceThatWouldPushTheClaimOverFiveThousandEurosLeavesItInTheSmallClaimsProcedure() {
    deploy();
    LocalDate today = CaseClock.today();
    ApiClient api = new ApiClient(port, "admin", "admin-test");
    ApiClient.Response opened =
        api.postJson(
            "/api/cases",
            CaseFixtures.caseJson(
                newDebtorId(),
                "CONSUMER",
                "",
                CaseFixtures.invoice("F-SC1", today.minusDays(90), today.minusDays(60), "4800.00"),
                CaseFixtures.invoice("F-SC2", today.minusDays(80), today.minusDays(50), "600.00")));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String reference = opened.json().get("reference").asText();
    ApiClient.Response disputed =
        api.postJson(
            "/api/cases/" + reference + "/disputes",
            "{\"category\": \"COMMERCIAL\", \"invoiceNumbers\": [\"F-SC2\"], \"comment\": \"Prix contesté\"}");
    assertThat(disputed.status()).as(disputed.toString()).isEqualTo(201);

    String instance =
        runtime
            .startProcessInstanceByKey(
                MODEL,
                Map.of(
                    "caseReference",
                    reference,
                    "debtorType",
                    "CONSUMER",
                    "escalationDecision",
                    "FORMAL_NOTICE"))
            .getId();

    // a consumer without a formal notice owes no interest: 4,800.00 + 600.00 = 5,400.00 is owed,
    // but only the undisputed 4,800.00 is pursued, and 4,800.00 ≤ 5,000 (CPCE R125-1)
    assertThat(cases.balance(reference)).isEqualByComparingTo("5400.00");
    assertThat(runtime.getVariable(instance, "balance")).isEqualTo(5400.00);
    assertThat(runtime.getVariable(instance, "claimAmount")).isEqualTo(4800.00);
    assertThat(runtime.getVariable(instance, "legalRoute")).isEqualTo("SMALL_CLAIMS");
    assertThat((String) runtime.getVariable(instance, "claimBreakdown"))
        .contains("Total poursuivi : 4 800,00 €")
        .contains(
            "Facture F-SC1 échue le "
                + today
                    .minusDays(60)
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + " : principal 4 800,00 €")
        .contains("Non comprise : facture F-SC2 (600,00 €), contestée");
  }
}

package fr.recouvrement.legal.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.cases.CaseFixtures;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The court of an order to pay from what the creditor said of its debtor: collection-case's two
 * steps "Chiffrer la créance à poursuivre" (collectLegalFacts) and "Choisir la voie judiciaire"
 * (legal-route), run on cases opened through the API. A refused small-claims procedure leads to an
 * order to pay whatever the amount; debtorType comes from the earlier step, as in collection-case.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CourtOfTheDebtorTest {
  static final String PROCESS = "test-legal-route";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  Deployment deployment;

  @BeforeAll
  void deploy() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(PROCESS)
            .camundaHistoryTimeToLive(180)
            .startEvent()
            .serviceTask("Task_CollectLegalFacts")
            .camundaDelegateExpression("${collectLegalFacts}")
            .businessRuleTask("Task_ChooseLegalRoute")
            .camundaDecisionRef("legal-route")
            .camundaResultVariable("legalRoute")
            .camundaMapDecisionResult("singleResult")
            .userTask("Task_Done")
            .endEvent()
            .done();
    deployment =
        repository
            .createDeployment()
            .name("legal-route-tests")
            .addModelInstance(PROCESS + ".bpmn", model)
            .deploy();
  }

  @AfterAll
  void undeploy() {
    repository.deleteDeployment(deployment.getId(), true);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> route(String extraDebtorFields) {
    LocalDate due = CaseClock.today().minusDays(90);
    ApiClient.Response opened =
        new ApiClient(port, "admin", "admin-test")
            .postJson(
                "/api/cases",
                CaseFixtures.caseJson(
                    CaseFixtures.newDebtorId(),
                    "BUSINESS",
                    extraDebtorFields,
                    CaseFixtures.invoice("F-TJ1", due.minusDays(30), due, "8400.00")));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String reference = opened.json().get("reference").asText();
    String instance =
        runtime
            .startProcessInstanceByKey(
                PROCESS,
                reference,
                Map.of(
                    "caseReference",
                    reference,
                    "debtorType",
                    "BUSINESS",
                    "escalationDecision",
                    "FORMAL_NOTICE",
                    "debtorRefusedSmallClaims",
                    true))
            .getId();
    assertThat(runtime.getVariable(instance, "debtorCommercial")).isNotNull();
    return (Map<String, Object>) runtime.getVariable(instance, "legalRoute");
  }

  @Test
  void aNonTradingBusinessSuchAsAnSciGoesToTheTribunalJudiciaireWithCerfa12948() {
    Map<String, Object> sci = route("\"siren\": \"552100554\", \"commercial\": false,");

    assertThat(sci)
        .containsEntry("route", "ORDER_TO_PAY")
        .containsEntry("court", "tribunal judiciaire")
        .containsEntry("cerfa", "12948");
  }

  @Test
  void aTraderGoesToTheTribunalDeCommerceWithCerfa12946() {
    // a business with a SIREN and nothing said: a trader
    Map<String, Object> trader = route("\"siren\": \"552100554\",");

    assertThat(trader)
        .containsEntry("route", "ORDER_TO_PAY")
        .containsEntry("court", "tribunal de commerce")
        .containsEntry("cerfa", "12946");
  }
}

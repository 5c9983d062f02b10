package fr.recouvrement.legal.insolvency;

import static fr.recouvrement.cases.CaseFixtures.businessCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The insolvency-claim delegates against the database, run by a small model of their own (the real
 * process starts with helper A's withdrawal, tested with it): the amount to declare, the dates, the
 * missions to stop by hand, the filing and the closure with their legal events.
 */
@IntegrationTest
class InsolvencyDelegatesTest {
  static final String MODEL = "insolvency-delegates-test";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired CaseService cases;
  @Autowired JdbcTemplate jdbc;

  final LocalDate today = LocalDate.now(CaseClock.PARIS);

  synchronized void deploy() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(MODEL).count() > 0) {
      return;
    }
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(MODEL)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("Task_PrepareProofOfClaim")
            .camundaDelegateExpression("${prepareProofOfClaim}")
            .camundaInputParameter("claimWarningDays", "${15}")
            .userTask("Task_FileProofOfClaim")
            .serviceTask("Task_RecordProofOfClaim")
            .camundaDelegateExpression("${recordProofOfClaim}")
            .serviceTask("Task_CloseInsolvencyClaim")
            .camundaDelegateExpression("${closeInsolvencyClaim}")
            .endEvent()
            .done();
    repositoryService
        .createDeployment()
        .name(MODEL)
        .addModelInstance(MODEL + ".bpmn", model)
        .deploy();
  }

  long caseId(String reference) {
    return jdbc.queryForObject(
        "select id from collection_case where reference = ?", Long.class, reference);
  }

  List<String> legalEvents(String reference) {
    return jdbc.queryForList(
        "select type from legal_event where case_id = ? order by id",
        String.class,
        caseId(reference));
  }

  @Test
  void theClaimIsPreparedFiledAndClosedWithItsLegalEventsAndTheWriteOffReason() {
    deploy();
    Response opened =
        new ApiClient(port, "admin", "admin-test")
            .postJson(
                "/api/cases",
                businessCase(newDebtorId(), "F-INS-D", "4200.00", today.minusDays(60)));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String reference = opened.json().get("reference").asText();
    long caseId = caseId(reference);
    LocalDate deadline = today.plusDays(40);
    jdbc.update(
        "insert into insolvency (case_id, procedure_kind, judgment_date, publication_date, overseas, claim_deadline, recorded_at)"
            + " values (?, 'LIQUIDATION', ?, ?, false, ?, current_timestamp)",
        caseId,
        today.minusDays(25),
        today.minusDays(20),
        deadline);
    jdbc.update(
        "insert into bailiff_mission (case_id, mission_type, client_reference, status, requested_at)"
            + " values (?, 'BANK_SEIZURE', ?, 'WITHDRAWN', current_timestamp)",
        caseId,
        "test-" + reference);

    String id =
        runtimeService
            .startProcessInstanceByKey(
                MODEL,
                reference,
                Map.of(
                    "caseReference",
                    reference,
                    "insolvencyProcedure",
                    "LIQUIDATION",
                    "claimDeadline",
                    deadline.toString()))
            .getId();

    Map<String, Object> prepared = runtimeService.getVariables(id);
    double owed = cases.balance(reference).doubleValue();
    assertThat(owed)
        .isGreaterThan(4200.0); // penalties and the 40 € indemnity of a 60-day-old B2B invoice
    assertThat(prepared)
        .containsEntry("amountToDeclare", owed)
        .containsEntry("amountDeclared", owed);
    assertThat(prepared.get("claimDueAt"))
        .isEqualTo(Date.from(deadline.atStartOfDay(CaseClock.PARIS).toInstant()));
    assertThat(prepared.get("claimWarningAt"))
        .isEqualTo(Date.from(deadline.minusDays(15).atStartOfDay(CaseClock.PARIS).toInstant()));
    assertThat((String) prepared.get("manualMissionsToStop")).contains("saisie-attribution");

    Task file = taskService.createTaskQuery().processInstanceId(id).singleResult();
    taskService.complete(
        file.getId(),
        Map.of(
            "amountDeclared",
            owed,
            "mandataireName",
            "Me Lefèvre",
            "claimFiledOn",
            today.toString(),
            "claimOutcome",
            "LIQUIDATION_CLOSED",
            "insolvencyOutcome",
            "WRITE_OFF"));

    assertThat(
            jdbc.queryForMap(
                "select claim_filed_on, outcome from insolvency where case_id = ?", caseId))
        .containsEntry("CLAIM_FILED_ON", java.sql.Date.valueOf(today))
        .containsEntry("OUTCOME", "LIQUIDATION_CLOSED");
    assertThat(legalEvents(reference))
        .containsSubsequence("PROOF_OF_CLAIM_FILED", "INSOLVENCY_CLOSED");
    String reason =
        (String)
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(id)
                .variableName("writeOffReason")
                .singleResult()
                .getValue();
    assertThat(reason).contains("liquidation judiciaire", "insuffisance d'actif", "CGI art. 272");
  }

  @Test
  void theProofOfClaimDeclaresTheUndisputedInvoicesDueOrNotAndNamesTheDisputedOneApart() {
    deploy();
    ApiClient api = new ApiClient(port, "admin", "admin-test");
    Response opened =
        api.postJson(
            "/api/cases",
            fr.recouvrement.cases.CaseFixtures.caseJson(
                newDebtorId(),
                "BUSINESS",
                "\"siren\": \"552100554\",",
                fr.recouvrement.cases.CaseFixtures.invoice(
                    "F-PC1", today.minusDays(90), today.minusDays(60), "2000.00"),
                fr.recouvrement.cases.CaseFixtures.invoice(
                    "F-PC2", today.minusDays(60), today.minusDays(30), "700.00"),
                fr.recouvrement.cases.CaseFixtures.invoice(
                    "F-PC3", today.minusDays(10), today.plusDays(20), "500.00")));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String reference = opened.json().get("reference").asText();
    Response disputed =
        api.postJson(
            "/api/cases/" + reference + "/disputes",
            "{\"category\": \"TECHNICAL\", \"invoiceNumbers\": [\"F-PC2\"], \"comment\": \"Livraison incomplète\"}");
    assertThat(disputed.status()).as(disputed.toString()).isEqualTo(201);
    LocalDate deadline = today.plusDays(40);
    jdbc.update(
        "insert into insolvency (case_id, procedure_kind, judgment_date, publication_date, overseas, claim_deadline, recorded_at)"
            + " values (?, 'REDRESSEMENT', ?, ?, false, ?, current_timestamp)",
        caseId(reference),
        today.minusDays(25),
        today.minusDays(20),
        deadline);

    String id =
        runtimeService
            .startProcessInstanceByKey(
                MODEL,
                reference,
                Map.of(
                    "caseReference",
                    reference,
                    "insolvencyProcedure",
                    "REDRESSEMENT",
                    "claimDeadline",
                    deadline.toString()))
            .getId();

    // F-PC1: 2,000.00 + its late penalty + 40.00; F-PC3, due after the judgment, is declared too
    // (C. com.
    // L622-24) for its 500.00 of principal, with no penalty; F-PC2 (disputed) is named apart
    java.math.BigDecimal penalty =
        cases.get(reference).invoices().stream()
            .filter(i -> i.number().equals("F-PC1"))
            .findFirst()
            .orElseThrow()
            .latePenalty();
    double expected = new java.math.BigDecimal("2540.00").add(penalty).doubleValue();
    assertThat(penalty).isPositive();
    assertThat(runtimeService.getVariables(id))
        .containsEntry("amountToDeclare", expected)
        .containsEntry("amountDeclared", expected);
    assertThat((String) runtimeService.getVariable(id, "claimBreakdown"))
        .contains("Facture F-PC1", "principal 2 000,00 €", "indemnité forfaitaire 40,00 €")
        .contains("Non comprise : facture F-PC2", "contestée")
        .contains(
            "Facture F-PC3 à échoir le "
                + today
                    .plusDays(20)
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + " : principal 500,00 €, total 500,00 €")
        .doesNotContain("Non comprise : facture F-PC3");
  }
}

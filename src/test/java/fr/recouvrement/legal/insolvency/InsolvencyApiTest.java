package fr.recouvrement.legal.insolvency;

import static fr.recouvrement.cases.CaseFixtures.businessCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.security.GroupIds;
import fr.recouvrement.security.TestUsers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/cases/{reference}/insolvency}: what is recorded, what the case process is told,
 * every refusal. The case's process is replaced by a small stand-in that waits for InsolvencyOpened
 * (or for nothing), so the API is tested apart from how collection-case wires the insolvency (the
 * lead's part, tested in its own process test).
 */
@IntegrationTest
class InsolvencyApiTest {
  static final String LISTENING = "insolvency-api-listening-case";
  static final String DEAF = "insolvency-api-deaf-case";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired CaseService cases;
  @Autowired JdbcTemplate jdbc;

  ApiClient api;
  final LocalDate today = LocalDate.now(CaseClock.PARIS);

  @BeforeEach
  void setUp() {
    // declaring a collective procedure is a supervisor's (security review L2)
    TestUsers.ensure(identityService, TestUsers.SUPERVISOR, GroupIds.SUPERVISORS);
    api = new ApiClient(port, TestUsers.SUPERVISOR, TestUsers.PASSWORD);
    deployStandIns();
  }

  synchronized void deployStandIns() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(LISTENING).count()
        > 0) {
      return;
    }
    BpmnModelInstance listening =
        Bpmn.createExecutableProcess(LISTENING)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .intermediateCatchEvent("Event_InsolvencyOpened")
            .message("InsolvencyOpened")
            .userTask("Task_Stay")
            .endEvent()
            .done();
    BpmnModelInstance deaf =
        Bpmn.createExecutableProcess(DEAF)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Stay")
            .endEvent()
            .done();
    repositoryService
        .createDeployment()
        .name("insolvency-api-test")
        .addModelInstance(LISTENING + ".bpmn", listening)
        .addModelInstance(DEAF + ".bpmn", deaf)
        .deploy();
  }

  /** A business case whose process is the given stand-in; returns its reference. */
  String openCase(String standIn) {
    Response r =
        new ApiClient(port, "admin", "admin-test")
            .postJson(
                "/api/cases",
                businessCase(newDebtorId(), "F-INS-1", "4200.00", today.minusDays(60)));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String reference = r.json().get("reference").asText();
    String original = r.json().get("processInstanceId").asText();
    String replacement = runtimeService.startProcessInstanceByKey(standIn, reference).getId();
    jdbc.update(
        "update collection_case set process_instance_id = ? where reference = ?",
        replacement,
        reference);
    runtimeService.deleteProcessInstance(
        original, "replaced by a stand-in in InsolvencyApiTest", true, true);
    return reference;
  }

  Response declare(String reference, String body) {
    return api.postJson("/api/cases/" + reference + "/insolvency", body);
  }

  static String body(
      String procedure, LocalDate judgment, LocalDate publication, boolean overseas) {
    return """
        {"procedure": "%s", "judgmentDate": "%s", "publicationDate": "%s", "overseas": %s}"""
        .formatted(procedure, judgment, publication, overseas);
  }

  String processOf(String reference) {
    return jdbc.queryForObject(
        "select process_instance_id from collection_case where reference = ?",
        String.class,
        reference);
  }

  int rows(String reference) {
    return jdbc.queryForObject(
        "select count(*) from insolvency i join collection_case c on c.id = i.case_id where c.reference = ?",
        Integer.class,
        reference);
  }

  int openedEvents(String reference) {
    return jdbc.queryForObject(
        "select count(*) from legal_event e join collection_case c on c.id = e.case_id where c.reference = ? and e.type = 'INSOLVENCY_OPENED'",
        Integer.class,
        reference);
  }

  Map<String, Object> variablesOf(String processInstanceId) {
    return runtimeService.getVariables(processInstanceId);
  }

  @Test
  void aRedressementIsRecordedAndTheCaseProcessIsToldTheClaimDeadlineTwoMonthsAfterPublication() {
    String reference = openCase(LISTENING);
    LocalDate judgment = today.minusDays(20);
    LocalDate publication = today.minusDays(10);

    Response r = declare(reference, body("REDRESSEMENT", judgment, publication, false));

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode view = r.json();
    assertThat(view.get("procedure").asText()).isEqualTo("REDRESSEMENT");
    assertThat(view.get("claimDeadline").asText()).isEqualTo(publication.plusMonths(2).toString());
    // L622-26 through legal-deadlines: relief from the foreclosure can be asked for 6 months after
    // the publication
    assertThat(view.get("reliefDeadline").asText()).isEqualTo(publication.plusMonths(6).toString());
    assertThat(view.get("overseas").asBoolean()).isFalse();
    assertThat(view.get("recordedBy").asText()).isEqualTo(TestUsers.SUPERVISOR);
    assertThat(rows(reference)).isEqualTo(1);
    assertThat(openedEvents(reference)).isEqualTo(1);
    Map<String, Object> told = variablesOf(processOf(reference));
    assertThat(told)
        .containsEntry("insolvencyProcedure", "REDRESSEMENT")
        .containsEntry("publicationDate", publication.toString())
        .containsEntry("claimDeadline", publication.plusMonths(2).toString());
  }

  @Test
  void aCreditorOutsideMetropolitanFranceHasFourMonthsToFileItsClaim() {
    String reference = openCase(LISTENING);
    LocalDate publication = LocalDate.of(2025, 12, 31);

    Response r =
        declare(reference, body("LIQUIDATION", publication.minusDays(3), publication, true));

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    // R622-24: 2 + 2 months; the end of a shorter month is the last day of that month
    assertThat(r.json().get("claimDeadline").asText()).isEqualTo("2026-04-30");
    assertThat(
            jdbc.queryForObject(
                "select claim_deadline from insolvency i join collection_case c on c.id = i.case_id where c.reference = ?",
                LocalDate.class,
                reference))
        .isEqualTo(LocalDate.of(2026, 4, 30));
    assertThat(variablesOf(processOf(reference))).containsEntry("claimDeadline", "2026-04-30");
  }

  @Test
  void invalidRequestsAreRefusedNamingEachFieldAndRecordNothing() {
    String reference = openCase(LISTENING);
    List<Response> refused = new ArrayList<>();
    List<String> fields = new ArrayList<>();

    refused.add(
        declare(
            reference,
            """
        {"judgmentDate": "%s", "publicationDate": "%s"}"""
                .formatted(today.minusDays(5), today.minusDays(1))));
    fields.add("procedure");
    refused.add(
        declare(reference, body("FAILLITE", today.minusDays(5), today.minusDays(1), false)));
    fields.add("procedure");
    refused.add(
        declare(reference, body("SAUVEGARDE", today.plusDays(1), today.plusDays(2), false)));
    fields.add("judgmentDate");
    refused.add(
        declare(reference, body("SAUVEGARDE", today.minusDays(5), today.minusDays(6), false)));
    fields.add("publicationDate");
    refused.add(
        declare(
            reference,
            """
        {"procedure": "SAUVEGARDE", "judgmentDate": "%s"}"""
                .formatted(today.minusDays(5))));
    fields.add("publicationDate");
    refused.add(
        declare(
            reference,
            """
        {"procedure": "SAUVEGARDE", "judgmentDate": "le 3 mars", "publicationDate": "%s"}"""
                .formatted(today)));
    fields.add("judgmentDate");

    for (int i = 0; i < refused.size(); i++) {
      Response r = refused.get(i);
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().get("errors").get(0).get("field").asText())
          .as(r.toString())
          .isEqualTo(fields.get(i));
    }
    assertThat(rows(reference)).isZero();
    assertThat(openedEvents(reference)).isZero();
    assertThat(variablesOf(processOf(reference))).doesNotContainKey("claimDeadline");
  }

  @Test
  void anUnknownCaseIsNotFound() {
    Response r =
        declare(
            "DOS-1999-999999", body("SAUVEGARDE", today.minusDays(5), today.minusDays(1), false));

    assertThat(r.status()).as(r.toString()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aSecondInsolvencyOnTheSameCaseConflictsAndChangesNothing() {
    String reference = openCase(LISTENING);
    assertThat(
            declare(reference, body("SAUVEGARDE", today.minusDays(20), today.minusDays(10), false))
                .status())
        .isEqualTo(201);

    Response again =
        declare(reference, body("LIQUIDATION", today.minusDays(5), today.minusDays(1), false));

    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.json().get("detail").asText()).contains("already recorded");
    assertThat(rows(reference)).isEqualTo(1);
    assertThat(openedEvents(reference)).isEqualTo(1);
    assertThat(variablesOf(processOf(reference)))
        .containsEntry("insolvencyProcedure", "SAUVEGARDE");
  }

  @Test
  void aClosedCaseConflicts() {
    String reference = openCase(LISTENING);
    cases.closeAsWrittenOff(reference, "Test : dossier clos");

    Response r =
        declare(reference, body("LIQUIDATION", today.minusDays(5), today.minusDays(1), false));

    assertThat(r.status()).as(r.toString()).isEqualTo(409);
    assertThat(r.json().get("detail").asText()).contains("closed");
    assertThat(rows(reference)).isZero();
  }

  @Test
  void whenTheCaseProcessDoesNotTakeAnInsolvencyNothingIsRecorded() {
    String reference = openCase(DEAF);

    Response r =
        declare(reference, body("REDRESSEMENT", today.minusDays(20), today.minusDays(10), false));

    assertThat(r.status()).as(r.toString()).isEqualTo(409);
    assertThat(r.json().get("detail").asText())
        .contains("InsolvencyOpened", "nothing was recorded");
    assertThat(rows(reference)).isZero();
    assertThat(openedEvents(reference)).isZero();
  }
}

package fr.recouvrement.audit;

import static fr.recouvrement.cases.CaseFixtures.businessCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.CaseRun;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.TestServers;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.security.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Why did this debtor get a formal notice, and would it still?": an auditor replays a case's
 * decisions over {@code GET /api/cases/{reference}/decisions}, with the shipped models and real
 * delegates.
 */
@IntegrationTest
class DecisionReplayTest {
  static final String TWILIO_MESSAGES = TestServers.TWILIO_MESSAGES;
  static final String LETTERS = TestServers.POSTAL_LETTERS;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  ApiClient admin;
  ApiClient auditor;
  String reference;

  @BeforeEach
  void setUp() {
    TestUsers.ensureAll(identity);
    admin = new ApiClient(port, "admin", "admin-test");
    auditor = TestUsers.as(port, TestUsers.AUDITOR);
    TestServers.reset();
    TestServers.acceptSmsAndLetters("1A0000000R001");
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  void anUntouchedCaseReplaysEveryDecisionTheSame() {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse("2026-03-02T09:00").atZone(CaseClock.PARIS).toInstant()));
    reference = open("F-RP1", "1850.00", LocalDate.of(2026, 2, 4));
    new CaseRun(engine, reference).amicableUntil("Proposer l'escalade");

    Response r = auditor.get("/api/cases/" + reference + "/decisions");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode report = r.json();
    List<JsonNode> decisions = list(report.get("decisions"));
    assertThat(
            decisions.stream().map(d -> d.get("decisionKey").asText()).collect(Collectors.toSet()))
        .contains(
            "debtor-segment",
            "reminder-cadence",
            "solvency-signal",
            "legal-cost-estimate",
            "amicable-stage",
            "procedure-prospect",
            "escalation");
    assertThat(report.get("total").asInt()).isEqualTo(decisions.size());
    assertThat(report.get("different").asInt()).as(r.body()).isZero();
    assertThat(report.get("same").asInt()).isEqualTo(decisions.size());
    assertThat(report.has("sameAsLatest")).isFalse();
    // in the order they were taken, each with what it read and what it said
    assertThat(decisions.get(0).get("decisionKey").asText()).isEqualTo("debtor-segment");
    assertThat(decisions.get(0).get("activityId").asText()).isEqualTo("Task_SegmentDebtor");
    assertThat(decisions.get(0).get("inputs").get("Type de débiteur").asText())
        .isEqualTo("BUSINESS");
    // principal plus late penalties and the 40 € indemnity
    assertThat(decisions.get(0).get("inputs").get("Solde dû (€)").decimalValue())
        .isGreaterThanOrEqualTo(new BigDecimal("1850"));
    assertThat(decisions.get(0).get("version").asInt()).isPositive();
    assertThat(decisions.get(0).has("latestVersion")).isFalse();

    // the computed input of the escalation diagram (balance * rate - cost, in procedure-prospect)
    // is recomputed by the table, not fed back
    JsonNode prospect =
        decisions.stream()
            .filter(d -> d.get("decisionKey").asText().equals("procedure-prospect"))
            .findFirst()
            .orElseThrow();
    assertThat(prospect.get("inputs").has("Gain net attendu (€)")).isTrue();
    assertThat(prospect.get("activityId").asText()).isEqualTo("Task_DecideEscalation");
    assertThat(prospect.get("same").asBoolean()).isTrue();
    // the escalation reads what its required decisions said, recorded as its inputs
    JsonNode escalation =
        decisions.stream()
            .filter(d -> d.get("decisionKey").asText().equals("escalation"))
            .findFirst()
            .orElseThrow();
    assertThat(escalation.get("inputs").get("Ce que la procédure peut rapporter").asText())
        .isEqualTo(
            prospect
                .get("recordedOutputs")
                .get(0)
                .get("outputs")
                .get("procedureProspect")
                .asText());
    assertThat(escalation.get("recordedOutputs").get(0).get("outputs").get("decision").asText())
        .isEqualTo("FORMAL_NOTICE");
    assertThat(escalation.get("replayedOutputs").get(0).get("decision").asText())
        .isEqualTo("FORMAL_NOTICE");
    assertThat(escalation.get("same").asBoolean()).isTrue();
  }

  @Test
  void theEscalationDiagramShowsInTheTimelineAndItsExportOneDecisionAfterTheOther() {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse("2026-03-02T09:00").atZone(CaseClock.PARIS).toInstant()));
    reference = open("F-RP4", "1850.00", LocalDate.of(2026, 2, 4));
    new CaseRun(engine, reference).amicableUntil("Proposer l'escalade");

    Response r = auditor.get("/api/cases/" + reference + "/timeline");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    // one business-rule task, five decisions: what escalation reads comes before it
    List<String> diagram =
        list(r.json()).stream()
            .filter(
                e ->
                    e.get("type").asText().equals("DECISION")
                        && e.at("/details/activityId").asText().equals("Task_DecideEscalation"))
            .map(e -> e.at("/details/decisionKey").asText())
            .toList();
    assertThat(diagram)
        .containsExactlyInAnyOrder(
            "solvency-signal",
            "legal-cost-estimate",
            "amicable-stage",
            "procedure-prospect",
            "escalation");
    assertThat(diagram.get(diagram.size() - 1)).isEqualTo("escalation");
    assertThat(diagram.indexOf("solvency-signal"))
        .isLessThan(diagram.indexOf("legal-cost-estimate"));
    assertThat(diagram.indexOf("legal-cost-estimate"))
        .isLessThan(diagram.indexOf("procedure-prospect"));

    // the export carries every one of them, with the inputs the escalation read
    Response csv = auditor.get("/api/cases/" + reference + "/timeline?format=csv");
    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.body())
        .contains("procedure-prospect", "amicable-stage", "Ce que la procédure peut rapporter");
  }

  @Test
  void aRedeployedTableChangesWhatTheLatestVersionWouldDecideNotTheReplay() throws IOException {
    reference = open("F-RP2", "640.00", LocalDate.now(CaseClock.PARIS).minusDays(20));
    JsonNode before =
        segmentDecision(admin.get("/api/cases/" + reference + "/decisions?latest=true").json());
    int usedVersion = before.get("version").asInt();
    assertThat(before.get("latestVersion").asInt()).isEqualTo(usedVersion);
    assertThat(before.get("sameAsLatest").asBoolean()).isTrue();

    // an analyst renames every segment of the table and deploys it under the same key
    String shipped;
    try (InputStream in =
        getClass().getResourceAsStream("/processes/decisions/debtor-segment.dmn")) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String changed =
        shipped.replaceAll(
            "(<outputEntry id=\"OutputEntry_\\w+_1\">\\s*<text>)\"[A-Z_]+\"(</text>)",
            "$1\"SEGMENT_REVU\"$2");
    assertThat(changed).isNotEqualTo(shipped).doesNotContain("\"PONCTUEL\"");
    Deployment deployment =
        repository
            .createDeployment()
            .name("replay-test-debtor-segment")
            .addString("debtor-segment.dmn", changed)
            .deploy();
    try {
      Response r = auditor.get("/api/cases/" + reference + "/decisions?latest=true");

      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      JsonNode segment = segmentDecision(r.json());
      assertThat(segment.get("version").asInt()).isEqualTo(usedVersion);
      assertThat(segment.get("same").asBoolean()).as(segment.toString()).isTrue();
      assertThat(segment.get("replayedOutputs").get(0).get("segment").asText())
          .isEqualTo(segment.get("recordedOutputs").get(0).get("outputs").get("segment").asText())
          .isNotEqualTo("SEGMENT_REVU");
      assertThat(segment.get("latestVersion").asInt()).isGreaterThan(usedVersion);
      assertThat(segment.get("latestOutputs").get(0).get("segment").asText())
          .isEqualTo("SEGMENT_REVU");
      assertThat(segment.get("sameAsLatest").asBoolean()).isFalse();
      assertThat(r.json().get("differentFromLatest").asInt()).isPositive();
      assertThat(r.json().get("different").asInt()).isZero();
    } finally {
      // other tests of the shared context segment their cases with the shipped table
      repository.deleteDeployment(deployment.getId(), true);
    }
    assertThat(
            repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("debtor-segment")
                .latestVersion()
                .singleResult()
                .getDeploymentId())
        .isNotEqualTo(deployment.getId());
  }

  @Test
  void aRecordAlteredAfterTheFactReplaysDifferently() {
    reference = open("F-RP3", "640.00", LocalDate.now(CaseClock.PARIS).minusDays(20));
    JsonNode segment =
        segmentDecision(auditor.get("/api/cases/" + reference + "/decisions").json());
    String recorded = segment.get("recordedOutputs").get(0).get("outputs").get("segment").asText();

    // someone with database access rewrites the segment the engine recorded
    int changed =
        jdbc.update(
            "update ACT_HI_DEC_OUT set TEXT_ = 'GROS_ENJEU' where DEC_INST_ID_ = ? and VAR_NAME_ = 'segment'",
            segment.get("decisionInstanceId").asText());
    assertThat(changed).isEqualTo(1);
    assertThat(recorded).isNotEqualTo("GROS_ENJEU");

    JsonNode report = auditor.get("/api/cases/" + reference + "/decisions").json();
    JsonNode altered = segmentDecision(report);
    assertThat(altered.get("recordedOutputs").get(0).get("outputs").get("segment").asText())
        .isEqualTo("GROS_ENJEU");
    assertThat(altered.get("replayedOutputs").get(0).get("segment").asText()).isEqualTo(recorded);
    assertThat(altered.get("same").asBoolean()).isFalse();
    assertThat(report.get("different").asInt()).isEqualTo(1);
  }

  @Test
  void anUnknownCaseIsAProblem() {
    Response r = auditor.get("/api/cases/DOS-1999-000000/decisions?latest=true");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("detail").asText()).contains("DOS-1999-000000");
  }

  // --- helpers

  private String open(String invoiceNumber, String amount, LocalDate due) {
    Response r =
        admin.postJson("/api/cases", businessCase(newDebtorId(), invoiceNumber, amount, due));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String ref = r.json().get("reference").asText();
    reference = ref;
    new CaseRun(engine, ref).runDue();
    return ref;
  }

  private static JsonNode segmentDecision(JsonNode report) {
    return list(report.get("decisions")).stream()
        .filter(d -> d.get("decisionKey").asText().equals("debtor-segment"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no debtor-segment decision in " + report));
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}

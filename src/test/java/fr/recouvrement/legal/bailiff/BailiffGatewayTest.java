package fr.recouvrement.legal.bailiff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.DONE;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.ENTER_REPORT;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.MANUAL_PROCESS;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.MISSION_PROCESS;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.REPORT;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.WITHDRAWAL_PROCESS;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.job;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.newProviderId;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.openCase;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.start;
import static fr.recouvrement.legal.bailiff.BailiffStubs.MISSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.Race;
import fr.recouvrement.TestServers;
import fr.recouvrement.cases.CaseFixtures;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.legal.bailiff.BailiffMissions.Mission;
import fr.recouvrement.money.CaseCosts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bailiff delegates as jobs of the real engine, against the provider played by WireMock: a
 * mission reaches the provider once, whatever the provider does (fails, is slow, refuses).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BailiffGatewayTest {
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired CaseService cases;
  @Autowired BailiffMissions missions;
  @Autowired BailiffGateway bailiffGateway;
  @Autowired LegalEvents legalEvents;
  @Autowired CaseCosts costs;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  Deployment deployment;

  @BeforeAll
  void deploy() {
    deployment = BailiffFixtures.deploy(repository);
  }

  @AfterAll
  void undeploy() {
    repository.deleteDeployment(deployment.getId(), true);
  }

  @BeforeEach
  void reset() {
    TestServers.reset();
  }

  @Test
  void aModelRoutesOnBailiffGatewayConfigured() {
    assertThat(bailiffGateway.isConfigured()).isTrue();
    String instance = runtime.startProcessInstanceByKey(BailiffFixtures.ROUTE_PROCESS).getId();

    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(BailiffFixtures.VIA_API);
  }

  @Test
  void aSeizureIsSentOnceWithTheCaseAndRecordedAsAnEnforcementMeasure() throws Exception {
    String providerId = newProviderId();
    BailiffStubs.acceptMissions(providerId);
    String reference = openCase(cases);
    String instance = start(runtime, MISSION_PROCESS, reference, MissionType.BANK_SEIZURE);
    assertThat(runtime.getVariable(instance, "bailiffActAt")).isInstanceOf(Date.class);

    management.executeJob(job(management, instance).getId());

    List<LoggedRequest> requests =
        TestServers.wireMock().findAll(postRequestedFor(urlEqualTo(MISSIONS)));
    assertThat(requests).hasSize(1);
    LoggedRequest sent = requests.get(0);
    JsonNode body = json.readTree(sent.getBodyAsString());
    String key = body.get("clientReference").asText();
    assertThat(key).isEqualTo(reference + "/" + instance + "/Task_RequestMission/BANK_SEIZURE/1");
    assertThat(sent.getHeader("Idempotency-Key")).isEqualTo(key);
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + TestServers.BAILIFF_API_KEY);
    assertThat(body.get("missionType").asText()).isEqualTo("BANK_SEIZURE");
    assertThat(body.get("caseReference").asText()).isEqualTo(reference);
    assertThat(body.at("/debtor/name").asText()).isEqualTo("Boulangerie Martin SARL");
    assertThat(body.at("/debtor/type").asText()).isEqualTo("BUSINESS");
    assertThat(body.at("/debtor/siren").asText()).isEqualTo("552100554");
    assertThat(body.at("/debtor/address/postalCode").asText()).isEqualTo("69003");
    assertThat(body.at("/claim/principal").decimalValue()).isEqualByComparingTo("1850.00");
    assertThat(body.at("/claim/balance").decimalValue())
        .isEqualByComparingTo(cases.balance(reference));
    assertThat(body.at("/claim/currency").asText()).isEqualTo("EUR");

    Mission mission = onlyMission(reference);
    assertThat(mission.status()).isEqualTo(MissionStatus.REQUESTED);
    assertThat(mission.providerMissionId()).isEqualTo(providerId);
    assertThat(mission.clientReference()).isEqualTo(key);
    assertThat(runtime.getVariable(instance, "bailiffMissionId"))
        .isEqualTo(String.valueOf(mission.id()));
    assertThat(
            runtime.createExecutionQuery().processInstanceId(instance).activityId(REPORT).count())
        .isEqualTo(1);
    long caseId = legalEvents.caseId(reference);
    // the request is recorded; the measure (which interrupts prescription) waits for the bailiff's
    // act
    assertThat(legalEvents.of(caseId))
        .filteredOn(e -> e.type() == LegalEventType.ENFORCEMENT_REQUESTED)
        .hasSize(1);
    assertThat(legalEvents.of(caseId))
        .noneMatch(e -> e.type() == LegalEventType.ENFORCEMENT_MEASURE);
  }

  @Test
  void aMissionClaimsOnlyTheUndisputedDueInvoicesWithTheirBreakdown() throws Exception {
    BailiffStubs.acceptMissions(newProviderId());
    ApiClient api = new ApiClient(port, "admin", "admin-test");
    LocalDate today = CaseClock.today();
    ApiClient.Response opened =
        api.postJson(
            "/api/cases",
            CaseFixtures.caseJson(
                CaseFixtures.newDebtorId(),
                "BUSINESS",
                "\"siren\": \"552100554\",",
                CaseFixtures.invoice(
                    "F-CJ-A", today.minusDays(150), today.minusDays(120), "1850.00"),
                CaseFixtures.invoice(
                    "F-CJ-B", today.minusDays(130), today.minusDays(100), "3000.00")));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String reference = opened.json().get("reference").asText();
    ApiClient.Response disputed =
        api.postJson(
            "/api/cases/" + reference + "/disputes",
            "{\"category\": \"TECHNICAL\", \"invoiceNumbers\": [\"F-CJ-B\"], \"comment\": \"Prestation incomplète\"}");
    assertThat(disputed.status()).as(disputed.toString()).isEqualTo(201);
    String instance = start(runtime, MISSION_PROCESS, reference, MissionType.BANK_SEIZURE);

    management.executeJob(job(management, instance).getId());

    JsonNode claim =
        json.readTree(
                TestServers.wireMock()
                    .findAll(postRequestedFor(urlEqualTo(MISSIONS)))
                    .get(0)
                    .getBodyAsString())
            .get("claim");
    CaseView.Invoice a =
        cases.get(reference).invoices().stream()
            .filter(i -> i.number().equals("F-CJ-A"))
            .findFirst()
            .orElseThrow();
    // F-CJ-A alone: 1,850.00 + its late penalty + 40.00; the disputed 3,000.00 (and its charges) is
    // not claimed
    BigDecimal expected =
        new BigDecimal("1850.00").add(a.latePenalty()).add(new BigDecimal("40.00"));
    assertThat(claim.get("principal").decimalValue()).isEqualByComparingTo("1850.00");
    assertThat(claim.get("balance").decimalValue()).isEqualByComparingTo(expected);
    assertThat(cases.balance(reference)).isGreaterThan(expected.add(new BigDecimal("3000.00")));
    assertThat(claim.get("invoices")).hasSize(1);
    JsonNode line = claim.get("invoices").get(0);
    assertThat(line.get("number").asText()).isEqualTo("F-CJ-A");
    assertThat(line.get("dueDate").asText()).isEqualTo(today.minusDays(120).toString());
    assertThat(line.get("latePenalty").decimalValue())
        .isEqualByComparingTo(a.latePenalty())
        .isPositive();
    assertThat(line.get("recoveryIndemnity").decimalValue()).isEqualByComparingTo("40.00");
    assertThat(line.get("total").decimalValue()).isEqualByComparingTo(expected);
  }

  @Test
  void aServiceMissionIsNotAnEnforcementMeasure() {
    BailiffStubs.acceptMissions(newProviderId());
    String reference = openCase(cases);
    String instance = start(runtime, MISSION_PROCESS, reference, MissionType.SERVICE);

    management.executeJob(job(management, instance).getId());

    assertThat(onlyMission(reference).type()).isEqualTo(MissionType.SERVICE);
    assertThat(legalEvents.of(legalEvents.caseId(reference)))
        .noneMatch(e -> e.type() == LegalEventType.ENFORCEMENT_MEASURE);
  }

  @Test
  void aServerErrorThenASuccessMakesOneMissionWithTheSameIdempotencyKey() {
    String providerId = newProviderId();
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(MISSIONS))
                .inScenario("bailiff")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("maintenance"))
                .willSetStateTo("up"));
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(MISSIONS))
                .inScenario("bailiff")
                .whenScenarioStateIs("up")
                .willReturn(BailiffStubs.created(providerId)));
    String reference = openCase(cases);
    String instance = start(runtime, MISSION_PROCESS, reference, MissionType.WAGE_SEIZURE);

    assertThatThrownBy(() -> management.executeJob(job(management, instance).getId()))
        .isInstanceOf(BailiffProviderException.class)
        .hasMessageContaining("HTTP 503")
        .hasMessageContaining("maintenance");
    Mission pending = onlyMission(reference);
    assertThat(pending.status()).isEqualTo(MissionStatus.PENDING);
    assertThat(pending.error()).contains("HTTP 503");
    assertThat(job(management, instance).getRetries()).isEqualTo(2);

    management.executeJob(job(management, instance).getId());

    Mission mission = onlyMission(reference);
    assertThat(mission.id()).isEqualTo(pending.id());
    assertThat(mission.status()).isEqualTo(MissionStatus.REQUESTED);
    assertThat(mission.providerMissionId()).isEqualTo(providerId);
    assertThat(mission.error()).isNull();
    List<LoggedRequest> requests =
        TestServers.wireMock().findAll(postRequestedFor(urlEqualTo(MISSIONS)));
    assertThat(requests).hasSize(2);
    // the provider can tell the retry from a new mission
    assertThat(requests)
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsOnly(mission.clientReference());
    assertThat(runtime.getVariable(instance, "bailiffMissionId"))
        .isEqualTo(String.valueOf(mission.id()));
    // the failed attempt left nothing behind: one request recorded
    assertThat(legalEvents.of(legalEvents.caseId(reference)))
        .filteredOn(e -> e.type() == LegalEventType.ENFORCEMENT_REQUESTED)
        .hasSize(1);
  }

  @Test
  void aProviderSlowerThanTheReadTimeoutFailsTheJobAndTheRetrySucceeds() {
    String providerId = newProviderId();
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(MISSIONS))
                .inScenario("slow")
                .whenScenarioStateIs(STARTED)
                .willReturn(
                    BailiffStubs.created(providerId)
                        .withFixedDelay(TestServers.BAILIFF_READ_TIMEOUT_MS + 8000))
                .willSetStateTo("fast"));
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(MISSIONS))
                .inScenario("slow")
                .whenScenarioStateIs("fast")
                .willReturn(BailiffStubs.created(providerId)));
    String reference = openCase(cases);
    String instance = start(runtime, MISSION_PROCESS, reference, MissionType.GOODS_SEIZURE);

    long started = System.nanoTime();
    assertThatThrownBy(() -> management.executeJob(job(management, instance).getId()))
        .hasMessageContaining("did not answer within")
        .hasMessageContaining("recouvrement.bailiff.read-timeout");
    // gave up at the read timeout, not when the answer came (with room for a busy build machine)
    assertThat((System.nanoTime() - started) / 1_000_000)
        .isLessThan(TestServers.BAILIFF_READ_TIMEOUT_MS + 5000);
    assertThat(onlyMission(reference).status()).isEqualTo(MissionStatus.PENDING);
    assertThat(job(management, instance).getRetries()).isEqualTo(2);

    management.executeJob(job(management, instance).getId());

    Mission mission = onlyMission(reference);
    assertThat(mission.status()).isEqualTo(MissionStatus.REQUESTED);
    assertThat(mission.providerMissionId()).isEqualTo(providerId);
    assertThat(TestServers.wireMock().findAll(postRequestedFor(urlEqualTo(MISSIONS))))
        .hasSize(2)
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsOnly(mission.clientReference());
    assertThat(
            runtime.createExecutionQuery().processInstanceId(instance).activityId(REPORT).count())
        .isEqualTo(1);
  }

  @Test
  void aRefusalFailsTheJobWithTheProvidersReason() {
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(MISSIONS))
                .willReturn(
                    aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(
                            "{\"title\": \"Unprocessable\", \"detail\": \"Titre exécutoire requis pour une saisie\"}")));
    String reference = openCase(cases);
    String instance = start(runtime, MISSION_PROCESS, reference, MissionType.BANK_SEIZURE);

    assertThatThrownBy(() -> management.executeJob(job(management, instance).getId()))
        .isInstanceOf(BailiffProviderException.class)
        .hasMessageContaining("refused")
        .hasMessageContaining("HTTP 422")
        .hasMessageContaining("Titre exécutoire requis pour une saisie")
        .satisfies(e -> assertThat(((BailiffProviderException) e).retryable()).isFalse());
    assertThat(onlyMission(reference).error()).contains("Titre exécutoire requis");
    assertThat(legalEvents.of(legalEvents.caseId(reference)))
        .noneMatch(e -> e.type() == LegalEventType.ENFORCEMENT_MEASURE);
  }

  @Test
  void aManualHandOverIsRecordedAndItsReportCostsTheFee() {
    String reference = openCase(cases);
    String instance = start(runtime, MANUAL_PROCESS, reference, MissionType.BANK_SEIZURE);

    Mission manual = onlyMission(reference);
    assertThat(manual.status()).isEqualTo(MissionStatus.MANUAL);
    assertThat(manual.providerMissionId()).isNull();
    assertThat(runtime.getVariable(instance, "bailiffMissionId"))
        .isEqualTo(String.valueOf(manual.id()));
    assertThat(legalEvents.of(legalEvents.caseId(reference)))
        .filteredOn(e -> e.type() == LegalEventType.ENFORCEMENT_REQUESTED)
        .hasSize(1);
    assertThat(legalEvents.of(legalEvents.caseId(reference)))
        .noneMatch(e -> e.type() == LegalEventType.ENFORCEMENT_MEASURE);

    Task enter =
        tasks
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey(ENTER_REPORT)
            .singleResult();
    tasks.complete(
        enter.getId(),
        Map.of(
            "bailiffOutcome",
            "PARTIALLY_PAID",
            "bailiffReportedOn",
            "2026-11-20",
            "bailiffFee",
            80.5,
            "bailiffAmountRecovered",
            300L));

    Mission reported = onlyMission(reference);
    assertThat(reported.status()).isEqualTo(MissionStatus.REPORTED);
    assertThat(reported.outcome()).isEqualTo("PARTIALLY_PAID");
    assertThat(reported.amountRecovered()).isEqualByComparingTo("300.00");
    assertThat(costs.of(legalEvents.caseId(reference)))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo("BAILIFF_FEE");
              assertThat(c.amount()).isEqualByComparingTo(new BigDecimal("80.50"));
              assertThat(c.reference()).isEqualTo("mission-" + manual.id());
              assertThat(c.incurredOn()).hasToString("2026-11-20");
            });
    // the enforcement act interrupts prescription at the date of the report (C. civ. 2244), not of
    // the hand-over
    assertThat(legalEvents.of(legalEvents.caseId(reference)))
        .filteredOn(e -> e.type() == LegalEventType.ENFORCEMENT_MEASURE)
        .singleElement()
        .satisfies(e -> assertThat(e.occurredOn()).hasToString("2026-11-20"));
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(DONE);
  }

  @Test
  void anOutcomeThatDoesNotFitTheMissionIsRefusedByTheReportStep() {
    String reference = openCase(cases);
    String instance = start(runtime, MANUAL_PROCESS, reference, MissionType.SERVICE);
    Task enter =
        tasks
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey(ENTER_REPORT)
            .singleResult();

    assertThatThrownBy(() -> tasks.complete(enter.getId(), Map.of("bailiffOutcome", "PAID")))
        .hasMessageContaining("does not fit a SERVICE mission")
        .hasMessageContaining("SERVED");
    assertThat(onlyMission(reference).status()).isEqualTo(MissionStatus.MANUAL);
  }

  @Test
  void anInsolvencyWithdrawsEveryOpenMissionOfTheCaseAndListsTheManualOnes() throws Exception {
    String providerId = newProviderId();
    BailiffStubs.acceptMissions(providerId);
    BailiffStubs.acceptWithdrawals();
    String reference = openCase(cases);
    String viaApi = start(runtime, MISSION_PROCESS, reference, MissionType.BANK_SEIZURE);
    management.executeJob(job(management, viaApi).getId());
    start(runtime, MANUAL_PROCESS, reference, MissionType.WAGE_SEIZURE);
    Mission manual =
        missions.ofCase(reference).stream()
            .filter(m -> m.status() == MissionStatus.MANUAL)
            .findFirst()
            .orElseThrow();

    String instance =
        runtime
            .startProcessInstanceByKey(
                WITHDRAWAL_PROCESS, reference, Map.of("caseReference", reference))
            .getId();
    management.executeJob(job(management, instance).getId());

    List<LoggedRequest> withdrawals =
        TestServers.wireMock()
            .findAll(postRequestedFor(urlPathMatching(MISSIONS + "/[^/]+/withdrawal")));
    assertThat(withdrawals).hasSize(1);
    assertThat(withdrawals.get(0).getUrl()).isEqualTo(MISSIONS + "/" + providerId + "/withdrawal");
    assertThat(withdrawals.get(0).getHeader("Authorization"))
        .isEqualTo("Bearer " + TestServers.BAILIFF_API_KEY);
    assertThat(withdrawals.get(0).getHeader("Idempotency-Key")).endsWith("/withdrawal");
    assertThat(json.readTree(withdrawals.get(0).getBodyAsString()).get("reason").asText())
        .contains("Procédure collective");
    assertThat(missions.ofCase(reference))
        .hasSize(2)
        .allMatch(m -> m.status() == MissionStatus.WITHDRAWN);
    assertThat(runtime.getVariable(instance, "bailiffMissionsWithdrawn")).isEqualTo(2);
    assertThat(runtime.getVariable(instance, "bailiffManualMissions"))
        .isEqualTo("n° " + manual.id() + " WAGE_SEIZURE");

    // once more, as a retried job would: nothing left to stop
    String again =
        runtime
            .startProcessInstanceByKey(
                WITHDRAWAL_PROCESS, reference, Map.of("caseReference", reference))
            .getId();
    management.executeJob(job(management, again).getId());
    assertThat(
            TestServers.wireMock()
                .findAll(postRequestedFor(urlPathMatching(MISSIONS + "/[^/]+/withdrawal"))))
        .hasSize(1);
    assertThat(runtime.getVariable(again, "bailiffMissionsWithdrawn")).isEqualTo(0);
  }

  @Test
  void aFailedWithdrawalFailsTheJobAndKeepsTheMissionOpen() {
    BailiffStubs.acceptMissions(newProviderId());
    TestServers.wireMock()
        .stubFor(
            post(urlPathMatching(MISSIONS + "/[^/]+/withdrawal"))
                .willReturn(aResponse().withStatus(500).withBody("{\"message\": \"down\"}")));
    String reference = openCase(cases);
    String viaApi = start(runtime, MISSION_PROCESS, reference, MissionType.BANK_SEIZURE);
    management.executeJob(job(management, viaApi).getId());

    String instance =
        runtime
            .startProcessInstanceByKey(
                WITHDRAWAL_PROCESS, reference, Map.of("caseReference", reference))
            .getId();
    assertThatThrownBy(() -> management.executeJob(job(management, instance).getId()))
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining("down");

    assertThat(onlyMission(reference).status()).isEqualTo(MissionStatus.REQUESTED);
    assertThat(job(management, instance).getRetries()).isEqualTo(2);
  }

  private Mission onlyMission(String reference) {
    List<Mission> rows = missions.ofCase(reference);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  /**
   * « Demander la mission » executed by three executors at once: the commissaire de justice gets
   * one mission.
   */
  @Test
  void oneMissionStepRunByThreeExecutorsAtOnceMakesOneMission() throws Exception {
    String providerId = newProviderId();
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(MISSIONS))
                .willReturn(BailiffStubs.created(providerId).withFixedDelay(1500)));
    String reference = openCase(cases);
    String instance = start(runtime, MISSION_PROCESS, reference, MissionType.BANK_SEIZURE);
    String jobId = job(management, instance).getId();

    List<Throwable> failures =
        Race.run(
            3,
            () -> {
              management.executeJob(jobId);
              return null;
            });
    Job left = job(management, instance);
    if (left != null) { // the retry of a job whose transaction the others' failures rolled back
      management.executeJob(left.getId());
    }

    TestServers.wireMock().verify(1, postRequestedFor(urlEqualTo(MISSIONS)));
    assertThat(failures)
        .filteredOn(f -> f instanceof MissionInFlightException)
        .hasSizeGreaterThanOrEqualTo(2);
    List<Mission> all = missions.ofCase(reference);
    assertThat(all).hasSize(1);
    assertThat(all.get(0).status()).isEqualTo(MissionStatus.REQUESTED);
    assertThat(all.get(0).providerMissionId()).isEqualTo(providerId);
  }
}

package fr.recouvrement.legal.bailiff;

import static fr.recouvrement.legal.bailiff.BailiffFixtures.DONE;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.MISSION_PROCESS;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.REPORT;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.job;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.newProviderId;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.openCase;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.TestServers;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.legal.bailiff.BailiffMissions.Mission;
import fr.recouvrement.money.CaseCosts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/callbacks/bailiff} over real HTTP: signed reports move the process waiting for
 * them, once; everything else is refused or kept.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BailiffCallbackTest {
  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired CaseService cases;
  @Autowired BailiffMissions missions;
  @Autowired LegalEvents legalEvents;
  @Autowired CaseCosts costs;
  @Autowired JdbcTemplate jdbc;
  @Autowired BailiffReports reports;

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

  /** A case whose seizure the provider took, its process waiting for the report. */
  record Waiting(String reference, String instance, Mission mission) {}

  Waiting waitingForReport(MissionType type) {
    BailiffStubs.acceptMissions(newProviderId());
    String reference = openCase(cases);
    String instance = start(runtime, MISSION_PROCESS, reference, type);
    management.executeJob(job(management, instance).getId());
    Mission mission = missions.ofCase(reference).get(0);
    assertThat(
            runtime.createExecutionQuery().processInstanceId(instance).activityId(REPORT).count())
        .isEqualTo(1);
    return new Waiting(reference, instance, mission);
  }

  @Test
  void aSignedReportMovesTheWaitingProcessAndRecordsTheFee() {
    Waiting w = waitingForReport(MissionType.BANK_SEIZURE);
    String eventId = newEventId();

    ApiClient.Response r =
        BailiffStubs.callback(
            port,
            BailiffStubs.report(
                eventId,
                w.mission().providerMissionId(),
                "PARTIALLY_PAID",
                "2026-11-24",
                "148.50",
                "900.00"));

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("eventId").asText()).isEqualTo(eventId);
    assertThat(r.json().get("result").asText()).isEqualTo("APPLIED");
    assertThat(r.json().get("replayed").asBoolean()).isFalse();
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(w.instance())
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(DONE);
    Map<String, Object> variables = runtime.getVariables(w.instance());
    assertThat(variables)
        .containsEntry("bailiffOutcome", "PARTIALLY_PAID")
        .containsEntry("bailiffReportedOn", "2026-11-24")
        .containsEntry("bailiffFee", 148.5)
        .containsEntry("bailiffAmountRecovered", 900.0)
        .containsEntry("bailiffDetails", "Procès-verbal n° 42");
    Mission reported = missions.byId(w.mission().id()).orElseThrow();
    assertThat(reported.status()).isEqualTo(MissionStatus.REPORTED);
    assertThat(reported.outcome()).isEqualTo("PARTIALLY_PAID");
    assertThat(reported.amountRecovered()).isEqualByComparingTo("900.00");
    assertThat(costs.of(legalEvents.caseId(w.reference())))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo("BAILIFF_FEE");
              assertThat(c.amount()).isEqualByComparingTo("148.50");
              assertThat(c.reference()).isEqualTo("mission-" + w.mission().id());
            });
    assertThat(storedResult(eventId)).isEqualTo("APPLIED");
  }

  @Test
  void aServiceReportSaysWhetherTheOrderWasServedToThePerson() {
    Waiting w = waitingForReport(MissionType.SERVICE);
    String body =
        BailiffStubs.report(
                newEventId(), w.mission().providerMissionId(), "SERVED", "2026-11-24", "62.50", "0")
            .replace("}", ", \"servedToPerson\": false}");

    ApiClient.Response r = BailiffStubs.callback(port, body);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(runtime.getVariables(w.instance()))
        .containsEntry("bailiffOutcome", "SERVED")
        .containsEntry("servedToPerson", false);
  }

  @Test
  void aServedToPersonThatIsNotABooleanIsRefusedNamingTheField() {
    Waiting w = waitingForReport(MissionType.SERVICE);
    String eventId = newEventId();
    String body =
        BailiffStubs.report(
                eventId, w.mission().providerMissionId(), "SERVED", "2026-11-24", "0", "0")
            .replace("}", ", \"servedToPerson\": \"oui\"}");

    ApiClient.Response r = BailiffStubs.callback(port, body);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly("servedToPerson");
    assertStillWaiting(w, eventId);
  }

  @Test
  void aReplayedEventIsAnsweredWithWhatWasDoneAndAppliedOnce() {
    Waiting w = waitingForReport(MissionType.WAGE_SEIZURE);
    String body =
        BailiffStubs.report(
            newEventId(),
            w.mission().providerMissionId(),
            "PAID",
            "2026-11-24",
            "60.00",
            "1850.00");

    ApiClient.Response first = BailiffStubs.callback(port, body);
    ApiClient.Response again = BailiffStubs.callback(port, body);

    assertThat(first.status()).isEqualTo(200);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().get("result").asText()).isEqualTo("APPLIED");
    assertThat(again.json().get("replayed").asBoolean()).isTrue();
    assertThat(costs.of(legalEvents.caseId(w.reference()))).hasSize(1);
    assertThat(tasks.createTaskQuery().processInstanceId(w.instance()).count()).isEqualTo(1);
  }

  @Test
  void aWrongSignatureIsRefusedAndNothingApplied() {
    Waiting w = waitingForReport(MissionType.BANK_SEIZURE);
    String eventId = newEventId();
    String body =
        BailiffStubs.report(
            eventId, w.mission().providerMissionId(), "PAID", "2026-11-24", "60.00", "1850.00");

    ApiClient.Response r = BailiffStubs.callback(port, body, "not-the-secret", Instant.now());

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("detail").asText()).contains("Invalid signature");
    assertStillWaiting(w, eventId);
  }

  @Test
  void aStaleTimestampIsRefused() {
    Waiting w = waitingForReport(MissionType.BANK_SEIZURE);
    String eventId = newEventId();
    String body =
        BailiffStubs.report(
            eventId, w.mission().providerMissionId(), "PAID", "2026-11-24", "60.00", "1850.00");

    ApiClient.Response r =
        BailiffStubs.callback(
            port,
            body,
            TestServers.BAILIFF_CALLBACK_SECRET,
            Instant.now().minus(Duration.ofMinutes(10)));

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().get("detail").asText()).contains("outside the accepted window");
    assertStillWaiting(w, eventId);
  }

  @Test
  void anEventForAnUnknownMissionIsKeptUnmatched() {
    String eventId = newEventId();
    String body =
        BailiffStubs.report(
            eventId, "CJ-nobody-" + UUID.randomUUID(), "PAID", "2026-11-24", "60.00", "1850.00");

    ApiClient.Response r = BailiffStubs.callback(port, body);
    ApiClient.Response again = BailiffStubs.callback(port, body);

    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(r.json().get("result").asText()).isEqualTo("UNMATCHED");
    assertThat(storedResult(eventId)).isEqualTo("UNMATCHED");
    assertThat(
            jdbc.queryForObject(
                "select payload from callback_event where source = 'BAILIFF' and event_id = ?",
                String.class,
                eventId))
        .isEqualTo(body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("result").asText()).isEqualTo("UNMATCHED");
    assertThat(again.json().get("replayed").asBoolean()).isTrue();
  }

  @Test
  void aReportNoProcessWaitsForIsKeptUnmatched() {
    Waiting w = waitingForReport(MissionType.BANK_SEIZURE);
    BailiffStubs.callback(
        port,
        BailiffStubs.report(
            newEventId(), w.mission().providerMissionId(), "PAID", "2026-11-24", "0", "1850.00"));
    String late = newEventId();

    ApiClient.Response r =
        BailiffStubs.callback(
            port,
            BailiffStubs.report(
                late, w.mission().providerMissionId(), "FAILED", "2026-11-25", "0", "0"));

    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(storedResult(late)).isEqualTo("UNMATCHED");
    assertThat(missions.byId(w.mission().id()).orElseThrow().outcome()).isEqualTo("PAID");
  }

  @Test
  void progressOnlyUpdatesTheMission() {
    Waiting w = waitingForReport(MissionType.GOODS_SEIZURE);
    String eventId = newEventId();

    ApiClient.Response r =
        BailiffStubs.callback(
            port,
            BailiffStubs.report(
                eventId, w.mission().providerMissionId(), "IN_PROGRESS", "2026-11-24", "0", "0"));

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("result").asText()).isEqualTo("APPLIED");
    assertThat(missions.byId(w.mission().id()).orElseThrow().status())
        .isEqualTo(MissionStatus.IN_PROGRESS);
    assertThat(
            runtime
                .createExecutionQuery()
                .processInstanceId(w.instance())
                .activityId(REPORT)
                .count())
        .isEqualTo(1);
    assertThat(storedResult(eventId)).isEqualTo("APPLIED");
  }

  @Test
  void anInvalidBodyIsRefusedNamingTheFields() {
    String body =
        """
        {"missionId": "CJ-1", "status": "DONE", "occurredOn": "24/11/2026", "fee": -3, "amountRecovered": "beaucoup"}""";

    ApiClient.Response r = BailiffStubs.callback(port, body);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("eventId", "status", "occurredOn", "fee", "amountRecovered");
  }

  @Test
  void anOutcomeOfAnotherKindOfMissionIsRefused() {
    Waiting w = waitingForReport(MissionType.BANK_SEIZURE);
    String eventId = newEventId();

    ApiClient.Response r =
        BailiffStubs.callback(
            port,
            BailiffStubs.report(
                eventId, w.mission().providerMissionId(), "SERVED", "2026-11-24", "0", "0"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly("status");
    assertThat(r.json().get("detail").asText()).contains("BANK_SEIZURE", "PARTIALLY_PAID");
    assertStillWaiting(w, eventId);
  }

  /**
   * Review M5: the provider's report came before our step recorded the mission's id (its answer to
   * the request was slow, or the step is being retried). It is kept, then applied once when the
   * step records the id: the waiting process gets it, the fee is booked once.
   */
  @Test
  void aReportArrivingBeforeTheMissionIsRecordedIsAppliedWhenItIs() {
    String providerId = newProviderId();
    BailiffStubs.acceptMissions(providerId);
    String reference = openCase(cases);
    String instance = start(runtime, MISSION_PROCESS, reference, MissionType.BANK_SEIZURE);
    String eventId = newEventId();
    String body =
        BailiffStubs.report(
            eventId, providerId, "PARTIALLY_PAID", "2026-11-24", "148.50", "900.00");

    ApiClient.Response early = BailiffStubs.callback(port, body);

    assertThat(early.status()).as(early.body()).isEqualTo(202);
    assertThat(early.json().get("result").asText()).isEqualTo("UNMATCHED");
    assertThat(storedResult(eventId)).isEqualTo("UNMATCHED");

    management.executeJob(job(management, instance).getId());

    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(DONE);
    assertThat(runtime.getVariables(instance))
        .containsEntry("bailiffOutcome", "PARTIALLY_PAID")
        .containsEntry("bailiffFee", 148.5);
    Mission reported = missions.ofCase(reference).get(0);
    assertThat(reported.providerMissionId()).isEqualTo(providerId);
    assertThat(reported.status()).isEqualTo(MissionStatus.REPORTED);
    assertThat(reported.amountRecovered()).isEqualByComparingTo("900.00");
    assertThat(storedResult(eventId)).isEqualTo("APPLIED");

    // once: the provider's replay, and the id recorded again, change nothing
    ApiClient.Response again = BailiffStubs.callback(port, body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("replayed").asBoolean()).isTrue();
    reports.applyKept(providerId);
    assertThat(costs.of(legalEvents.caseId(reference)))
        .singleElement()
        .satisfies(c -> assertThat(c.amount()).isEqualByComparingTo("148.50"));
  }

  /** Review L6: the same report delivered eight times at once was a 500 for all but one. */
  @Test
  void concurrentDuplicateCallbacksApplyOnceAndNeverAnswer500() throws Exception {
    Waiting w = waitingForReport(MissionType.BANK_SEIZURE);
    String body =
        BailiffStubs.report(
            newEventId(),
            w.mission().providerMissionId(),
            "PAID",
            "2026-11-24",
            "60.00",
            "1850.00");
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<ApiClient.Response>> sent = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        sent.add(
            pool.submit(
                () -> {
                  go.await();
                  return BailiffStubs.callback(port, body);
                }));
      }
      go.countDown();
      List<ApiClient.Response> answers = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<ApiClient.Response> f : sent) {
        answers.add(f.get());
      }

      assertThat(answers)
          .extracting(ApiClient.Response::status)
          .as(answers.toString())
          .allMatch(s -> s == 200 || s == 409);
      assertThat(answers)
          .filteredOn(a -> a.status() == 200 && !a.json().get("replayed").asBoolean())
          .as(answers.toString())
          .hasSize(1);
      assertThat(costs.of(legalEvents.caseId(w.reference()))).hasSize(1);
      assertThat(
              tasks
                  .createTaskQuery()
                  .processInstanceId(w.instance())
                  .singleResult()
                  .getTaskDefinitionKey())
          .isEqualTo(DONE);
    } finally {
      pool.shutdownNow();
    }
  }

  private void assertStillWaiting(Waiting w, String eventId) {
    assertThat(
            runtime
                .createExecutionQuery()
                .processInstanceId(w.instance())
                .activityId(REPORT)
                .count())
        .isEqualTo(1);
    assertThat(missions.byId(w.mission().id()).orElseThrow().status())
        .isEqualTo(MissionStatus.REQUESTED);
    assertThat(storedResult(eventId)).isNull();
  }

  private String storedResult(String eventId) {
    List<String> rows =
        jdbc.queryForList(
            "select result from callback_event where source = 'BAILIFF' and event_id = ?",
            String.class,
            eventId);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static String newEventId() {
    return "evt-" + UUID.randomUUID();
  }
}

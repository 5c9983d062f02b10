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
import fr.recouvrement.kernel.provider.KeptCallbackSweep;
import fr.recouvrement.kernel.provider.SignedCallbacks;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.legal.bailiff.BailiffMissions.Mission;
import fr.recouvrement.money.CaseCosts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Review M5, the periodic part: a provider callback kept because its match did not exist yet is
 * applied by the sweep when nothing else replays it, once even when two nodes sweep at the same
 * moment; one that never finds its match is shown to the operators after a week.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptCallbackSweepTest {
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
  @Autowired SignedCallbacks callbacks;
  @Autowired KeptCallbackSweep sweep;

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

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /**
   * The state a node leaves when it is killed right after committing a mission's provider id,
   * before the replay that follows that commit: the report kept UNMATCHED for that id, and the
   * process waiting for it. Two nodes sweep at once: the waiting process gets the report, the fee
   * is booked once, the kept row is APPLIED.
   */
  @Test
  void aKeptReportWhoseReplayNeverRanIsAppliedOnceByTheSweepAlsoWhenTwoNodesSweepAtOnce()
      throws Exception {
    String providerId = newProviderId();
    BailiffStubs.acceptMissions(providerId);
    String reference = openCase(cases);
    String instance = start(runtime, MISSION_PROCESS, reference, MissionType.BANK_SEIZURE);
    String eventId = "evt-" + UUID.randomUUID();
    String body =
        BailiffStubs.report(
            eventId, providerId, "PARTIALLY_PAID", "2026-11-24", "148.50", "900.00");
    management.executeJob(job(management, instance).getId());
    assertThat(
            runtime.createExecutionQuery().processInstanceId(instance).activityId(REPORT).count())
        .isEqualTo(1);
    // kept while the id was unknown; its replay after the id's commit never ran
    assertThat(
            callbacks.remember(
                BailiffReports.SOURCE,
                eventId,
                body.getBytes(StandardCharsets.UTF_8),
                SignedCallbacks.Result.UNMATCHED,
                providerId))
        .isTrue();

    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<KeptCallbackSweep.Sweep>> sweeps =
          List.of(
              nodes.submit(
                  () -> {
                    go.await();
                    return sweep.sweep();
                  }),
              nodes.submit(
                  () -> {
                    go.await();
                    return sweep.sweep();
                  }));
      go.countDown();
      for (Future<KeptCallbackSweep.Sweep> s : sweeps) {
        s.get();
      }
    } finally {
      nodes.shutdownNow();
    }

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
    assertThat(reported.status()).isEqualTo(MissionStatus.REPORTED);
    assertThat(costs.of(legalEvents.caseId(reference)))
        .singleElement()
        .satisfies(c -> assertThat(c.amount()).isEqualByComparingTo("148.50"));
    assertThat(stored(eventId)).isEqualTo("APPLIED");

    // a later sweep finds nothing more to do for it
    sweep.sweep();
    assertThat(costs.of(legalEvents.caseId(reference))).hasSize(1);
  }

  /**
   * A report for a mission nobody here knows stays kept: the sweeps leave it alone, and once it has
   * waited more than the alert age (7 days by default) each sweep lists it for the operators.
   */
  @Test
  void aKeptCallbackThatNeverFindsItsMatchIsListedForTheOperatorsAfterAWeek() {
    String eventId = "evt-" + UUID.randomUUID();
    ApiClient.Response r =
        BailiffStubs.callback(
            port,
            BailiffStubs.report(
                eventId,
                "CJ-nobody-" + UUID.randomUUID(),
                "PAID",
                "2026-11-24",
                "60.00",
                "1850.00"));
    assertThat(r.status()).as(r.body()).isEqualTo(202);

    moveClock(Duration.ofDays(6));
    KeptCallbackSweep.Sweep afterSixDays = sweep.sweep();
    moveClock(Duration.ofDays(8));
    KeptCallbackSweep.Sweep afterEightDays = sweep.sweep();

    assertThat(afterSixDays.stale())
        .extracting(KeptCallbackSweep.Waiting::eventId)
        .doesNotContain(eventId);
    assertThat(afterEightDays.stale())
        .extracting(KeptCallbackSweep.Waiting::eventId)
        .contains(eventId);
    assertThat(afterEightDays.stale())
        .filteredOn(w -> w.eventId().equals(eventId))
        .singleElement()
        .satisfies(w -> assertThat(w.source()).isEqualTo("BAILIFF"));
    assertThat(stored(eventId)).isEqualTo("UNMATCHED");
  }

  private void moveClock(Duration ahead) {
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.now().plus(ahead)));
  }

  private String stored(String eventId) {
    List<String> rows =
        jdbc.queryForList(
            "select result from callback_event where source = 'BAILIFF' and event_id = ?",
            String.class,
            eventId);
    return rows.isEmpty() ? null : rows.get(0);
  }
}

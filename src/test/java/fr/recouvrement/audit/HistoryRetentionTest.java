package fr.recouvrement.audit;

import static fr.recouvrement.cases.CaseFixtures.consumerCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static fr.recouvrement.cases.CaseFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.time.CaseClock;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * GDPR (domain.md, "Conduct rules"): a case's history lives at least the longest prescription (5
 * years) plus one year after the case ended, leap days included, then the nightly cleanup purges
 * it.
 */
@IntegrationTest
class HistoryRetentionTest {
  /** The longest six years can be: 5 years of prescription plus one, with their 29 Februarys. */
  static final long REQUIRED_DAYS = longestSpanOfYears(5 + 1);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;

  record Model(String file, String key, String timeToLive) {}

  @Test
  void sixYearsHoldAtMostTwoLeapDays() {
    assertThat(REQUIRED_DAYS).isEqualTo(6 * 365 + 2);
  }

  @Test
  void everyShippedModelKeepsItsHistoryLongEnough() throws IOException {
    List<Model> models = shippedModels();
    assertThat(models)
        .extracting(Model::key)
        .contains("collection-case", "amicable-reminders", "debtor-segment", "escalation");

    assertThat(models)
        .allSatisfy(
            m ->
                assertThat(days(m.timeToLive()))
                    .as(m.file() + " " + m.key() + " historyTimeToLive")
                    .isGreaterThanOrEqualTo(REQUIRED_DAYS));
    // and what the engine deployed from them
    for (Model m : models) {
      Integer deployed =
          m.file().endsWith(".dmn")
              ? repository
                  .createDecisionDefinitionQuery()
                  .decisionDefinitionKey(m.key())
                  .latestVersion()
                  .singleResult()
                  .getHistoryTimeToLive()
              : repository
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(m.key())
                  .latestVersion()
                  .singleResult()
                  .getHistoryTimeToLive();
      assertThat(deployed)
          .as("deployed " + m.key())
          .isNotNull()
          .isGreaterThanOrEqualTo((int) REQUIRED_DAYS);
    }
  }

  @Test
  void theEngineCleansHistoryUpEveryNightByRemovalTime() {
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(config.isHistoryCleanupEnabled()).isTrue();
    assertThat(config.getHistoryCleanupStrategy())
        .isEqualTo(ProcessEngineConfigurationImpl.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
    assertThat(config.getHistoryRemovalTimeStrategy())
        .isEqualTo(ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_END);
    assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(config.isEnforceHistoryTimeToLive()).isTrue();
    // the cleanup job exists (Cockpit shows it), scheduled in the window
    assertThat(history.findHistoryCleanupJobs())
        .isNotEmpty()
        .allSatisfy(
            job ->
                assertThat(job.getDuedate().toInstant().atZone(CaseClock.PARIS).getHour())
                    .isBetween(0, 5));
  }

  @Test
  void aClosedCaseIsPurgedSixYearsAndItsLeapDaysAfterItEnded() {
    ApiClient admin = new ApiClient(port, "admin", "admin-test");
    LocalDate today = LocalDate.now(CaseClock.PARIS);
    Response opened =
        admin.postJson(
            "/api/cases", consumerCase(newDebtorId(), "F-GDPR-1", "90.00", today.minusDays(5)));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String reference = opened.json().get("reference").asText();
    Response paid =
        admin.postJson(
            "/api/cases/" + reference + "/payments", payment("90.00", today, "VIR-GDPR-1"));
    assertThat(paid.json().get("status").asText()).as(paid.toString()).isEqualTo("PAID");

    HistoricProcessInstance root =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(CaseService.PROCESS_KEY)
            .processInstanceBusinessKey(reference)
            .singleResult();
    assertThat(root.getEndTime()).as("the case process ended").isNotNull();
    var purgedOn = root.getEndTime().toInstant().plus(Duration.ofDays(REQUIRED_DAYS));

    List<HistoricProcessInstance> processes =
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list();
    assertThat(processes).hasSizeGreaterThan(1); // the amicable reminders it called
    assertThat(processes)
        .allSatisfy(
            p ->
                assertThat(p.getRemovalTime().toInstant())
                    .as(p.getProcessDefinitionKey())
                    .isAfterOrEqualTo(purgedOn));
    List<HistoricDecisionInstance> decisions = new ArrayList<>();
    processes.forEach(
        p ->
            decisions.addAll(
                history.createHistoricDecisionInstanceQuery().processInstanceId(p.getId()).list()));
    assertThat(decisions)
        .isNotEmpty()
        .allSatisfy(
            d ->
                assertThat(d.getRemovalTime().toInstant())
                    .as(d.getDecisionDefinitionKey())
                    .isAfterOrEqualTo(purgedOn));
  }

  /** The most days that {@code years} calendar years can hold, over a whole 400-year leap cycle. */
  static long longestSpanOfYears(int years) {
    LocalDate start = LocalDate.of(2000, 1, 1);
    return Stream.iterate(start, d -> d.isBefore(start.plusYears(400)), d -> d.plusDays(1))
        .mapToLong(d -> ChronoUnit.DAYS.between(d, d.plusYears(years)))
        .max()
        .orElseThrow();
  }

  /** "P2192D" or "2192" (both accepted by Camunda) in days. */
  static long days(String timeToLive) {
    assertThat(timeToLive).as("historyTimeToLive").isNotBlank();
    Matcher m = Pattern.compile("(?:P(\\d+)D|(\\d+))").matcher(timeToLive.trim());
    assertThat(m.matches()).as("historyTimeToLive in days: " + timeToLive).isTrue();
    return Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
  }

  static List<Model> shippedModels() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Model> models = new ArrayList<>();
    for (Resource r : resolver.getResources("classpath*:processes/*.bpmn")) {
      try (InputStream in = r.getInputStream()) {
        for (Process p : Bpmn.readModelFromStream(in).getModelElementsByType(Process.class)) {
          models.add(new Model(r.getFilename(), p.getId(), p.getCamundaHistoryTimeToLiveString()));
        }
      }
    }
    for (Resource r : resolver.getResources("classpath*:processes/decisions/*.dmn")) {
      try (InputStream in = r.getInputStream()) {
        for (Decision d : Dmn.readModelFromStream(in).getModelElementsByType(Decision.class)) {
          models.add(new Model(r.getFilename(), d.getId(), d.getCamundaHistoryTimeToLiveString()));
        }
      }
    }
    return models;
  }
}

package fr.recouvrement.operations;

import static fr.recouvrement.cases.CaseFixtures.businessCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.CaseRun;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.TestServers;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.security.GroupIds;
import fr.recouvrement.security.TestUsers;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operations endpoints as a load balancer, Docker and Prometheus call them: health answers
 * anyone with a bare status, its details only to operators; info and metrics refuse anonymous
 * callers and case workers; the metrics move when a reminder goes out.
 */
@IntegrationTest
class OperationsEndpointsTest {
  static final String SCRAPER = "tscraper";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;
  @Autowired OperationsMetrics gauges;

  ApiClient anonymous;
  ApiClient scraper;

  @BeforeEach
  void setUp() {
    TestUsers.ensureAll(identity);
    TestUsers.ensure(identity, SCRAPER, GroupIds.MONITORING);
    anonymous = new ApiClient(port, null, null);
    scraper = TestUsers.as(port, SCRAPER);
    TestServers.reset();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anonymousHealthSaysUpAndNothingMore() {
    for (String path :
        new String[] {
          "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
        }) {
      ApiClient.Response r = anonymous.get(path);
      assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
      JsonNode body = r.json();
      assertThat(body.path("status").asText()).isEqualTo("UP");
      assertThat(body.has("components"))
          .as(path + " shows no components to anonymous: " + r.body())
          .isFalse();
      assertThat(body.has("details")).isFalse();
    }
  }

  @Test
  void anOperatorSeesWhatReadinessIsMadeOf() {
    JsonNode readiness = scraper.get("/actuator/health/readiness").json();

    assertThat(readiness.path("status").asText()).isEqualTo("UP");
    assertThat(readiness.path("components").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "readinessState", "db", "processEngine", "jobExecutor", "flyway");
    // tests run jobs themselves: the job executor is off on purpose, which is not a failure
    assertThat(readiness.at("/components/jobExecutor/details/jobExecution").asText())
        .startsWith("disabled by configuration");
    assertThat(readiness.at("/components/flyway/details/schemaVersion").asText()).isNotBlank();
    // a case worker is no operator: the bare status only
    assertThat(
            TestUsers.as(port, TestUsers.COLLECTOR)
                .get("/actuator/health/readiness")
                .json()
                .has("components"))
        .isFalse();
  }

  @Test
  void metricsAndInfoAreRefusedToAnonymousCallersAndCaseWorkers() {
    assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(anonymous.get("/actuator/info").status()).isEqualTo(401);
    assertThat(TestUsers.as(port, TestUsers.COLLECTOR).get("/actuator/prometheus").status())
        .isEqualTo(403);
    assertThat(TestUsers.as(port, TestUsers.AUDITOR).get("/actuator/prometheus").status())
        .isEqualTo(403);
    // only the three endpoints exist, even for an administrator
    assertThat(new ApiClient(port, "admin", "admin-test").get("/actuator/env").status())
        .isIn(403, 404);
    assertThat(
            new ApiClient(port, "admin", "admin-test")
                .get("/actuator/prometheus", "text/plain")
                .status())
        .isEqualTo(200);
  }

  @Test
  void infoSaysWhichVersionAndWhichModelsRun() {
    JsonNode info = scraper.get("/actuator/info").json();

    assertThat(info.at("/build/version").asText()).isNotBlank();
    assertThat(info.at("/models/processes/collection-case/version").asInt()).isPositive();
    assertThat(info.at("/models/decisions/reminder-cadence/version").asInt()).isPositive();
  }

  @Test
  void metricsMoveWhenAReminderIsSent() {
    String before = scrape();
    double sent =
        value(before, "recouvrement_communications_total", "channel", "email", "outcome", "sent");
    double executed = value(before, "recouvrement_jobs_total", "outcome", "executed");
    double amicable = value(before, "recouvrement_cases", "status", "AMICABLE");

    // Monday 2 March 2026, two days before the due date: the courtesy email goes out with the first
    // jobs
    ClockUtil.setCurrentTime(
        java.util.Date.from(
            java.time.LocalDateTime.parse("2026-03-02T09:00").atZone(CaseClock.PARIS).toInstant()));
    ApiClient.Response opened =
        new ApiClient(port, "admin", "admin-test")
            .postJson(
                "/api/cases",
                businessCase(newDebtorId(), "F-OPS-1", "1200.00", LocalDate.of(2026, 3, 4)));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    new CaseRun(engine, opened.json().path("reference").asText()).runDue();
    gauges.refreshNow();

    String after = scrape();
    assertThat(
            value(
                after, "recouvrement_communications_total", "channel", "email", "outcome", "sent"))
        .as(
            after
                .lines()
                .filter(l -> l.startsWith("recouvrement_communications"))
                .toList()
                .toString())
        .isEqualTo(sent + 1);
    assertThat(value(after, "recouvrement_jobs_total", "outcome", "executed"))
        .isGreaterThan(executed);
    assertThat(value(after, "recouvrement_cases", "status", "AMICABLE")).isEqualTo(amicable + 1);
    assertThat(after)
        .contains(
            "recouvrement_jobs_due ",
            "recouvrement_jobs_due_oldest_age_seconds",
            "recouvrement_incidents_open",
            "recouvrement_callbacks_refused_total",
            "recouvrement_import_lines_total");
  }

  @Test
  void aRefusedCallbackIsCounted() {
    double before = value(scrape(), "recouvrement_callbacks_refused_total");

    assertThat(
            anonymous
                .postJson("/api/callbacks/bailiff", "{\"eventId\": \"ops-unsigned\"}")
                .status())
        .isEqualTo(401);

    assertThat(value(scrape(), "recouvrement_callbacks_refused_total")).isEqualTo(before + 1);
  }

  /**
   * Each metric the Grafana dashboard (docker/monitoring) queries is one the application exposes,
   * and docs/operations.md lists each panel.
   */
  @Test
  void theGrafanaDashboardReadsMetricsTheApplicationExposesAndTheOperatorsPageListsItsPanels()
      throws Exception {
    JsonNode dashboard =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                java.nio.file.Path.of("docker/monitoring/grafana/dashboards/recouvrement.json")
                    .toFile());
    String operations = java.nio.file.Files.readString(java.nio.file.Path.of("docs/operations.md"));
    scrape(); // the scrape itself is an HTTP request: http_server_requests appears from the second
    // one
    String exposed = scrape();
    Pattern metric = Pattern.compile("\\b((?:recouvrement|jvm|hikaricp|http_server)_[a-z_]+)\\b");
    java.util.Set<String> queried = new java.util.TreeSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      assertThat(operations)
          .as("docs/operations.md lists the panel « %s »", panel.path("title").asText())
          .contains(panel.path("title").asText());
      for (JsonNode target : panel.path("targets")) {
        Matcher m = metric.matcher(target.path("expr").asText());
        while (m.find()) {
          queried.add(m.group(1));
        }
      }
    }
    assertThat(queried)
        .contains(
            "recouvrement_cases",
            "recouvrement_communications_total",
            "recouvrement_jobs_total",
            "recouvrement_jobs_due",
            "recouvrement_jobs_due_oldest_age_seconds",
            "recouvrement_incidents_open",
            "recouvrement_callbacks_refused_total",
            "recouvrement_import_lines_total");
    for (String name : queried) {
      assertThat(
              Pattern.compile("^" + Pattern.quote(name) + "[{ ]", Pattern.MULTILINE)
                  .matcher(exposed)
                  .find())
          .as("%s is exposed at /actuator/prometheus", name)
          .isTrue();
    }
  }

  private String scrape() {
    ApiClient.Response r = scraper.get("/actuator/prometheus", "text/plain");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  /** The sum of a metric's samples whose labels include these (0 when none was recorded yet). */
  static double value(String exposition, String name, String... labels) {
    Map<String, String> wanted = new java.util.HashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    Pattern sample =
        Pattern.compile("^" + Pattern.quote(name) + "(\\{([^}]*)\\})? (\\S+)$", Pattern.MULTILINE);
    Pattern label = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    double sum = 0;
    Matcher m = sample.matcher(exposition);
    while (m.find()) {
      Map<String, String> found = new java.util.HashMap<>();
      Matcher l = label.matcher(m.group(2) == null ? "" : m.group(2));
      while (l.find()) {
        found.put(l.group(1), l.group(2));
      }
      if (found.entrySet().containsAll(wanted.entrySet())) {
        sum += Double.parseDouble(m.group(3));
      }
    }
    return sum;
  }
}

package fr.recouvrement.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.IntegrationTest;
import fr.recouvrement.TestServers;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseStatus;
import fr.recouvrement.cases.OpenCaseRequest;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.bailiff.BailiffStubs;
import fr.recouvrement.security.TestUsers;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo portfolio written into the shared test context, read on the dashboard as a team lead
 * would on the first start, then removed with its one command: the shared data are as before. A
 * smaller portfolio than the 200 cases of a real first start (same phases and proportions), to keep
 * the suite's time; the full one is timed in docs/operations.md.
 */
@IntegrationTest
class DemoPortfolioTest {
  static final int SIZE = 30;

  @LocalServerPort int port;
  @Autowired DemoPortfolio portfolio;
  @Autowired CaseService cases;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  @BeforeEach
  void providersAcceptWhatTheCasesSend() {
    // as in production with providers set up: SMS and registered letters go out, the bailiff takes
    // missions
    TestServers.reset();
    TestServers.acceptSmsAndLetters("1A0000000DEMO");
    BailiffStubs.acceptMissions("CJ-DEMO-1");
  }

  @AfterEach
  void leaveTheSharedContextAsItWas() {
    TestServers.reset();
    if (demoCases() > 0) {
      portfolio.remove();
    }
    management.deleteProperty(DemoPortfolio.MARKER);
    ClockUtil.reset();
  }

  @Test
  void theDashboardShowsThePortfolioAfterItIsWrittenAndOneCommandTakesItAway() throws Exception {
    TestUsers.ensureAll(identity);
    LocalDate today = LocalDate.now(CaseClock.PARIS);
    String period = "/app/dashboard?from=" + today.minusYears(1) + "&to=" + today;
    Browser lead = new Browser();
    lead.logIn(TestUsers.SUPERVISOR);
    Map<String, String> before = kpis(lead.get(period));

    DemoPortfolio.Created created = portfolio.create(SIZE);

    assertThat(created.cases()).isEqualTo(SIZE);
    assertThat(ClockUtil.getCurrentTime().toInstant())
        .as("the engine's clock is back to now")
        .isCloseTo(Instant.now(), within(60));
    // every phase of collection is there, as the plan spreads them
    assertThat(created.byStatus().keySet())
        .contains(
            CaseStatus.AMICABLE,
            CaseStatus.PAYMENT_PLAN,
            CaseStatus.DISPUTED,
            CaseStatus.FORMAL_NOTICE,
            CaseStatus.ORDER_TO_PAY,
            CaseStatus.ENFORCEMENT,
            CaseStatus.INSOLVENCY,
            CaseStatus.PAID,
            CaseStatus.WRITTEN_OFF,
            CaseStatus.MEDIATION);
    assertThat(created.byStatus().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(SIZE);
    assertThat(
            jdbc.queryForObject(
                "select count(distinct c.segment) from collection_case c join debtor d on d.id = c.debtor_id where d.external_id like 'DEMO-P-%'",
                Integer.class))
        .as("segments")
        .isGreaterThanOrEqualTo(2);

    // histories look lived: cases opened months ago, their processes started that day, reminders
    // sent since
    Timestamp oldest =
        jdbc.queryForObject(
            "select min(c.opened_at) from collection_case c join debtor d on d.id = c.debtor_id where d.external_id like 'DEMO-P-%'",
            Timestamp.class);
    assertThat(oldest.toInstant()).isBefore(Instant.now().minus(Duration.ofDays(100)));
    Map<String, Object> first =
        jdbc.queryForMap(
            "select c.reference, c.opened_at from collection_case c join debtor d on d.id = c.debtor_id where d.external_id like 'DEMO-P-%'"
                + " order by c.opened_at fetch first 1 rows only");
    var started =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey((String) first.get("reference"))
            .processDefinitionKey(CaseService.PROCESS_KEY)
            .singleResult();
    assertThat(started.getStartTime().toInstant())
        .isCloseTo(((Timestamp) first.get("opened_at")).toInstant(), within(5));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from communication m join collection_case c on c.id = m.case_id join debtor d on d.id = c.debtor_id"
                    + " where d.external_id like 'DEMO-P-%' and m.created_at < ?",
                Long.class, Timestamp.from(Instant.now().minus(Duration.ofDays(30)))))
        .as("reminders sent more than a month ago")
        .isPositive();
    assertThat(
            tasks.createTaskQuery().processInstanceBusinessKeyLike("%").list().stream()
                .filter(t -> demoReferences().contains(businessKey(t.getProcessInstanceId())))
                .count())
        .as("demo tasks waiting in Tasklist")
        .isPositive();

    // the dashboard counts them: its cases and recovered amount grow by exactly the portfolio's
    Map<String, String> after = kpis(lead.get(period));
    long demoInPeriod =
        jdbc.queryForObject(
            "select count(*) from collection_case c join debtor d on d.id = c.debtor_id where d.external_id like 'DEMO-P-%'",
            Long.class);
    assertThat(Long.parseLong(after.get("cases")) - Long.parseLong(before.get("cases")))
        .isEqualTo(demoInPeriod);
    BigDecimal paidByDemo =
        jdbc.queryForObject(
            "select coalesce(sum(p.amount - p.unallocated), 0) from payment p join collection_case c on c.id = p.case_id"
                + " join debtor d on d.id = c.debtor_id where d.external_id like 'DEMO-P-%'",
            BigDecimal.class);
    assertThat(paidByDemo).isPositive();
    assertThat(amount(after.get("amountRecovered")).subtract(amount(before.get("amountRecovered"))))
        .isEqualByComparingTo(paidByDemo);
    assertThat(Long.parseLong(after.get("litigatedCases")))
        .isGreaterThan(Long.parseLong(before.get("litigatedCases")));

    // created once: a second start does nothing
    assertThatThrownBy(portfolio::createOnce)
        .isInstanceOf(DemoPortfolio.NotCreated.class)
        .hasMessageContaining("already created");

    // one command takes it all away, and the dashboard is as before
    var removed = TestUsers.as(port, TestUsers.SUPERVISOR).delete("/api/demo/portfolio");
    assertThat(removed.status()).as("only camunda-admin removes it").isEqualTo(403);
    var done =
        new fr.recouvrement.ApiClient(port, "admin", "admin-test").delete("/api/demo/portfolio");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().path("cases").asInt()).isEqualTo(SIZE);
    assertThat(demoCases()).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from debtor where external_id like 'DEMO-P-%'", Long.class))
        .isZero();
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey((String) first.get("reference"))
                .count())
        .isZero();
    assertThat(kpis(lead.get(period))).isEqualTo(before);
  }

  @Test
  void itIsNeverWrittenBesideRealCases() {
    cases.open(
        new OpenCaseRequest(
            new OpenCaseRequest.Debtor(
                "REAL-" + System.nanoTime(),
                "CONSUMER",
                "Jeanne Réelle",
                null,
                "jeanne@exemple.example",
                null,
                new OpenCaseRequest.Address("1 rue Réelle", "75001", "Paris", "FR")),
            List.of(
                new OpenCaseRequest.Invoice(
                    "F-REAL-" + System.nanoTime(),
                    LocalDate.now().minusDays(40),
                    LocalDate.now().minusDays(10),
                    new BigDecimal("120.00")))),
        "test");

    assertThatThrownBy(portfolio::createOnce)
        .isInstanceOf(DemoPortfolio.NotCreated.class)
        .hasMessageContaining("real cases exist");
    assertThat(demoCases()).isZero();
    assertThat(portfolio.marker()).isNull();
  }

  private long demoCases() {
    return jdbc.queryForObject(
        "select count(*) from collection_case c join debtor d on d.id = c.debtor_id where d.external_id like 'DEMO-P-%'",
        Long.class);
  }

  private List<String> demoReferences() {
    return jdbc.queryForList(
        "select c.reference from collection_case c join debtor d on d.id = c.debtor_id where d.external_id like 'DEMO-P-%'",
        String.class);
  }

  private String businessKey(String processInstanceId) {
    var instance =
        runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  private static org.assertj.core.data.TemporalUnitOffset within(long seconds) {
    return new org.assertj.core.data.TemporalUnitWithinOffset(
        seconds, java.time.temporal.ChronoUnit.SECONDS);
  }

  private static final Pattern KPI = Pattern.compile("data-kpi=\"(\\w+)\"[^>]*>([^<]*)<");

  /** The figures of the dashboard as the page shows them, by their data-kpi name. */
  private static Map<String, String> kpis(String page) {
    Map<String, String> figures = new java.util.TreeMap<>();
    Matcher m = KPI.matcher(page);
    while (m.find()) {
      figures.put(m.group(1), m.group(2).trim());
    }
    assertThat(figures).as(page).containsKeys("cases", "amountRecovered", "litigatedCases");
    return figures;
  }

  /** « 12 345,67 € » as the page writes it. */
  private static BigDecimal amount(String shown) {
    return new BigDecimal(shown.replaceAll("[^0-9,\\-]", "").replace(',', '.'));
  }

  /** A cookie-keeping client logged in to the pages. */
  final class Browser {
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    String get(String path) throws Exception {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Accept", "text/html")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      return r.body();
    }

    void logIn(String user) throws Exception {
      Matcher token =
          Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/app/login"));
      assertThat(token.find()).isTrue();
      String form =
          "username="
              + enc(user)
              + "&password="
              + enc(TestUsers.PASSWORD)
              + "&_csrf="
              + enc(token.group(1));
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/app/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(302);
    }

    private String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }
}

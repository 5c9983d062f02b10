package fr.recouvrement.kpi;

import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.money.CaseCosts;
import fr.recouvrement.security.TestUsers;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The KPIs of 2013 on a small portfolio computed by hand. 2013 is used by no other test: the cases
 * are opened through the API with the engine's clock moved there, so their dates (and nothing else
 * of the shared database) fall in the period.
 */
@IntegrationTest
class KpiApiTest {
  static final LocalDate FROM = LocalDate.of(2013, 1, 1);
  static final LocalDate TO = LocalDate.of(2013, 12, 31);
  static final AtomicInteger KEYS = new AtomicInteger();

  /** The portfolio is built once for the class: the figures are all about the same records. */
  static Map<String, Long> cases;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseCosts caseCosts;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;

  ApiClient api;

  @BeforeEach
  void portfolio() {
    api = new ApiClient(port, "admin", "admin-test");
    if (cases == null) {
      cases = build();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /*
   * The portfolio of 2013 (every case a consumer, so no late penalty: payments pay principal only):
   *
   *   A  opened 2013-02-01, segment S1, invoice 1000.00 due 2013-01-15                          due 1000.00
   *   B  opened 2013-03-01, segment S1, invoices 600.00 due 02-10 and 400.00 due 02-20,
   *      100.00 of the second credited                                                         due  900.00
   *   C  opened 2013-05-01, segment S2, invoice 2000.00 due 2013-04-01; formal notice 09-01    due 2000.00
   *   D  opened 2012-06-01, segment S2, invoice 500.00 due 2012-05-01; status ENFORCEMENT      due  500.00
   *   G  opened 2013-06-01, closed 2013-08-15 (paid), segment S1, invoice 250.00 due 05-10    due  250.00
   *   out of the portfolio: E (closed 2012-12-20) and F (opened 2014-01-05)
   *   cases = 5, amountDue = 4650.00
   *
   * Payments of 2013 (principal, days from the invoice's due date):
   *   A 2013-03-05 300.00                    300 x 49
   *   B 2013-04-10 700.00  (600 on B1, 100 on B2)   600 x 59 + 100 x 49
   *   C 2013-09-10 500.00                    500 x 162
   *   C 2013-11-12 200.00                    200 x 225
   *   G 2013-08-10 250.00                    250 x 92
   *   B 2013-12-30 250.00, 50.00 of it over the balance (unallocated)   200 x 313
   *   D 2013-01-05  50.00                     50 x 249
   *   amountRecovered = 300 + 700 + 500 + 200 + 250 + 200 + 50 = 2200.00
   *   recoveryRate = 2200 / 4650 = 0.47312 -> 0.4731
   *   averageCollectionDelayDays = (14700 + 35400 + 4900 + 81000 + 45000 + 23000 + 62600 + 12450) / 2200
   *                              = 279050 / 2200 = 126.84 -> 126.8
   *   not counted: D 2012-12-20 (before), A 2014-01-03 (after), E and F's payments (out of the portfolio)
   *
   * Litigation: C (formal notice sent 2013-09-01), D (status ENFORCEMENT); not A (a prescription warning
   * is no legal phase), not B (its notice is dated 2014). litigationRate = 2 / 5 = 0.4
   *
   * Actions of 2013 and their cost (email 0.00, SMS 0.08, letter 1.50, registered letter 6.50, call 2.00):
   *   EMAIL   A 02-20, G 08-01                                   2 x 0.00 = 0.00
   *   SMS     A 03-01, B 12-10                                   2 x 0.08 = 0.16
   *   LETTER  B 04-02, A 12-25                                   2 x 1.50 = 3.00
   *   REGISTERED_LETTER  C 09-01 (the formal notice)             1 x 6.50 = 6.50
   *   PHONE_CALL  B 03-30 (no answer), D 06-15 (reached)         2 x 2.00 = 4.00
   *   BAILIFF  C 11-05 (fee)                                              120.00
   *   no action: A's dry-run email of 03-04, B's failed SMS of 12-20, E's SMS (E is out), D's court
   *   fee of 2012, D's REGISTERED_LETTER cost row (the letter is costed by its communication)
   *   collectionCost = 133.66; costPerEuroRecovered = 133.66 / 2200 = 0.060754 -> 0.0608
   *
   * Recovered after each channel (last action on the case on or before the payment, within 15 days):
   *   EMAIL   G 08-10 250 (9 days after the email)              250.00, no cost: roi null
   *   SMS     A 03-05 300 (4 days after; the dry run of 03-04 is no action)   300.00, roi (300 - 0.16) / 0.16 = 1874.0
   *   LETTER  B 04-10 700 (8 days), A 2014-01-03 100 (9 days after the letter of 12-25, paid after the
   *           period but brought by an action of it)           800.00, roi 797 / 3 = 265.6667
   *   REGISTERED_LETTER  C 09-10 500 (9 days)                  500.00, roi 493.5 / 6.5 = 75.9231
   *   PHONE_CALL  nothing                                        0.00, roi -4 / 4 = -1.0
   *   BAILIFF C 11-12 200 (7 days after the fee)                200.00, roi 80 / 120 = 0.6667
   *   after no action of the period: B 12-30 (20 days after its SMS; the failed SMS is no action),
   *   D 01-05 (after an SMS of 2012-12-28, an action of the previous period)
   *
   * By segment (actions and cost of 2013, recovered in 2013):
   *   S1 (A, B, G): 7 actions, 0.08 + 1.50 + 2.00 + 1.50 + 0.08 = 5.16, recovered 300 + 900 + 250 = 1450.00,
   *                 roi 1444.84 / 5.16 = 280.0078
   *   S2 (C, D):    3 actions, 6.50 + 120.00 + 2.00 = 128.50, recovered 700 + 50 = 750.00, roi 621.5 / 128.5 = 4.8366
   */
  private Map<String, Long> build() {
    Map<String, Long> ids = new HashMap<>();
    ids.put(
        "A",
        open(
            LocalDate.of(2013, 2, 1),
            "S1",
            invoice("A1", LocalDate.of(2012, 12, 16), LocalDate.of(2013, 1, 15), "1000.00")));
    ids.put(
        "B",
        open(
            LocalDate.of(2013, 3, 1),
            "S1",
            invoice("B1", LocalDate.of(2013, 1, 11), LocalDate.of(2013, 2, 10), "600.00"),
            invoice("B2", LocalDate.of(2013, 1, 21), LocalDate.of(2013, 2, 20), "400.00")));
    ids.put(
        "C",
        open(
            LocalDate.of(2013, 5, 1),
            "S2",
            invoice("C1", LocalDate.of(2013, 3, 2), LocalDate.of(2013, 4, 1), "2000.00")));
    ids.put(
        "D",
        open(
            LocalDate.of(2012, 6, 1),
            "S2",
            invoice("D1", LocalDate.of(2012, 4, 1), LocalDate.of(2012, 5, 1), "500.00")));
    ids.put(
        "G",
        open(
            LocalDate.of(2013, 6, 1),
            "S1",
            invoice("G1", LocalDate.of(2013, 4, 10), LocalDate.of(2013, 5, 10), "250.00")));
    ids.put(
        "E",
        open(
            LocalDate.of(2012, 1, 10),
            "S1",
            invoice("E1", LocalDate.of(2011, 12, 1), LocalDate.of(2011, 12, 31), "300.00")));
    ids.put(
        "F",
        open(
            LocalDate.of(2014, 1, 5),
            "S1",
            invoice("F1", LocalDate.of(2013, 11, 1), LocalDate.of(2013, 12, 1), "700.00")));
    ClockUtil.reset();

    jdbc.update(
        "update invoice set credited_amount = 100.00 where case_id = ? and number = 'B2'",
        ids.get("B"));
    jdbc.update("update collection_case set status = 'ENFORCEMENT' where id = ?", ids.get("D"));
    close(ids.get("G"), LocalDate.of(2013, 8, 15));
    close(ids.get("E"), LocalDate.of(2012, 12, 20));

    pay(ids.get("A"), "2013-03-05", "300.00", "0", "A1", "300.00");
    pay(ids.get("B"), "2013-04-10", "700.00", "0", "B1", "600.00", "B2", "100.00");
    pay(ids.get("C"), "2013-09-10", "500.00", "0", "C1", "500.00");
    pay(ids.get("C"), "2013-11-12", "200.00", "0", "C1", "200.00");
    pay(ids.get("G"), "2013-08-10", "250.00", "0", "G1", "250.00");
    pay(ids.get("B"), "2013-12-30", "250.00", "50.00", "B2", "200.00");
    pay(ids.get("D"), "2013-01-05", "50.00", "0", "D1", "50.00");
    pay(ids.get("D"), "2012-12-20", "100.00", "0", "D1", "100.00");
    pay(ids.get("A"), "2014-01-03", "100.00", "0", "A1", "100.00");
    pay(ids.get("E"), "2012-12-20", "300.00", "0", "E1", "300.00");
    pay(ids.get("F"), "2014-01-06", "700.00", "0", "F1", "700.00");

    send(ids.get("A"), "EMAIL", "relance-courtoise", "SENT", "2013-02-20T10:00");
    send(ids.get("A"), "SMS", "relance-sms", "SENT", "2013-03-01T10:00");
    send(ids.get("A"), "EMAIL", "relance-ferme", "DRY_RUN", "2013-03-04T10:00");
    send(ids.get("A"), "LETTER", "relance-ferme", "SENT", "2013-12-25T10:00");
    send(ids.get("B"), "PHONE_CALL", "appel", "NO_ANSWER", "2013-03-30T10:00");
    send(ids.get("B"), "LETTER", "relance-courtoise", "SENT", "2013-04-02T10:00");
    send(ids.get("B"), "SMS", "relance-sms", "SENT", "2013-12-10T10:00");
    send(ids.get("B"), "SMS", "relance-sms-ferme", "FAILED", "2013-12-20T10:00");
    send(ids.get("C"), "LETTER", "mise-en-demeure", "SENT", "2013-09-01T10:00");
    send(ids.get("D"), "SMS", "relance-sms", "SENT", "2012-12-28T10:00");
    send(ids.get("D"), "PHONE_CALL", "appel", "REACHED", "2013-06-15T10:00");
    send(ids.get("G"), "EMAIL", "relance-courtoise", "SENT", "2013-08-01T10:00");
    send(ids.get("E"), "SMS", "relance-sms", "SENT", "2013-01-05T10:00");

    caseCosts.record(
        ids.get("C"),
        "BAILIFF_FEE",
        new BigDecimal("120.00"),
        LocalDate.of(2013, 11, 5),
        "mission-kpi",
        "test");
    caseCosts.record(
        ids.get("D"),
        "COURT_FEE",
        new BigDecimal("35.00"),
        LocalDate.of(2012, 12, 15),
        "legal-event-kpi",
        "test");
    caseCosts.record(
        ids.get("D"),
        "REGISTERED_LETTER",
        new BigDecimal("6.50"),
        LocalDate.of(2013, 7, 1),
        "lrar-kpi",
        "test");

    legalEvent(ids.get("C"), "FORMAL_NOTICE_SENT", "2013-09-01");
    legalEvent(ids.get("A"), "PRESCRIPTION_WARNING", "2013-06-01");
    legalEvent(ids.get("B"), "FORMAL_NOTICE_SENT", "2014-02-01");
    return ids;
  }

  @Test
  void theKpisOf2013AreTheOnesComputedByHand() {
    Response r = api.get("/api/kpis?from=2013-01-01&to=2013-12-31");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode k = r.json();
    assertThat(k.get("from").asText()).isEqualTo("2013-01-01");
    assertThat(k.get("to").asText()).isEqualTo("2013-12-31");
    assertThat(k.get("cases").asInt()).isEqualTo(5);
    assertThat(k.get("amountDue").decimalValue()).isEqualByComparingTo("4650.00");
    assertThat(k.get("amountRecovered").decimalValue()).isEqualByComparingTo("2200.00");
    assertThat(k.get("recoveryRate").asDouble()).isEqualTo(0.4731);
    assertThat(k.get("averageCollectionDelayDays").asDouble()).isEqualTo(126.8);
    assertThat(k.get("litigatedCases").asInt()).isEqualTo(2);
    assertThat(k.get("litigationRate").asDouble()).isEqualTo(0.4);
    assertThat(k.get("collectionCost").decimalValue()).isEqualByComparingTo("133.66");
    assertThat(k.get("costPerEuroRecovered").asDouble()).isEqualTo(0.0608);

    assertThat(lines(k.get("byChannel")))
        .containsExactly(
            "EMAIL 2 0.00 250.00 null",
            "SMS 2 0.16 300.00 1874.0",
            "LETTER 2 3.00 800.00 265.6667",
            "REGISTERED_LETTER 1 6.50 500.00 75.9231",
            "PHONE_CALL 2 4.00 0.00 -1.0",
            // no debtor used the portal in this portfolio: listed all the same
            "PORTAL 0 0.00 0.00 null",
            "BAILIFF 1 120.00 200.00 0.6667");
    assertThat(lines(k.get("bySegment")))
        .containsExactly("S1 7 5.16 1450.00 280.0078", "S2 3 128.50 750.00 4.8366");
  }

  @Test
  void theStrategyVersionIsTheVersionTagOfTheCaseProcessWhenOneStrategyRanThePeriod() {
    String pid =
        jdbc.queryForObject(
            "select process_instance_id from collection_case where id = ?",
            String.class,
            cases.get("A"));
    String definitionId =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(pid)
            .singleResult()
            .getProcessDefinitionId();
    String tag = repository.getProcessDefinition(definitionId).getVersionTag();

    JsonNode k = api.get("/api/kpis?from=2013-01-01&to=2013-12-31").json();

    // every case of the portfolio started under the same models: the case process's tag says it
    assertThat(lines(k.get("byStrategyVersion")))
        .containsExactly("collection-case " + tag + " 10 133.66 2200.00 15.4597");
    // what the case recorded at its start: the case process first, then what it calls and decides
    String models =
        jdbc.queryForObject(
            "select s.models from strategy_version s join collection_case c"
                + " on c.strategy_version = s.fingerprint where c.id = ?",
            String.class,
            cases.get("A"));
    assertThat(models.lines().toList())
        .startsWith("collection-case " + tag)
        .anyMatch(l -> l.startsWith("amicable-reminders "))
        .anyMatch(l -> l.startsWith("reminder-cadence "))
        .anyMatch(l -> l.startsWith("debtor-segment "))
        .anyMatch(l -> l.startsWith("house-delays "));
  }

  @Test
  void aTableRedeployedWithANewVersionTagMakesASecondGroupOfTheCasesOpenedAfterIt()
      throws Exception {
    String caseTag =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey("collection-case")
            .latestVersion()
            .singleResult()
            .getVersionTag();
    String segmentTag =
        repository
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey("debtor-segment")
            .latestVersion()
            .singleResult()
            .getVersionTag();
    // 2007 is no other test's period; both cases are closed within it
    long before =
        open(
            LocalDate.of(2007, 3, 1),
            "S1",
            invoice("V1", LocalDate.of(2007, 1, 1), LocalDate.of(2007, 1, 31), "400.00"));
    ClockUtil.reset();
    // an analyst changes the segmentation table and raises its tag
    String shipped;
    try (InputStream in =
        getClass().getResourceAsStream("/processes/decisions/debtor-segment.dmn")) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String changed =
        shipped.replaceFirst(
            "camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"" + segmentTag + "-kpi\"");
    assertThat(changed).isNotEqualTo(shipped);
    String deployment =
        repository
            .createDeployment()
            .name("kpi-strategy-test")
            .addString("debtor-segment.dmn", changed)
            .deploy()
            .getId();
    long after;
    try {
      after =
          open(
              LocalDate.of(2007, 4, 1),
              "S1",
              invoice("V2", LocalDate.of(2007, 2, 1), LocalDate.of(2007, 3, 3), "300.00"));
    } finally {
      ClockUtil.reset();
      // the tests after this one see the shipped table again
      repository.deleteDeployment(deployment, true);
    }
    pay(after, "2007-05-02", "120.00", "0", "V2", "120.00");
    close(before, LocalDate.of(2007, 12, 31));
    close(after, LocalDate.of(2007, 12, 31));

    JsonNode k = api.get("/api/kpis?from=2007-01-01&to=2007-12-31").json();

    // two groups, named by the one table whose tag differs; the 120.00 recovered on the second
    assertThat(lines(k.get("byStrategyVersion")))
        .containsExactly(
            "collection-case " + caseTag + " · debtor-segment " + segmentTag + " 0 0.00 0.00 null",
            "collection-case "
                + caseTag
                + " · debtor-segment "
                + segmentTag
                + "-kpi 0 0.00 120.00 null");
  }

  @Test
  void aPeriodWithoutCasesHasNoRates() {
    JsonNode k = api.get("/api/kpis?from=2011-01-01&to=2011-01-31").json();

    assertThat(k.get("cases").asInt()).isZero();
    assertThat(k.get("amountDue").decimalValue()).isEqualByComparingTo("0");
    assertThat(k.get("recoveryRate").isNull()).isTrue();
    assertThat(k.get("averageCollectionDelayDays").isNull()).isTrue();
    assertThat(k.get("litigationRate").isNull()).isTrue();
    assertThat(k.get("costPerEuroRecovered").isNull()).isTrue();
    assertThat(k.get("byChannel")).hasSize(6);
    assertThat(k.get("bySegment")).isEmpty();
  }

  @Test
  void withoutDatesTheLastTwelveMonthsUntilToday() {
    Response r = api.get("/api/kpis");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    LocalDate today = CaseClock.today();
    assertThat(r.json().get("to").asText()).isEqualTo(today.toString());
    assertThat(r.json().get("from").asText()).isEqualTo(today.minusYears(1).plusDays(1).toString());
  }

  @Test
  void analystsAndAuditorsReadTheKpisAUserInNoGroupDoesNot() {
    TestUsers.ensureAll(identity);

    assertThat(
            TestUsers.as(port, TestUsers.ANALYST)
                .get("/api/kpis?from=2013-01-01&to=2013-12-31")
                .status())
        .isEqualTo(200);
    assertThat(
            TestUsers.as(port, TestUsers.AUDITOR)
                .get("/api/kpis?from=2013-01-01&to=2013-12-31")
                .status())
        .isEqualTo(200);
    assertThat(
            TestUsers.as(port, TestUsers.NO_GROUP)
                .get("/api/kpis?from=2013-01-01&to=2013-12-31")
                .status())
        .isEqualTo(403);
    assertThat(new ApiClient(port, null, null).get("/api/kpis").status()).isEqualTo(401);
  }

  @Test
  void badDatesAreRefusedNamingTheField() {
    assertProblem(api.get("/api/kpis?from=2013-13-01&to=2013-12-31"), "from");
    assertProblem(api.get("/api/kpis?from=2013-01-01&to=31/12/2013"), "to");
    assertProblem(api.get("/api/kpis?from=2013-12-31&to=2013-01-01"), "from");
    assertProblem(api.get("/api/kpis?from=hier&to=demain"), "from", "to");
  }

  private static void assertProblem(Response r, String... fields) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    List<String> named = new ArrayList<>();
    r.json().get("errors").forEach(e -> named.add(e.get("field").asText()));
    assertThat(named).containsExactly(fields);
  }

  private static List<String> lines(JsonNode breakdown) {
    List<String> lines = new ArrayList<>();
    for (JsonNode b : breakdown) {
      lines.add(
          "%s %d %s %s %s"
              .formatted(
                  b.get("key").asText(),
                  b.get("actions").asInt(),
                  b.get("cost").decimalValue().setScale(2),
                  b.get("recoveredAfter").decimalValue().setScale(2),
                  b.get("roi").isNull() ? "null" : b.get("roi").asText()));
    }
    return lines;
  }

  @Test
  void aCaseCountsAsLitigatedFromTheDayItEnteredALegalPhaseNotBefore() {
    long id =
        open(
            LocalDate.of(2009, 3, 1),
            "S1",
            invoice("L1", LocalDate.of(2009, 1, 1), LocalDate.of(2009, 1, 31), "800.00"));
    ClockUtil.reset();
    // the formal notice phase began on 1 February 2010, as the case's phase history records it
    jdbc.update("update collection_case set status = 'FORMAL_NOTICE' where id = ?", id);
    jdbc.update(
        "insert into case_phase (case_id, status, changed_at, changed_by) values (?, 'FORMAL_NOTICE', ?, 'system')",
        id,
        Timestamp.valueOf(LocalDate.of(2010, 2, 1).atTime(10, 0)));
    // closed at the end of 2010, so that it stays out of the other tests' periods
    close(id, LocalDate.of(2010, 12, 31));

    JsonNode year2009 = api.get("/api/kpis?from=2009-01-01&to=2009-12-31").json();
    assertThat(year2009.get("cases").asInt()).isEqualTo(1);
    assertThat(year2009.get("litigatedCases").asInt())
        .as("not yet in a legal phase in 2009")
        .isZero();
    JsonNode year2010 = api.get("/api/kpis?from=2010-01-01&to=2010-12-31").json();
    assertThat(year2010.get("litigatedCases").asInt()).isEqualTo(1);
    assertThat(year2010.get("litigationRate").asDouble()).isEqualTo(1.0);
  }

  /**
   * Opens a consumer case through the API on that day (the engine's clock moved there), with its
   * segment.
   */
  private long open(LocalDate on, String segment, String... invoices) {
    ClockUtil.setCurrentTime(Date.from(on.atTime(9, 0).atZone(CaseClock.PARIS).toInstant()));
    Response r = api.postJson("/api/cases", caseJson(newDebtorId(), "CONSUMER", "", invoices));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    long id =
        jdbc.queryForObject(
            "select id from collection_case where reference = ?",
            Long.class,
            r.json().get("reference").asText());
    jdbc.update("update collection_case set segment = ? where id = ?", segment, id);
    return id;
  }

  private void close(long caseId, LocalDate on) {
    jdbc.update(
        "update collection_case set status = 'PAID', open_debtor_id = null, closed_at = ?, closing_reason = 'kpi test' where id = ?",
        Timestamp.valueOf(on.atTime(12, 0)),
        caseId);
  }

  /** A payment and its allocation: pairs of invoice number and principal. */
  private void pay(
      long caseId, String paidOn, String amount, String unallocated, String... allocation) {
    String reference = "KPI-" + KEYS.incrementAndGet();
    jdbc.update(
        "insert into payment (case_id, reference, amount, unallocated, paid_on, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, 'test')",
        caseId,
        reference,
        new BigDecimal(amount),
        new BigDecimal(unallocated),
        java.sql.Date.valueOf(paidOn),
        Timestamp.valueOf(LocalDate.parse(paidOn).atTime(12, 0)));
    long paymentId =
        jdbc.queryForObject(
            "select id from payment where case_id = ? and reference = ?",
            Long.class,
            caseId,
            reference);
    for (int i = 0; i < allocation.length; i += 2) {
      long invoiceId =
          jdbc.queryForObject(
              "select id from invoice where case_id = ? and number = ?",
              Long.class,
              caseId,
              allocation[i]);
      jdbc.update(
          "insert into payment_allocation (payment_id, invoice_id, principal, penalty, indemnity, rates_version) values (?, ?, ?, 0, 0, 'test')",
          paymentId,
          invoiceId,
          new BigDecimal(allocation[i + 1]));
    }
  }

  /** A communication sent at that Paris time. */
  private void send(long caseId, String channel, String template, String status, String parisTime) {
    Timestamp at =
        Timestamp.from(LocalDateTime.parse(parisTime).atZone(CaseClock.PARIS).toInstant());
    jdbc.update(
        "insert into communication (case_id, idempotency_key, channel, recipient, template, status, created_at, sent_at) values (?, ?, ?, 'debiteur', ?, ?, ?, ?)",
        caseId,
        "kpi-test/" + KEYS.incrementAndGet(),
        channel,
        template,
        status,
        at,
        "SENT".equals(status) || "PHONE_CALL".equals(channel) ? at : null);
  }

  private void legalEvent(long caseId, String type, String on) {
    jdbc.update(
        "insert into legal_event (case_id, type, occurred_on, recorded_at, recorded_by) values (?, ?, ?, ?, 'test')",
        caseId,
        type,
        java.sql.Date.valueOf(on),
        Timestamp.valueOf(LocalDate.parse(on).atTime(12, 0)));
  }
}

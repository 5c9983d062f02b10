package fr.recouvrement.cases;

import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static fr.recouvrement.cases.CaseFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.kernel.time.CaseClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a real PostgreSQL server (profile "postgres"), started by the build:
 * Flyway, Camunda's schema and the case API must work there exactly as on H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
@DirtiesContext
class PostgresCaseApiTest {
  static final EmbeddedPostgres POSTGRES = fr.recouvrement.TestPostgres.start();

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    fr.recouvrement.TestPostgres.datasource(registry, POSTGRES);
    // Camunda keeps engines in a JVM-wide registry by name, where /engine-rest and the webapps look
    // them up: under "default" this engine would replace the shared H2 context's one for every
    // later test
    registry.add("camunda.bpm.process-engine-name", () -> "postgres");
    // the webapps keep JVM-wide runtime delegates too: this context's would take over the shared
    // context's Tasklist and, once closed, leave it answering 500 (TasklistBrowserTest)
    registry.add("camunda.bpm.webapp.enabled", () -> "false");
  }

  // No @AfterAll stop: @DirtiesContext closes this class's context (and its engine) after the
  // class,
  // while the server still runs; the server's own shutdown hook stops it when the JVM exits.

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired fr.recouvrement.audit.ClosedCases closedCases;

  @Test
  void aCaseIsOpenedReadAndPaidOnPostgres() {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    ApiClient api = new ApiClient(port, "admin", "admin-test");
    LocalDate today = LocalDate.now(CaseClock.PARIS);

    Response opened =
        api.postJson(
            "/api/cases",
            CaseFixtures.businessCase(newDebtorId(), "F-PG-1", "1850.00", today.minusDays(3)));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String reference = opened.json().get("reference").asText();

    JsonNode read = api.get("/api/cases/" + reference).json();
    assertThat(read.get("status").asText()).isEqualTo("AMICABLE");
    assertThat(read.get("principal").decimalValue()).isEqualByComparingTo("1850.00");
    // three days late: the EUR 40 indemnity and a penalty, so the balance is more than the
    // principal
    assertThat(read.get("invoices").get(0).get("recoveryIndemnity").decimalValue())
        .isEqualByComparingTo("40.00");
    BigDecimal quoted = read.get("balance").decimalValue();
    assertThat(quoted)
        .isEqualByComparingTo(new BigDecimal("1850.00").add(read.get("penalties").decimalValue()));
    assertThat(api.get("/api/cases?status=AMICABLE").json().get("total").asLong())
        .isGreaterThanOrEqualTo(1);
    // the list's search and orders run on PostgreSQL too (a name part, case-insensitive; the oldest
    // unpaid first)
    for (String sort : java.util.List.of("RECENT", "BALANCE", "OVERDUE")) {
      ApiClient.Response listed = api.get("/api/cases?q=BOULANGERIE&sort=" + sort);
      assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
      assertThat(listed.json().get("total").asLong()).isGreaterThanOrEqualTo(1);
    }

    JsonNode paid =
        api.postJson(
                "/api/cases/" + reference + "/payments",
                payment(quoted.toPlainString(), today, "VIR-PG"))
            .json();
    assertThat(paid.get("status").asText()).as(paid.toString()).isEqualTo("PAID");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from payment_allocation a join payment p on p.id = a.payment_id where p.reference = 'VIR-PG'",
                Long.class))
        .isEqualTo(1);
  }

  /**
   * The auditors' search of closed cases (a LIKE with an escape character, a page by LIMIT/OFFSET)
   * runs on PostgreSQL as on H2.
   */
  @Test
  void closedCasesAreFoundOnPostgres() {
    ApiClient api = new ApiClient(port, "admin", "admin-test");
    LocalDate today = LocalDate.now(CaseClock.PARIS);
    Response opened =
        api.postJson(
            "/api/cases", CaseFixtures.businessCase(newDebtorId(), "F-PG-CLOSED", "120.00", today));
    String reference = opened.json().get("reference").asText();
    BigDecimal balance = api.get("/api/cases/" + reference).json().get("balance").decimalValue();
    assertThat(
            api.postJson(
                    "/api/cases/" + reference + "/payments",
                    payment(balance.toPlainString(), today, "VIR-PG-CLOSED"))
                .json()
                .get("status")
                .asText())
        .isEqualTo("PAID");

    fr.recouvrement.audit.ClosedCases.Page found =
        closedCases.search(reference.toLowerCase(), "PAID", 0, 25);

    assertThat(found.total()).isEqualTo(1);
    assertThat(found.items().get(0).reference()).isEqualTo(reference);
    assertThat(found.items().get(0).principal()).isEqualByComparingTo("120.00");
    // '%' and '_' are searched for as they are, not as wildcards
    assertThat(closedCases.search("%_%", null, 0, 25).total()).isZero();
  }

  /**
   * The KPI queries (grouped SQL, date and time bounds, lists of statuses) run on PostgreSQL as on
   * H2 (KpiApiTest).
   */
  @Test
  void theKpisAreComputedOnPostgres() {
    ApiClient api = new ApiClient(port, "admin", "admin-test");
    // June 2013: no other case of this database falls in it
    ClockUtil.setCurrentTime(
        Date.from(LocalDate.of(2013, 6, 1).atTime(9, 0).atZone(CaseClock.PARIS).toInstant()));
    Response opened;
    try {
      opened =
          api.postJson(
              "/api/cases",
              CaseFixtures.consumerCase(
                  newDebtorId(), "F-PG-KPI", "500.00", LocalDate.of(2013, 5, 1)));
    } finally {
      ClockUtil.reset();
    }
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    long caseId =
        jdbc.queryForObject(
            "select id from collection_case where reference = ?",
            Long.class,
            opened.json().get("reference").asText());
    long invoiceId =
        jdbc.queryForObject("select id from invoice where case_id = ?", Long.class, caseId);
    jdbc.update(
        "insert into payment (case_id, reference, amount, unallocated, paid_on, recorded_at) values (?, 'VIR-PG-KPI', 200.00, 0, ?, ?)",
        caseId,
        java.sql.Date.valueOf("2013-06-11"),
        Timestamp.valueOf("2013-06-11 12:00:00"));
    long paymentId =
        jdbc.queryForObject("select id from payment where case_id = ?", Long.class, caseId);
    jdbc.update(
        "insert into payment_allocation (payment_id, invoice_id, principal, penalty, indemnity, rates_version) values (?, ?, 200.00, 0, 0, 'test')",
        paymentId,
        invoiceId);
    Timestamp smsAt =
        Timestamp.from(LocalDateTime.parse("2013-06-05T10:00").atZone(CaseClock.PARIS).toInstant());
    jdbc.update(
        "insert into communication (case_id, idempotency_key, channel, template, status, created_at, sent_at) values (?, 'pg-kpi-sms', 'SMS', 'relance-sms', 'SENT', ?, ?)",
        caseId,
        smsAt,
        smsAt);
    jdbc.update(
        "insert into legal_event (case_id, type, occurred_on, recorded_at) values (?, 'FORMAL_NOTICE_SENT', ?, ?)",
        caseId,
        java.sql.Date.valueOf("2013-06-20"),
        Timestamp.valueOf("2013-06-20 12:00:00"));
    jdbc.update(
        "insert into case_cost (case_id, kind, amount, incurred_on, reference, recorded_at) values (?, 'BAILIFF_FEE', 50.00, ?, 'pg-kpi', ?)",
        caseId,
        java.sql.Date.valueOf("2013-06-25"),
        Timestamp.valueOf("2013-06-25 12:00:00"));

    Response r = api.get("/api/kpis?from=2013-06-01&to=2013-06-30");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode k = r.json();
    assertThat(k.get("cases").asInt()).isEqualTo(1);
    assertThat(k.get("amountDue").decimalValue()).isEqualByComparingTo("500.00");
    assertThat(k.get("amountRecovered").decimalValue()).isEqualByComparingTo("200.00");
    assertThat(k.get("recoveryRate").asDouble()).isEqualTo(0.4);
    // 200.00 paid 41 days after its due date
    assertThat(k.get("averageCollectionDelayDays").asDouble()).isEqualTo(41.0);
    assertThat(k.get("litigationRate").asDouble()).isEqualTo(1.0);
    // an SMS (0.08) and a bailiff fee (50.00); 50.08 / 200 = 0.2504
    assertThat(k.get("collectionCost").decimalValue()).isEqualByComparingTo("50.08");
    assertThat(k.get("costPerEuroRecovered").asDouble()).isEqualTo(0.2504);
    JsonNode sms = k.get("byChannel").get(1);
    assertThat(sms.get("key").asText()).isEqualTo("SMS");
    assertThat(sms.get("recoveredAfter").decimalValue()).isEqualByComparingTo("200.00");
    // the strategy the case recorded at its start (migration V32 on PostgreSQL): the case process's
    // version tag
    assertThat(k.get("byStrategyVersion").get(0).get("key").asText())
        .startsWith("collection-case ");
  }
}

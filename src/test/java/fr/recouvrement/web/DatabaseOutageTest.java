package fr.recouvrement.web;

import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database out of reach during a payment and during an import (every connection of the pool
 * held elsewhere: no connection can be had within the pool's timeout, exactly what the application
 * sees when the server is down or failing over): the API answers 503 problem+json with Retry-After,
 * nothing is half-written, and the same requests sent again once it is back change exactly what was
 * missing.
 */
@IntegrationTest
class DatabaseOutageTest {
  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port, "admin", "admin-test");
  }

  private final java.util.List<java.sql.Connection> held = new java.util.ArrayList<>();

  /**
   * Takes every connection the pool can give: from now on a request waits its timeout and fails.
   */
  private void databaseGone() throws java.sql.SQLException {
    HikariDataSource pool = pool();
    while (held.size() < pool.getMaximumPoolSize()) {
      held.add(pool.getConnection());
    }
  }

  @AfterEach
  void databaseBack() throws java.sql.SQLException {
    for (java.sql.Connection c : held) {
      c.close();
    }
    held.clear();
  }

  private HikariDataSource pool() {
    try {
      return dataSource.unwrap(HikariDataSource.class);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aPaymentDuringAnOutageIsA503AndTheSamePaymentAfterItCountsOnce() throws Exception {
    String reference = open(newDebtorId());
    String payment =
        "{\"amount\": 100.00, \"date\": \"2026-03-02\", \"reference\": \"VIR-%s\"}"
            .formatted(newDebtorId());

    databaseGone();
    ApiClient.Response during = api.postJson("/api/cases/" + reference + "/payments", payment);
    databaseBack();

    assertThat(during.status()).as(during.toString()).isEqualTo(503);
    assertThat(during.header("Content-Type")).startsWith("application/problem+json");
    assertThat(during.header("Retry-After"))
        .isEqualTo(DatabaseUnavailableProblems.RETRY_AFTER_SECONDS);
    assertThat(during.body()).doesNotContain("Exception", "SQL", "jdbc");
    assertThat(payments(reference)).isZero();

    ApiClient.Response after = api.postJson("/api/cases/" + reference + "/payments", payment);
    ApiClient.Response again = api.postJson("/api/cases/" + reference + "/payments", payment);

    assertThat(after.status()).isIn(200, 201);
    assertThat(again.status()).isIn(200, 201, 409);
    assertThat(payments(reference)).isEqualTo(1);
  }

  @Test
  void anImportDuringAnOutageIsA503NotAFileOfRejectedLinesAndTheReimportAddsWhatWasMissing()
      throws Exception {
    String a = newDebtorId();
    String b = newDebtorId();
    String csv =
        "debtor_id,debtor_type,debtor_name,siren,email,phone,address_line1,postal_code,city,invoice_number,issue_date,due_date,amount\n"
            + a
            + ",BUSINESS,Boulangerie Martin SARL,552100554,,,3 rue des Lilas,69003,Lyon,F-1,2026-01-05,2026-02-04,100.00\n"
            + b
            + ",CONSUMER,Jeanne Martin,,,,3 rue des Lilas,69003,Lyon,F-2,2026-01-05,2026-02-04,50.00\n";

    databaseGone();
    ApiClient.Response during = api.post("/api/cases/import", "text/csv", csv);
    databaseBack();

    assertThat(during.status()).as(during.toString()).isEqualTo(503);
    assertThat(debtors(a, b)).isZero();

    ApiClient.Response after = api.post("/api/cases/import", "text/csv", csv);
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.json().get("casesOpened").asInt()).isEqualTo(2);
    assertThat(after.json().get("rejectedCount").asInt()).isZero();
    assertThat(debtors(a, b)).isEqualTo(2);
  }

  private String open(String debtor) {
    ApiClient.Response r =
        api.postJson(
            "/api/cases",
            """
        {"debtor": {"externalId": "%s", "type": "CONSUMER", "name": "Jeanne Martin"},
         "invoices": [{"number": "F-1", "issueDate": "2026-01-05", "dueDate": "2026-02-04", "amount": 300.00}]}"""
                .formatted(debtor));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("reference").asText();
  }

  private long payments(String reference) {
    return jdbc.queryForObject(
        "select count(*) from payment p join collection_case c on c.id = p.case_id where c.reference = ?",
        Long.class,
        reference);
  }

  private long debtors(String a, String b) {
    return jdbc.queryForObject(
        "select count(*) from debtor where external_id in (?, ?)", Long.class, a, b);
  }
}

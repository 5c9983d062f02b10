package fr.recouvrement.cases;

import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static fr.recouvrement.cases.CaseFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
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
  static final EmbeddedPostgres POSTGRES = start();

  static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the embedded PostgreSQL server", e);
    }
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("POSTGRES_URL", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("POSTGRES_USER", () -> "postgres");
    registry.add("POSTGRES_PASSWORD", () -> "postgres");
    // Camunda keeps engines in a JVM-wide registry by name, where /engine-rest and the webapps look
    // them up: under "default" this engine would replace the shared H2 context's one for every later test
    registry.add("camunda.bpm.process-engine-name", () -> "postgres");
    // the webapps keep JVM-wide runtime delegates too: this context's would take over the shared
    // context's Tasklist and, once closed, leave it answering 500 (TasklistBrowserTest)
    registry.add("camunda.bpm.webapp.enabled", () -> "false");
  }

  // No @AfterAll stop: @DirtiesContext closes this class's context (and its engine) after the class,
  // while the server still runs; the server's own shutdown hook stops it when the JVM exits.

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aCaseIsOpenedReadAndPaidOnPostgres() {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    ApiClient api = new ApiClient(port, "admin", "admin-test");
    LocalDate today = LocalDate.now(CaseClock.PARIS);

    Response opened = api.postJson("/api/cases", CaseFixtures.businessCase(newDebtorId(), "F-PG-1", "1850.00", today.minusDays(3)));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String reference = opened.json().get("reference").asText();

    JsonNode read = api.get("/api/cases/" + reference).json();
    assertThat(read.get("status").asText()).isEqualTo("AMICABLE");
    assertThat(read.get("principal").decimalValue()).isEqualByComparingTo("1850.00");
    // three days late: the EUR 40 indemnity and a penalty, so the balance is more than the principal
    assertThat(read.get("invoices").get(0).get("recoveryIndemnity").decimalValue()).isEqualByComparingTo("40.00");
    BigDecimal quoted = read.get("balance").decimalValue();
    assertThat(quoted).isEqualByComparingTo(new BigDecimal("1850.00").add(read.get("penalties").decimalValue()));
    assertThat(api.get("/api/cases?status=AMICABLE").json().get("total").asLong()).isGreaterThanOrEqualTo(1);

    JsonNode paid = api.postJson("/api/cases/" + reference + "/payments", payment(quoted.toPlainString(), today, "VIR-PG")).json();
    assertThat(paid.get("status").asText()).as(paid.toString()).isEqualTo("PAID");
    assertThat(jdbc.queryForObject("select count(*) from payment_allocation", Long.class)).isEqualTo(1);
  }
}

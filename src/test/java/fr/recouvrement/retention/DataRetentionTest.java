package fr.recouvrement.retention;

import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.cases.DebtorType;
import fr.recouvrement.kernel.provider.SignedCallbacks;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.security.TestUsers;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A closed case's personal data kept for the prescription that applied plus a year, then gone (GDPR
 * art. 5(1)(e), 17).
 */
@IntegrationTest
class DataRetentionTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired SignedCallbacks callbacks;
  ApiClient admin;

  @BeforeEach
  void client() {
    admin = new ApiClient(port, "admin", "admin-test");
    TestUsers.ensureAll(identity);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theRetentionDateIsTheClosingPlusThePrescriptionThatAppliedPlusOneYear() {
    LocalDate closed = LocalDate.of(2026, 3, 2);
    assertThat(RetentionPeriod.of(DebtorType.CONSUMER, false).until(closed))
        .isEqualTo(LocalDate.of(2029, 3, 2));
    assertThat(RetentionPeriod.of(DebtorType.BUSINESS, false).until(closed))
        .isEqualTo(LocalDate.of(2032, 3, 2));
    assertThat(RetentionPeriod.of(DebtorType.CONSUMER, true).until(closed))
        .isEqualTo(LocalDate.of(2037, 3, 2));
  }

  @Test
  void
      aPaidConsumerCaseIsKeptThreeYearsThenTheNightlyRunAnonymisesItsRowsDocumentsAndHistoryButKeepsItsFigures() {
    String debtor = newDebtorId();
    String reference = open(debtor, "CONSUMER", "Jeanne Martin", "jeanne@martin.example");
    payInFull(reference);
    LocalDate closedOn = CaseClock.today();
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference)
                .count())
        .isPositive();

    nightlyRunOn(closedOn.plusYears(3)); // the last day it is kept
    assertThat(
            jdbc.queryForObject(
                    "select retention_until from collection_case where reference = ?",
                    java.sql.Date.class,
                    reference)
                .toLocalDate())
        .isEqualTo(closedOn.plusYears(3));
    assertThat(
            jdbc.queryForObject(
                "select name from debtor where external_id = ?", String.class, debtor))
        .isEqualTo("Jeanne Martin");

    nightlyRunOn(closedOn.plusYears(3).plusDays(1));

    assertThat(
            jdbc.queryForObject(
                "select count(*) from debtor where external_id = ?", Long.class, debtor))
        .isZero();
    assertThat(
            jdbc.queryForMap(
                "select d.name, d.email, d.address_line1 from debtor d join collection_case c on c.debtor_id = d.id where c.reference = ?",
                reference))
        .containsEntry("NAME", "Débiteur anonymisé")
        .containsEntry("EMAIL", null)
        .containsEntry("ADDRESS_LINE1", null);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from communication m join collection_case c on c.id = m.case_id where c.reference = ? and (m.content is not null or m.recipient is not null)",
                Long.class,
                reference))
        .isZero();
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference)
                .count())
        .isZero();
    // what the KPIs count stays: the case, its invoice and its payment
    assertThat(
            jdbc.queryForObject(
                "select sum(p.amount) from payment p join collection_case c on c.id = p.case_id where c.reference = ?",
                java.math.BigDecimal.class,
                reference))
        .isEqualByComparingTo("120.00"); // a consumer owes the principal only
    assertThat(
            jdbc.queryForObject(
                "select status from collection_case where reference = ?", String.class, reference))
        .isEqualTo("PAID");
  }

  @Test
  void anErasureRequestSaysWhatTheLawKeepsAndUntilWhenAndForgetsTheContactChannelsOfAClosedCase() {
    String debtor = newDebtorId();
    String reference = open(debtor, "BUSINESS", "Boulangerie Martin SARL", "compta@martin.example");

    ApiClient.Response whileOpen = admin.delete("/api/debtors/" + debtor);
    assertThat(whileOpen.status()).as(whileOpen.toString()).isEqualTo(200);
    assertThat(whileOpen.json().get("kept").get(0).get("caseReference").asText())
        .isEqualTo(reference);
    assertThat(whileOpen.json().get("kept").get(0).get("basis").asText())
        .contains("dossier en cours");
    assertThat(whileOpen.json().get("contactDataErased").asBoolean()).isFalse();
    assertThat(
            jdbc.queryForObject(
                "select email from debtor where external_id = ?", String.class, debtor))
        .isEqualTo("compta@martin.example");

    payInFull(reference);
    ApiClient.Response closed = admin.delete("/api/debtors/" + debtor);

    assertThat(closed.json().get("kept").get(0).get("until").asText())
        .isEqualTo(CaseClock.today().plusYears(6).toString());
    assertThat(closed.json().get("kept").get(0).get("basis").asText()).contains("17(3)(e)");
    assertThat(closed.json().get("contactDataErased").asBoolean()).isTrue();
    assertThat(
            jdbc.queryForMap("select name, email, phone from debtor where external_id = ?", debtor))
        .containsEntry("NAME", "Boulangerie Martin SARL")
        .containsEntry("EMAIL", null)
        .containsEntry("PHONE", null);
  }

  @Test
  void onlyAnAdministratorMayAskForAnErasureAndAnUnknownDebtorIsA404() {
    String debtor = newDebtorId();
    open(debtor, "CONSUMER", "Jeanne Martin", "jeanne@martin.example");

    assertThat(TestUsers.as(port, TestUsers.SUPERVISOR).delete("/api/debtors/" + debtor).status())
        .isEqualTo(403);
    assertThat(TestUsers.as(port, TestUsers.AUDITOR).delete("/api/debtors/" + debtor).status())
        .isEqualTo(403);
    assertThat(new ApiClient(port, null, null).delete("/api/debtors/" + debtor).status())
        .isEqualTo(401);
    ApiClient.Response unknown = admin.delete("/api/debtors/" + newDebtorId());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    assertThat(
            jdbc.queryForObject(
                "select email from debtor where external_id = ?", String.class, debtor))
        .isEqualTo("jeanne@martin.example");
  }

  /**
   * Review M5: a provider callback kept UNMATCHED that never found its letter or mission is deleted
   * by the nightly run once it is older than 90 days (recouvrement.callbacks.unmatched-kept-for);
   * an applied one is the proof of what was done and stays.
   */
  @Test
  void aProviderCallbackThatNeverFoundItsMatchIsDeletedByTheNightlyRunAfterNinetyDays() {
    String kept = "evt-" + java.util.UUID.randomUUID();
    String applied = "evt-" + java.util.UUID.randomUUID();
    byte[] body = "{\"eventId\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    callbacks.remember("POSTAL", kept, body, SignedCallbacks.Result.UNMATCHED, "1A-NOBODY");
    callbacks.remember("POSTAL", applied, body, SignedCallbacks.Result.APPLIED, "1A-SOMEBODY");
    LocalDate received = CaseClock.today();

    nightlyRunOn(received.plusDays(90)); // 90 days after, minus the hours before 02:31: not yet
    assertThat(callbackRows(kept)).isEqualTo(1);

    nightlyRunOn(received.plusDays(91));
    assertThat(callbackRows(kept)).isZero();
    assertThat(callbackRows(applied)).isEqualTo(1);
  }

  private long callbackRows(String eventId) {
    return jdbc.queryForObject(
        "select count(*) from callback_event where source = 'POSTAL' and event_id = ?",
        Long.class,
        eventId);
  }

  /**
   * The shipped data-retention process, run by its nightly timer with the engine's clock on that
   * day.
   */
  private void nightlyRunOn(LocalDate day) {
    ClockUtil.setCurrentTime(
        Date.from(day.atTime(2, 31).atZone(ZoneId.of("Europe/Paris")).toInstant()));
    Job timer =
        management.createJobQuery().processDefinitionKey("data-retention").timers().singleResult();
    assertThat(timer).as("the nightly timer of data-retention").isNotNull();
    management.executeJob(timer.getId());
    for (Job step :
        management.createJobQuery().processDefinitionKey("data-retention").messages().list()) {
      management.executeJob(step.getId());
    }
  }

  private String open(String debtor, String type, String name, String email) {
    ApiClient.Response r =
        admin.postJson(
            "/api/cases",
            """
        {"debtor": {"externalId": "%s", "type": "%s", "name": "%s", "email": "%s", %s
                    "address": {"line1": "3 rue des Lilas", "postalCode": "69003", "city": "Lyon", "country": "FR"}},
         "invoices": [{"number": "F-1", "issueDate": "2026-01-05", "dueDate": "2026-02-04", "amount": 120.00}]}"""
                .formatted(
                    debtor,
                    type,
                    name,
                    email,
                    type.equals("BUSINESS")
                        ? "\"siren\": \"552100554\", \"phone\": \"+33612345678\","
                        : ""));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("reference").asText();
  }

  /** Pays the whole balance (a business also owes penalties and the €40 indemnity). */
  private void payInFull(String reference) {
    String balance =
        admin.get("/api/cases/" + reference).json().get("balance").decimalValue().toPlainString();
    ApiClient.Response r =
        admin.postJson(
            "/api/cases/" + reference + "/payments",
            "{\"amount\": %s, \"date\": \"%s\", \"reference\": \"VIR-%s\"}"
                .formatted(balance, CaseClock.today(), newDebtorId()));
    assertThat(r.status()).as(r.toString()).isIn(200, 201);
    assertThat(admin.get("/api/cases/" + reference).json().get("status").asText())
        .isEqualTo("PAID");
  }
}

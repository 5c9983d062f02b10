package fr.recouvrement;

import static fr.recouvrement.cases.CaseFixtures.businessCase;
import static fr.recouvrement.cases.CaseFixtures.consumerCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A consumer's over-indebtedness file (surendettement, C. consom. L711-1 ff.) through the HTTP API,
 * with the shipped models: its admissibility stops the reminders and enforcement (L722-2), the case
 * waits for the commission, and each outcome takes its path.
 */
@IntegrationTest
class OverIndebtednessScenarioTest extends CaseScenario {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port, "admin", "admin-test");
    TestServers.reset();
    TestServers.acceptSmsAndLetters("1A0000000C010");
  }

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  /**
   * A consumer owing 1,200 € since 4 February, reminded once, whose file the commission admits on 9
   * March.
   */
  void admitted(String invoiceNumber) {
    at("2026-03-02T09:00");
    ApiClient.Response opened =
        api.postJson(
            "/api/cases",
            consumerCase(newDebtorId(), invoiceNumber, "1200.00", LocalDate.of(2026, 2, 4)));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    reference = opened.json().get("reference").asText();
    runDue();
    assertThat(instancesOf("amicable-reminders")).isEqualTo(1);

    at("2026-03-10T10:00");
    ApiClient.Response admitted =
        api.postJson(
            "/api/cases/" + reference + "/over-indebtedness",
            "{\"admissibilityDate\": \"2026-03-09\", \"commission\": \"Commission de surendettement du Rhône\"}");
    assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);
    assertThat(admitted.json().get("admissibilityDate").asText()).isEqualTo("2026-03-09");
    runDue();
    assertThat(status()).isEqualTo("OVER_INDEBTEDNESS");

    Task declare = only();
    assertThat(declare.getName())
        .isEqualTo("Déclarer la créance à la commission de surendettement");
    assertThat(TaskChecks.candidateGroups(engine, declare)).containsExactly("collectors");
    assertThat(TaskChecks.form(engine, declare)).isEqualTo("declarer-creance-surendettement");
    assertThat(day(declare.getDueDate())).isEqualTo(LocalDate.of(2026, 4, 9));
    run()
        .complete(
            declare,
            "carla",
            Map.of("amountDeclaredToCommission", 1200.0, "commissionDeclaredOn", "2026-03-12"));
  }

  @Test
  void anAdmissibleFileStopsTheRemindersAndAPlanIsWatchedLikeAPaymentPlan() {
    admitted("F-SUR-1");
    int sent = communications();

    // two months pass while the commission works: no reminder, no letter, no call task (L722-2)
    at("2026-05-10T10:00");
    runDue();
    assertThat(instancesOf("amicable-reminders")).isZero();
    assertThat(communications()).isEqualTo(sent);
    assertThat(openTasks()).isEmpty();
    assertThat(status()).isEqualTo("OVER_INDEBTEDNESS");

    // while the commission decides, the debtor may not pay a debt born before the admissibility
    // (L722-5)
    ApiClient.Response own = pay("200.00", "2026-05-10", "VIR-SUR-1", null);
    assertThat(own.status()).as(own.toString()).isEqualTo(409);
    assertThat(own.json().get("detail").asText()).contains("L722-5", "2026-03-09");
    assertThat(payments()).isZero();

    ApiClient.Response decided =
        outcome("PLAN", "2026-05-05", "Plan conventionnel : 12 mensualités de 100 €");
    assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
    assertThat(decided.json().get("outcome").asText()).isEqualTo("PLAN");
    runDue();

    // the plan's instalments are entered and watched by the payment-plan process
    Task negotiate = only();
    assertThat(negotiate.getName()).isEqualTo("Négocier l'échéancier");
    assertThat(instancesOf("payment-plan")).isEqualTo(1);
    Map<String, Object> terms = new HashMap<>();
    terms.put("debtorRefuses", false);
    terms.put("instalmentCount", 12L);
    terms.put("frequency", "MONTHLY");
    terms.put("firstInstalmentDate", "2026-06-05");
    terms.put("downPayment", 0.0);
    run().complete(negotiate, "carla", terms);
    // twelve instalments without a down payment: a supervisor validates them (payment-plan-terms)
    Task approve = only();
    assertThat(approve.getName()).isEqualTo("Approuver l'échéancier");
    identity.setAuthentication("sam", List.of("supervisors"));
    try {
      tasks.complete(
          approve.getId(),
          Map.of("planApproved", true, "approvalComment", "Plan arrêté par la commission"));
    } finally {
      identity.clearAuthentication();
    }
    runDue();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from plan_instalment i join payment_plan p on p.id = i.plan_id join collection_case c on c.id = p.case_id"
                    + " where c.reference = ?",
                Integer.class,
                reference))
        .isEqualTo(12);
    String plan =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("payment-plan")
            .processInstanceBusinessKey(reference)
            .singleResult()
            .getId();
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(plan)
                .activityId("Timer_InstalmentDue")
                .count())
        .isEqualTo(1);
    assertThat(status()).isEqualTo("OVER_INDEBTEDNESS");

    // the plan's first instalment is paid: heard, the balance goes down, the plan goes on
    at("2026-06-05T10:00");
    ApiClient.Response instalment = pay("100.00", "2026-06-05", "VIR-SUR-PLAN-1", "PLAN");
    assertThat(instalment.status()).as(instalment.toString()).isEqualTo(201);
    assertThat(instalment.json().get("balance").decimalValue()).isEqualByComparingTo("1100.00");
    assertThat(instalment.json().get("status").asText()).isEqualTo("OVER_INDEBTEDNESS");
    assertThat(instancesOf("payment-plan")).isEqualTo(1);
  }

  @Test
  void aRetablissementPersonnelExtinguishesTheDebtAndWritesTheCaseOffWithThatReason() {
    admitted("F-SUR-2");

    at("2026-06-20T10:00");
    ApiClient.Response decided =
        outcome(
            "RETABLISSEMENT_PERSONNEL", "2026-06-18", "Jugement du tribunal judiciaire de Lyon");
    assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
    runDue();

    Task confirm = only();
    assertThat(confirm.getName()).isEqualTo("Confirmer le passage en perte");
    assertThat(TaskChecks.candidateGroups(engine, confirm)).containsExactly("supervisors");
    assertThat(day(confirm.getDueDate())).isEqualTo(LocalDate.of(2026, 6, 25));
    identity.setAuthentication("sam", List.of("supervisors"));
    try {
      tasks.complete(
          confirm.getId(),
          Map.of("writeOffComment", "Dette effacée par le rétablissement personnel"));
    } finally {
      identity.clearAuthentication();
    }
    runDue();

    JsonNode view = api.get("/api/cases/" + reference).json();
    assertThat(view.get("status").asText()).isEqualTo("WRITTEN_OFF");
    assertThat(view.get("closingReason").asText()).contains("rétablissement personnel", "L741-2");
    assertThat(instances()).isEmpty();
    assertThat(legalEvents())
        .containsSubsequence(
            "OVER_INDEBTEDNESS_ADMITTED", "OVER_INDEBTEDNESS_DECIDED", "WRITTEN_OFF");
  }

  @Test
  void aRejectedFileResumesTheCollectionFromTheSegmentation() {
    admitted("F-SUR-3");

    at("2026-04-15T10:00");
    assertThat(outcome("REJECTED", "2026-04-14", null).status()).isEqualTo(200);
    runDue();
    Task review = only();
    assertThat(review.getName()).isEqualTo("Préparer la reprise du recouvrement");
    assertThat(day(review.getDueDate())).isEqualTo(LocalDate.of(2026, 4, 22));
    String before = processInstance();
    run().complete(review, "carla", Map.of("resumeChecked", true));

    assertThat(status()).isEqualTo("AMICABLE");
    assertThat(processInstance()).isNotEqualTo(before);
    assertThat(instancesOf("collection-case")).isEqualTo(1);
    assertThat(instancesOf("amicable-reminders")).isEqualTo(1);
  }

  @Test
  void theOutcomeOfAFileNeverAdmittedIsRefusedAndABusinessDebtorHasNoOverIndebtednessFile() {
    at("2026-03-02T09:00");
    ApiClient.Response opened =
        api.postJson(
            "/api/cases",
            businessCase(newDebtorId(), "F-SUR-B", "1200.00", LocalDate.of(2026, 2, 4)));
    reference = opened.json().get("reference").asText();

    ApiClient.Response r =
        api.postJson(
            "/api/cases/" + reference + "/over-indebtedness",
            "{\"admissibilityDate\": \"2026-03-01\", \"commission\": \"Commission du Rhône\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.json().get("debtorType").asText()).isEqualTo("BUSINESS");
    assertThat(status()).isEqualTo("AMICABLE");

    ApiClient.Response noFile = outcome("PLAN", "2026-03-01", null);
    assertThat(noFile.status()).as(noFile.toString()).isEqualTo(409);
    ApiClient.Response bad =
        api.postJson("/api/cases/" + reference + "/over-indebtedness", "{\"commission\": \" \"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors"))
        .extracting(e -> e.get("field").asText())
        .containsExactly("admissibilityDate", "commission");
  }

  // --- helpers

  ApiClient.Response outcome(String outcome, String date, String details) {
    return api.postJson(
        "/api/cases/" + reference + "/over-indebtedness/outcome",
        "{\"outcome\": \"%s\", \"date\": \"%s\"%s}"
            .formatted(outcome, date, details == null ? "" : ", \"details\": \"" + details + "\""));
  }

  ApiClient.Response pay(String amount, String date, String ref, String source) {
    return api.postJson(
        "/api/cases/" + reference + "/payments",
        "{\"amount\": %s, \"date\": \"%s\", \"reference\": \"%s\"%s}"
            .formatted(
                amount, date, ref, source == null ? "" : ", \"source\": \"" + source + "\""));
  }

  int payments() {
    return jdbc.queryForObject(
        "select count(*) from payment p join collection_case c on c.id = p.case_id where c.reference = ?",
        Integer.class,
        reference);
  }

  String status() {
    return api.get("/api/cases/" + reference).json().get("status").asText();
  }

  String processInstance() {
    return jdbc.queryForObject(
        "select process_instance_id from collection_case where reference = ?",
        String.class,
        reference);
  }

  long instancesOf(String processKey) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(processKey)
        .processInstanceBusinessKey(reference)
        .count();
  }

  int communications() {
    return jdbc.queryForObject(
        "select count(*) from communication m join collection_case c on c.id = m.case_id where c.reference = ?",
        Integer.class,
        reference);
  }

  List<String> legalEvents() {
    return jdbc.queryForList(
        "select e.type from legal_event e join collection_case c on c.id = e.case_id where c.reference = ? order by e.id",
        String.class,
        reference);
  }

  static LocalDate day(java.util.Date date) {
    return LocalDate.ofInstant(date.toInstant(), CaseClock.PARIS);
  }
}

package fr.recouvrement;

import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.consumerCase;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A procédure collective through the HTTP API, with the shipped models: who may still pay (C. com.
 * L622-7), the claim frozen at the opening judgment (L622-28), the relevé de forclusion window
 * (L622-26), and the consumer who cannot be in one.
 *
 * <p>The figures: one B2B invoice of 10,000.00 € due 2026-01-31, the opening judgment on
 * 2026-04-01. The late-penalty rate of 2026-H1 is the ECB rate 2.15 + 10 points = 12.15 % (above
 * the floor 3 × 2.62 = 7.86 %), and penalties run for each day after the due date up to the
 * judgment: 28 (February) + 31 (March) + 1 (1 April) = 60 days, so 10,000 × 12.15 % × 60 / 365 =
 * 199.726… → 199.73 €; plus the 40 € recovery indemnity: 10,239.73 € to declare.
 */
@IntegrationTest
class InsolvencyScenarioTest extends CaseScenario {
  static final LocalDate JUDGMENT = LocalDate.of(2026, 4, 1);
  static final LocalDate PUBLICATION = LocalDate.of(2026, 4, 10);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  ApiClient api;
  String debtorId;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port, "admin", "admin-test");
  }

  /**
   * A trader owing 10,000 € since 31 January, in redressement judiciaire since 1 April (published
   * 10 April).
   */
  void inRedressement() {
    at("2026-05-15T10:00");
    debtorId = newDebtorId();
    ApiClient.Response opened =
        api.postJson(
            "/api/cases",
            caseJson(
                debtorId,
                "BUSINESS",
                "\"siren\": \"552100554\",",
                invoice(
                    "F-RJ-1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "10000.00")));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    reference = opened.json().get("reference").asText();
    ApiClient.Response declared =
        api.postJson(
            "/api/cases/" + reference + "/insolvency",
            "{\"procedure\": \"REDRESSEMENT\", \"judgmentDate\": \"%s\", \"publicationDate\": \"%s\"}"
                .formatted(JUDGMENT, PUBLICATION));
    assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
    runDue();
    assertThat(caseView().get("status").asText()).isEqualTo("INSOLVENCY");
  }

  ApiClient.Response pay(String amount, String date, String ref, String source) {
    return api.postJson(
        "/api/cases/" + reference + "/payments",
        "{\"amount\": %s, \"date\": \"%s\", \"reference\": \"%s\"%s}"
            .formatted(
                amount, date, ref, source == null ? "" : ", \"source\": \"" + source + "\""));
  }

  JsonNode caseView() {
    return api.get("/api/cases/" + reference).json();
  }

  int payments() {
    return jdbc.queryForObject(
        "select count(*) from payment p join collection_case c on c.id = p.case_id where c.reference = ?",
        Integer.class,
        reference);
  }

  @Test
  void aDebtorsOwnPaymentAfterTheOpeningJudgmentIsRefusedWhileTheMandatairesDividendIsAccepted() {
    inRedressement();
    at("2026-06-15T10:00");

    ApiClient.Response own = pay("500.00", "2026-06-15", "VIR-RJ-DEBTOR", null);

    assertThat(own.status()).as(own.toString()).isEqualTo(409);
    assertThat(own.contentType()).contains("application/problem+json");
    assertThat(own.json().get("detail").asText()).contains("L622-7", "2026-04-01", "MANDATAIRE");
    assertThat(payments()).isZero();
    assertThat(caseView().get("balance").decimalValue()).isEqualByComparingTo("10239.73");

    // the mandataire's dividend: 1,000 € go to the frozen penalties first (199.73, C. civ. 1343-1
    // as the
    // payment-allocation table orders), then 800.27 to the principal; the €40 comes last
    ApiClient.Response dividend = pay("1000.00", "2026-06-15", "DIV-RJ-1", "MANDATAIRE");
    assertThat(dividend.status()).as(dividend.toString()).isEqualTo(201);
    JsonNode view = dividend.json();
    assertThat(view.get("status").asText()).isEqualTo("INSOLVENCY");
    assertThat(view.get("balance").decimalValue())
        .isEqualByComparingTo("9239.73"); // 10,239.73 − 1,000
    assertThat(view.get("principal").decimalValue())
        .isEqualByComparingTo("9199.73"); // 10,000 − 800.27
    assertThat(view.get("payments").get(0).get("source").asText()).isEqualTo("MANDATAIRE");
    // what was declared stays the claim as of the judgment: the dividend came after it
    assertThat(
            api.get("/api/cases/" + reference + "/insolvency")
                .json()
                .get("claim")
                .get("total")
                .decimalValue())
        .isEqualByComparingTo("10239.73");

    // the timeline says who paid
    JsonNode timeline = api.get("/api/cases/" + reference + "/timeline").json();
    assertThat(timeline)
        .anyMatch(
            e ->
                e.get("type").asText().equals("PAYMENT")
                    && e.get("title")
                        .asText()
                        .equals(
                            "Paiement reçu : 1000.00 € (DIV-RJ-1, dividende du mandataire judiciaire)")
                    && e.at("/details/source").asText().equals("MANDATAIRE"));

    // a guarantor (caution) pays the rest: the case is settled and its processes end
    at("2026-07-01T10:00");
    ApiClient.Response surety = pay("9239.73", "2026-07-01", "VIR-CAUTION-1", "GUARANTOR");
    assertThat(surety.status()).as(surety.toString()).isEqualTo(201);
    assertThat(surety.json().get("status").asText()).isEqualTo("PAID");
    assertThat(instances()).isEmpty();
  }

  @Test
  void anInvoiceAddedAfterTheOpeningJudgmentOpensACaseOfItsOwnThatTheDebtorMayPay() {
    inRedressement();
    String declared = reference;

    // a delivery made during the observation period: a claim born after the judgment (L622-17)
    ApiClient.Response added =
        api.postJson(
            "/api/cases",
            caseJson(
                debtorId,
                "BUSINESS",
                "\"siren\": \"552100554\",",
                invoice("F-RJ-2", LocalDate.of(2026, 4, 20), LocalDate.of(2026, 5, 10), "500.00")));

    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    reference = added.json().get("reference").asText();
    assertThat(reference).isNotEqualTo(declared);
    assertThat(added.json().get("followsCase").asText()).isEqualTo(declared);
    assertThat(added.json().get("chargesStoppedOn").isNull()).isTrue();
    assertThat(api.get("/api/cases/" + declared).json().get("invoices"))
        .extracting(i -> i.get("number").asText())
        .containsExactly("F-RJ-1");
    // the debtor may pay it: 500 € principal + 5 days of penalties (500 × 12.15 % × 5 / 365 = 0.83)
    // + 40 €
    assertThat(added.json().get("balance").decimalValue()).isEqualByComparingTo("540.83");
    ApiClient.Response paid = pay("540.83", "2026-05-15", "VIR-RJ-POST", null);
    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    assertThat(paid.json().get("status").asText()).isEqualTo("PAID");
    assertThat(api.get("/api/cases/" + declared).json().get("status").asText())
        .isEqualTo("INSOLVENCY");
  }

  @Test
  void anInvoiceBornBeforeTheJudgmentButSentLaterGoesToACaseOfItsOwnUnderTheSameProcedure() {
    inRedressement();
    String declared = reference;

    // an invoice issued on 10 March, before the judgment, reaches the creditor's system only now
    ApiClient.Response added =
        api.postJson(
            "/api/cases",
            caseJson(
                debtorId,
                "BUSINESS",
                "\"siren\": \"552100554\",",
                invoice(
                    "F-RJ-0", LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 10), "2000.00")));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    reference = added.json().get("reference").asText();
    assertThat(added.json().get("followsCase").asText()).isEqualTo(declared);
    runDue();

    // no reminder for it (L622-21): it is declared in its own proof of claim, frozen at the
    // judgment;
    // due after the judgment, it bears no penalty and no indemnity: 2,000.00 €
    assertThat(caseView().get("status").asText()).isEqualTo("INSOLVENCY");
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey("amicable-reminders")
                .processInstanceBusinessKey(reference)
                .count())
        .isZero();
    Task file =
        openTasks().stream()
            .filter(t -> t.getName().equals("Déclarer la créance au mandataire judiciaire"))
            .findFirst()
            .orElseThrow();
    assertThat(LocalDate.ofInstant(file.getDueDate().toInstant(), CaseClock.PARIS))
        .isEqualTo(LocalDate.of(2026, 6, 10));
    assertThat(runtime.getVariables(file.getExecutionId()))
        .containsEntry("amountToDeclare", 2000.0);
    // and the debtor may not pay it (L622-7)
    assertThat(pay("2000.00", "2026-05-15", "VIR-RJ-0", null).status()).isEqualTo(409);
    assertThat(api.get("/api/cases/" + declared).json().get("invoices"))
        .extracting(i -> i.get("number").asText())
        .containsExactly("F-RJ-1");
  }

  @Test
  void anUnknownPaymentSourceIsRefusedNamingTheField() {
    inRedressement();

    ApiClient.Response r = pay("100.00", "2026-05-15", "VIR-RJ-X", "BANK");

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("source");
    assertThat(payments()).isZero();
  }

  @Test
  void theAmountDeclaredIsTheBalanceFrozenAtTheOpeningJudgment() {
    inRedressement();

    Task file =
        openTasks().stream()
            .filter(t -> t.getName().equals("Déclarer la créance au mandataire judiciaire"))
            .findFirst()
            .orElseThrow();
    Map<String, Object> claim = runtime.getVariables(file.getExecutionId());
    assertThat(claim)
        .containsEntry("principalToDeclare", 10000.0)
        .containsEntry("penaltiesToDeclare", 199.73)
        .containsEntry("indemnitiesToDeclare", 40.0)
        .containsEntry("amountToDeclare", 10239.73)
        .containsEntry("judgmentDate", "2026-04-01");
    // R622-24 through legal-deadlines: two months after the publication
    assertThat(LocalDate.ofInstant(file.getDueDate().toInstant(), CaseClock.PARIS))
        .isEqualTo(LocalDate.of(2026, 6, 10));

    // the API shows the same claim with its breakdown, and the proceeding's deadlines
    JsonNode recorded = api.get("/api/cases/" + reference + "/insolvency").json();
    assertThat(recorded.get("insolvency").get("claimDeadline").asText()).isEqualTo("2026-06-10");
    assertThat(recorded.get("insolvency").get("reliefDeadline").asText()).isEqualTo("2026-10-10");
    JsonNode declared = recorded.get("claim");
    assertThat(declared.get("asOf").asText()).isEqualTo("2026-04-01");
    assertThat(declared.get("principal").decimalValue()).isEqualByComparingTo("10000.00");
    assertThat(declared.get("latePenalties").decimalValue()).isEqualByComparingTo("199.73");
    assertThat(declared.get("recoveryIndemnities").decimalValue()).isEqualByComparingTo("40.00");
    assertThat(declared.get("total").decimalValue()).isEqualByComparingTo("10239.73");
    assertThat(declared.get("invoices").get(0).get("invoiceNumber").asText()).isEqualTo("F-RJ-1");

    // the case shows the same frozen figure, and nothing accrues as the months go by
    JsonNode now = caseView();
    assertThat(now.get("balance").decimalValue()).isEqualByComparingTo("10239.73");
    assertThat(now.get("penalties").decimalValue()).isEqualByComparingTo("239.73");
    assertThat(now.get("chargesStoppedOn").asText()).isEqualTo("2026-04-01");
    at("2026-09-30T10:00");
    assertThat(caseView().get("balance").decimalValue()).isEqualByComparingTo("10239.73");
  }

  @Test
  void aClaimNotFiledInTimeOpensASupervisorTaskSayingUntilWhenReliefCanBeAsked() {
    inRedressement();

    // the claim deadline (10 June) passes without the proof of claim
    at("2026-06-11T09:00");
    runDue();

    Task relief =
        openTasks().stream()
            .filter(t -> t.getName().equals("Demander le relevé de forclusion"))
            .findFirst()
            .orElseThrow();
    assertThat(TaskChecks.candidateGroups(engine, relief)).containsExactly("supervisors");
    assertThat(TaskChecks.form(engine, relief)).isEqualTo("releve-forclusion");
    // L622-26 through legal-deadlines: six months after the BODACC publication of 10 April
    assertThat(LocalDate.ofInstant(relief.getDueDate().toInstant(), CaseClock.PARIS))
        .isEqualTo(LocalDate.of(2026, 10, 10));
    assertThat(runtime.getVariable(relief.getExecutionId(), "reliefDeadlineText"))
        .isEqualTo("10/10/2026");
    assertThat(
            jdbc.queryForObject(
                "select relief_deadline from insolvency i join collection_case c on c.id = i.case_id where c.reference = ?",
                LocalDate.class,
                reference))
        .isEqualTo(LocalDate.of(2026, 10, 10));
  }

  @Test
  void aConsumerCannotBePutIntoACollectiveProcedure() {
    at("2026-05-15T10:00");
    ApiClient.Response opened =
        api.postJson(
            "/api/cases",
            consumerCase(newDebtorId(), "F-CONSO-RJ", "900.00", LocalDate.of(2026, 3, 1)));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    reference = opened.json().get("reference").asText();

    ApiClient.Response r =
        api.postJson(
            "/api/cases/" + reference + "/insolvency",
            "{\"procedure\": \"LIQUIDATION\", \"judgmentDate\": \"2026-05-01\", \"publicationDate\": \"2026-05-05\"}");

    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.contentType()).contains("application/problem+json");
    assertThat(r.json().get("debtorType").asText()).isEqualTo("CONSUMER");
    assertThat(r.json().get("detail").asText()).contains("CONSUMER", "over-indebtedness");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from insolvency i join collection_case c on c.id = i.case_id where c.reference = ?",
                Integer.class,
                reference))
        .isZero();
    assertThat(caseView().get("status").asText()).isEqualTo("AMICABLE");
    ApiClient.Response none = api.get("/api/cases/" + reference + "/insolvency");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.json().get("detail").asText()).contains("No procédure collective");
  }
}

package fr.recouvrement;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static fr.recouvrement.cases.CaseFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.bailiff.BailiffStubs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whole cases through the contentious stage, with the shipped models and real delegates: the postal
 * provider and the commissaire de justice are WireMock, their reports come back as signed
 * callbacks, and the clock moves from one timer to the next as the job executor would see time
 * pass.
 */
@IntegrationTest
class ContentiousScenarioTest extends CaseScenario {
  static final String TWILIO_MESSAGES = TestServers.TWILIO_MESSAGES;
  static final String LETTERS = TestServers.POSTAL_LETTERS;

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port, "admin", "admin-test");
    TestServers.reset();
    TestServers.acceptSmsAndLetters("1A0000000C001");
    BailiffStubs.acceptWithdrawals();
  }

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void aBusinessCaseGoesFromTheFirstReminderToABankSeizureAndIsPaid() {
    String seizure = bankSeizureRequested("F-CJ1");
    // the small-claims title (CPCE L111-3 5°) is not a court's: the business claim keeps its 5
    // years
    // (not 10), restarted by the debtor's agreement of 20 May 2026; the seizure's request does
    // nothing
    JsonNode titled = api.get("/api/cases/" + reference).json().get("invoices").get(0);
    assertThat(titled.get("prescriptionDate").asText()).isEqualTo("2031-05-20");
    assertThat(titled.get("prescriptionAct").asText()).isEqualTo("SMALL_CLAIMS_AGREEMENT");

    // the seizure worked: the bailiff carried it out on 8 June and reports it on the 10th, with his
    // fee;
    // the funds follow by bank transfer
    at("2026-06-10T10:00");
    ApiClient.Response report =
        BailiffStubs.callback(
            port,
            BailiffStubs.report(
                "evt-" + seizure, seizure, "PAID", "2026-06-08", "152.40", "1900.00"));
    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    runDue();
    // the enforcement act interrupts prescription at its own date (C. civ. 2244): 8 June 2026 + 5
    // years
    JsonNode enforced = api.get("/api/cases/" + reference).json().get("invoices").get(0);
    assertThat(enforced.get("prescriptionDate").asText()).isEqualTo("2031-06-08");
    assertThat(enforced.get("prescriptionAct").asText()).isEqualTo("ENFORCEMENT_ACT");
    assertThat(enforced.get("prescriptionActLabel").asText()).contains("C. civ. 2244");
    assertThat(status()).isEqualTo("ENFORCEMENT");
    assertThat(
            jdbc.queryForObject(
                "select sum(amount) from case_cost k join collection_case c on c.id = k.case_id where c.reference = ? and k.kind = 'BAILIFF_FEE'",
                BigDecimal.class,
                reference))
        .isEqualByComparingTo("152.40");

    at("2026-06-15T10:00");
    String rest =
        api.get("/api/cases/" + reference).json().get("balance").decimalValue().toPlainString();
    JsonNode paid =
        api.postJson(
                "/api/cases/" + reference + "/payments",
                payment(rest, LocalDate.of(2026, 6, 15), "VIR-CJ-" + seizure))
            .json();
    assertThat(paid.get("status").asText()).isEqualTo("PAID");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
        .isZero();

    // the legal path as an auditor reads it: notice, small-claims agreement with its title, a
    // seizure
    assertThat(legalEvents())
        .containsSubsequence(
            "FORMAL_NOTICE_SENT",
            "SMALL_CLAIMS_REQUESTED",
            "SMALL_CLAIMS_AGREED",
            "SMALL_CLAIMS_TITLE",
            "ENFORCEMENT_REQUESTED",
            "ENFORCEMENT_MEASURE");
    // one mission per procedure, never two
    assertThat(
            jdbc.queryForList(
                "select mission_type from bailiff_mission m join collection_case c on c.id = m.case_id where c.reference = ? order by m.id",
                String.class,
                reference))
        .containsExactly("SMALL_CLAIMS", "BANK_SEIZURE");
  }

  @Test
  void anInsolvencyArrivingDuringEnforcementStopsTheBailiffAndOpensTheProofOfClaim() {
    String seizure = bankSeizureRequested("F-CJ2");

    at("2026-06-03T14:00");
    ApiClient.Response opened =
        api.postJson(
            "/api/cases/" + reference + "/insolvency",
            "{\"procedure\": \"REDRESSEMENT\", \"judgmentDate\": \"2026-05-28\", \"publicationDate\": \"2026-06-02\"}");
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    runDue();

    assertThat(status()).isEqualTo("INSOLVENCY");
    // individual actions are forbidden from the judgment (C. com. L622-21): the seizure is
    // withdrawn
    assertThat(
            TestServers.wireMock()
                .findAll(
                    postRequestedFor(
                        urlEqualTo(BailiffStubs.MISSIONS + "/" + seizure + "/withdrawal"))))
        .hasSize(1);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey("enforcement")
                .processInstanceBusinessKey(reference)
                .count())
        .isZero();
    Task claim = only();
    assertThat(claim.getName()).isEqualTo("Déclarer la créance au mandataire judiciaire");
    // two months after the BODACC publication (C. com. R622-24)
    assertThat(claim.getDueDate().toInstant().atZone(CaseClock.PARIS).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 8, 2));

    // a late bailiff report for the withdrawn seizure finds nobody waiting: kept, not applied
    ApiClient.Response late =
        BailiffStubs.callback(
            port,
            BailiffStubs.report(
                "evt-late-" + seizure, seizure, "PAID", "2026-06-03", "80.00", "500.00"));
    assertThat(late.status()).as(late.toString()).isEqualTo(202);
  }

  @Test
  void anInvoiceAddedAfterTheTitleOpensACaseOfItsOwnAndStaysOutOfTheBailiffsClaim()
      throws Exception {
    String[] later = new String[1];
    bankSeizureRequested(
        "F-CJ3",
        () -> {
          JsonNode titled = api.get("/api/cases/" + reference).json();
          String debtorId = titled.get("debtor").get("externalId").asText();
          // the creditor sends the debtor's next unpaid invoice, issued after the small-claims
          // title
          ApiClient.Response added =
              api.postJson(
                  "/api/cases",
                  caseJson(
                      debtorId,
                      "BUSINESS",
                      "\"siren\": \"552100554\",",
                      invoice(
                          "F-CJ3-LATER",
                          LocalDate.of(2026, 4, 20),
                          LocalDate.of(2026, 5, 15),
                          "700.00")));
          assertThat(added.status()).as(added.toString()).isEqualTo(201);
          later[0] = added.json().get("reference").asText();
          assertThat(later[0]).isNotEqualTo(reference);
          assertThat(added.json().get("followsCase").asText()).isEqualTo(reference);
          assertThat(added.json().get("status").asText()).isEqualTo("AMICABLE");
          assertThat(added.json().get("invoices"))
              .extracting(i -> i.get("number").asText())
              .containsExactly("F-CJ3-LATER");
        });

    // the titled case keeps only the invoice its title covers (CPCE L111-2)...
    JsonNode titled = api.get("/api/cases/" + reference).json();
    assertThat(titled.get("invoices"))
        .extracting(i -> i.get("number").asText())
        .containsExactly("F-CJ3");
    assertThat(titled.get("principal").decimalValue()).isEqualByComparingTo("1850.00");
    // ...and so does the bailiff's claim under it: 1,850 € of principal, not the later 700 €
    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> seizures =
        TestServers.wireMock()
            .findAll(
                postRequestedFor(urlEqualTo(BailiffStubs.MISSIONS))
                    .withRequestBody(matchingJsonPath("$.missionType", equalTo("BANK_SEIZURE"))));
    assertThat(seizures).hasSize(1);
    JsonNode mission =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(seizures.get(0).getBodyAsString());
    assertThat(mission.get("caseReference").asText()).isEqualTo(reference);
    assertThat(mission.get("claim").get("principal").decimalValue())
        .isEqualByComparingTo("1850.00");
    // the later invoice runs its own amicable path; a further invoice joins it, not the titled case
    ApiClient.Response more =
        api.postJson(
            "/api/cases",
            caseJson(
                titled.get("debtor").get("externalId").asText(),
                "BUSINESS",
                "\"siren\": \"552100554\",",
                invoice(
                    "F-CJ3-LATER-2",
                    LocalDate.of(2026, 4, 25),
                    LocalDate.of(2026, 5, 20),
                    "300.00")));
    assertThat(more.status()).as(more.toString()).isEqualTo(200);
    assertThat(more.json().get("reference").asText()).isEqualTo(later[0]);
  }

  @Test
  void aConsumerCaseLeftUnansweredIsWarnedBeforePrescriptionThenWrittenOff() {
    at("2026-03-02T09:00");
    reference =
        open(
            "CONSUMER",
            "",
            invoice("F-PR1", LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 1), "420.00"));
    JsonNode opened = api.get("/api/cases/" + reference).json();
    // a professional's claim on a consumer: 2 years (C. conso L218-2)
    assertThat(opened.get("prescriptionDate").asText()).isEqualTo("2028-02-01");

    Task proposal = amicableUntil("Proposer l'escalade");
    assertThat(runtime.getVariable(proposal.getProcessInstanceId(), "escalationRecommendation"))
        .isNotNull();
    // nobody acts on the proposal: 90 days before the claim is time-barred, a supervisor is warned
    Task warning = advanceUntil("Examiner le dossier avant la prescription");
    assertThat(ClockUtil.getCurrentTime().toInstant().atZone(CaseClock.PARIS).toLocalDate())
        .isEqualTo(LocalDate.of(2027, 11, 3));
    complete(
        warning,
        "sam",
        Map.of(
            "prescriptionAction",
            "ACCEPT",
            "prescriptionComment",
            "Débiteur insolvable, montant faible"));

    // the day after the last day: time-barred, every other step stops and a supervisor confirms the
    // loss
    Task confirm = advanceUntil("Confirmer le passage en perte");
    assertThat(ClockUtil.getCurrentTime().toInstant().atZone(CaseClock.PARIS).toLocalDate())
        .isEqualTo(LocalDate.of(2028, 2, 2));
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(reference)
                .taskName("Proposer l'escalade")
                .count())
        .isZero();
    assertThat(runtime.getVariable(confirm.getExecutionId(), "writeOffCause"))
        .isEqualTo("PRESCRIBED");
    // a prescribed claim cannot be kept alive by refusing the write-off
    assertThatThrownBy(
            () ->
                complete(
                    confirm, "sam", Map.of("writeOffRefused", true, "writeOffComment", "On garde")))
        .hasMessageContaining("ne peut pas être refusé");
    complete(
        confirm,
        "sam",
        Map.of(
            "writeOffRefused", false, "writeOffComment", "Créance prescrite, TVA à régulariser"));

    JsonNode closed = api.get("/api/cases/" + reference).json();
    assertThat(closed.get("status").asText()).isEqualTo("WRITTEN_OFF");
    assertThat(closed.get("closingReason").asText()).containsIgnoringCase("prescri");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
        .isZero();
    assertThat(legalEvents()).contains("WRITTEN_OFF").doesNotContain("FORMAL_NOTICE_SENT");
  }

  // --- the common path of the two B2B cases

  /**
   * A B2B case for 1,850 € from its first reminder to the request of a bank seizure: the cadence
   * runs out, a collector proposes a formal notice and a supervisor validates it, the notice runs
   * out, the small-claims procedure ends in an agreement that gives a title, and the collector
   * chooses a bank seizure. Returns the provider's id of the seizure.
   */
  private String bankSeizureRequested(String invoiceNumber) {
    return bankSeizureRequested(invoiceNumber, () -> {});
  }

  /**
   * The same, with {@code afterTitle} run once the title is given, before the collector chooses the
   * measure.
   */
  private String bankSeizureRequested(String invoiceNumber, Runnable afterTitle) {
    String smallClaims = "PC-" + invoiceNumber;
    String seizure = "SA-" + invoiceNumber;
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(BailiffStubs.MISSIONS))
                .withRequestBody(matchingJsonPath("$.missionType", equalTo("SMALL_CLAIMS")))
                .willReturn(BailiffStubs.created(smallClaims)));
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(BailiffStubs.MISSIONS))
                .withRequestBody(matchingJsonPath("$.missionType", equalTo("BANK_SEIZURE")))
                .willReturn(BailiffStubs.created(seizure)));

    at("2026-03-02T09:00");
    reference =
        open(
            "BUSINESS",
            "\"siren\": \"552100554\",",
            invoice(invoiceNumber, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 4), "1850.00"));

    Task proposal = amicableUntil("Proposer l'escalade");
    Map<String, Object> facts = runtime.getVariables(proposal.getProcessInstanceId());
    assertThat(facts)
        .containsEntry("escalationRecommendation", "FORMAL_NOTICE")
        .containsEntry("solvencySignal", "NONE");
    complete(
        proposal,
        "sophie",
        Map.of(
            "escalationProposal",
            "FORMAL_NOTICE",
            "escalationProposalComment",
            "Aucune réponse aux relances"));
    Task approval = only();
    assertThat(approval.getName()).isEqualTo("Valider l'escalade");
    // four eyes: who proposed cannot validate, even a supervisor
    assertThatThrownBy(
            () ->
                complete(
                    approval,
                    "sophie",
                    Map.of("escalationDecision", "FORMAL_NOTICE", "escalationComment", "ok")))
        .hasMessageContaining("Quatre yeux");
    String notice = "1A0000000N" + invoiceNumber.replaceAll("[^0-9]", "");
    TestServers.acceptSmsAndLetters(notice);
    complete(
        approval,
        "sam",
        Map.of("escalationDecision", "FORMAL_NOTICE", "escalationComment", "Validé"));

    assertThat(status()).isEqualTo("FORMAL_NOTICE");
    assertThat(TestServers.wireMock().findAll(postRequestedFor(urlEqualTo(LETTERS)))).isNotEmpty();
    Task follow = only();
    assertThat(follow.getName()).isEqualTo("Suivre la mise en demeure");
    // the provider reports the signed acknowledgement: the deadline runs from the first
    // presentation
    LocalDate posted = CaseClock.today();
    ApiClient.Response signed =
        postalCallback(
            "{\"eventId\": \"evt-ar-%s\", \"trackingId\": \"%s\", \"status\": \"SIGNED\", \"occurredOn\": \"%s\", \"presentedOn\": \"%s\"}"
                .formatted(notice, notice, posted, posted));
    assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
    runDue();

    // the 15 days run out without an answer: 1,850 € of a contract, so the small-claims procedure
    advanceUntilStatus("SMALL_CLAIMS");
    assertThat(
            runtime.getVariable(
                runtime
                    .createProcessInstanceQuery()
                    .processDefinitionKey("collection-case")
                    .processInstanceBusinessKey(reference)
                    .singleResult()
                    .getId(),
                "legalRoute"))
        .isEqualTo("SMALL_CLAIMS");
    assertThat(
            TestServers.wireMock()
                .findAll(
                    postRequestedFor(urlEqualTo(BailiffStubs.MISSIONS))
                        .withRequestBody(
                            matchingJsonPath("$.missionType", equalTo("SMALL_CLAIMS")))))
        .hasSize(1);

    // the debtor agrees before the commissaire de justice: an enforceable title
    at("2026-05-20T11:00");
    ApiClient.Response agreed =
        BailiffStubs.callback(
            port,
            BailiffStubs.report(
                "evt-" + smallClaims, smallClaims, "AGREED", "2026-05-20", "0", "0"));
    assertThat(agreed.status()).as(agreed.toString()).isEqualTo(200);
    runDue();
    assertThat(status()).isEqualTo("ENFORCEMENT");
    afterTitle.run();
    Task choose = only();
    assertThat(choose.getName()).isEqualTo("Choisir la mesure d'exécution");
    complete(
        choose,
        "carla",
        Map.of("enforcementMeasure", "BANK_SEIZURE", "measureComment", "Compte bancaire connu"));
    runDue();
    assertThat(
            TestServers.wireMock()
                .findAll(
                    postRequestedFor(urlEqualTo(BailiffStubs.MISSIONS))
                        .withRequestBody(
                            matchingJsonPath("$.missionType", equalTo("BANK_SEIZURE")))))
        .hasSize(1);
    return seizure;
  }

  // --- helpers

  private ApiClient.Response postalCallback(String body) {
    return TestServers.postalCallback(port, body);
  }

  /**
   * Works the amicable tasks the way a collector without news would, until a task of that name
   * opens.
   */
  private Task amicableUntil(String name) {
    return run().amicableUntil(name);
  }

  private Task advanceUntil(String name) {
    for (int i = 0; i < 20; i++) {
      List<Task> found =
          tasks.createTaskQuery().processInstanceBusinessKey(reference).taskName(name).list();
      if (!found.isEmpty()) {
        return found.get(0);
      }
      advance();
    }
    throw new AssertionError("No task '" + name + "' for " + reference);
  }

  private void advanceUntilStatus(String wanted) {
    for (int i = 0; i < 20 && !wanted.equals(status()); i++) {
      advance();
    }
    assertThat(status()).isEqualTo(wanted);
  }

  private String status() {
    return api.get("/api/cases/" + reference).json().get("status").asText();
  }

  private List<String> legalEvents() {
    return jdbc.queryForList(
        "select e.type from legal_event e join collection_case c on c.id = e.case_id where c.reference = ? order by e.occurred_on, e.id",
        String.class,
        reference);
  }

  private String open(String type, String extra, String invoice) {
    ApiClient.Response r =
        api.postJson("/api/cases", caseJson(newDebtorId(), type, extra, invoice));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("reference").asText();
  }
}

package fr.recouvrement.legal.insolvency;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import fr.recouvrement.ApiClient;
import fr.recouvrement.CaseRun;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.TaskChecks;
import fr.recouvrement.TestServers;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The insolvency watch against a local stub of the BODACC's Opendatasoft API (WireMock, answers
 * written in the dataset's documented shape, with fictitious companies): an opening judgment about
 * one of our business debtors becomes one supervisor's task, and confirming it starts the
 * insolvency path with the published dates.
 *
 * <p>The dates: the clock at 20 November 2026; a redressement judiciaire judged on 4 November,
 * published in the BODACC on 14 November 2026. The proof of claim is due 2 months after the
 * publication (legal-deadlines PROOF_OF_CLAIM, P2M, C. com. R622-24): 14 January 2027.
 */
@IntegrationTest
class BodaccWatchTest {
  static final String RECORDS = TestServers.BODACC_PATH + BodaccClient.RECORDS;
  static final LocalDate JUDGMENT = LocalDate.of(2026, 11, 4);
  static final LocalDate PUBLICATION = LocalDate.of(2026, 11, 14);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired BodaccWatchConfiguration.Watch watch;
  ApiClient api;

  @BeforeEach
  void setUp() {
    TestServers.reset();
    TestServers.acceptSmsAndLetters("LT-BODACC-1");
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse("2026-11-20T10:00").atZone(CaseClock.PARIS).toInstant()));
    api = new ApiClient(port, "admin", "admin-test");
    // every other SIREN of the shared database: nothing published
    TestServers.wireMock()
        .stubFor(
            get(urlPathEqualTo(RECORDS))
                .atPriority(10)
                .willReturn(okJson("{\"total_count\": 0, \"results\": []}")));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void
      anOpeningJudgmentBecomesAConfirmationTaskAndConfirmingItStartsTheInsolvencyPathWithTheRightDeadline() {
    String siren = newSiren();
    String reference = openCase(siren);
    String announcement = "A2026" + siren;
    publish(siren, redressement(announcement, siren, "Menuiserie Fictive du Rhône"));

    BodaccWatch.Report report = watch.watch().run();

    assertThat(report.proposed()).isEqualTo(1);
    assertThat(report.failedBatches()).isZero();
    // the query names our SIREN among the collective proceedings published in the last 6 months
    TestServers.wireMock()
        .verify(
            getRequestedFor(urlPathEqualTo(RECORDS))
                .withQueryParam("where", containing("registre=\"" + siren + "\""))
                .withQueryParam("where", containing("familleavis=\"collective\""))
                .withQueryParam("where", containing("dateparution>=date'2026-05-20'")));
    Task task = confirmationTask(reference);
    assertThat(task.getName()).isEqualTo("Confirmer une procédure collective");
    assertThat(TaskChecks.form(engine, task)).isEqualTo("confirmer-procedure-collective");
    assertThat(TaskChecks.candidateGroups(engine, task)).containsExactly("supervisors");
    Map<String, Object> shown = engine.getTaskService().getVariables(task.getId());
    assertThat(shown)
        .containsEntry("insolvencyProcedure", "REDRESSEMENT")
        .containsEntry("tribunal", "TRIBUNAL DE COMMERCE DE LYON")
        .containsEntry("judgmentDate", "2026-11-04")
        .containsEntry("publicationDate", "2026-11-14")
        .containsEntry("claimDeadline", "2027-01-14")
        .containsEntry("announcementId", announcement)
        .containsEntry("siren", siren)
        .containsEntry("caseReferences", reference)
        .containsEntry("companyName", "Menuiserie Fictive du Rhône");
    assertThat(api.get("/api/cases/" + reference).json().get("status").asText())
        .isEqualTo("AMICABLE");

    complete(task, "sam", Map.of("proceedingDecision", "CONFIRMED"));

    JsonNode insolvency =
        api.get("/api/cases/" + reference + "/insolvency").json().get("insolvency");
    assertThat(insolvency.get("procedure").asText()).isEqualTo("REDRESSEMENT");
    assertThat(insolvency.get("judgmentDate").asText()).isEqualTo("2026-11-04");
    assertThat(insolvency.get("publicationDate").asText()).isEqualTo("2026-11-14");
    assertThat(insolvency.get("claimDeadline").asText())
        .isEqualTo("2027-01-14"); // 14 Nov 2026 + 2 months
    assertThat(insolvency.get("recordedBy").asText()).isEqualTo("sam");
    assertThat(api.get("/api/cases/" + reference).json().get("status").asText())
        .isEqualTo("INSOLVENCY");
    assertThat(outcome(announcement)).isEqualTo("CONFIRMED");
  }

  @Test
  void theSameAnnouncementFoundAgainOpensNoSecondTask() {
    String siren = newSiren();
    String reference = openCase(siren);
    String announcement = "A2026" + siren;
    // the same record twice in one answer (two pages overlapping), then again on the next day's run
    publish(
        siren,
        redressement(announcement, siren, "Transports Imaginaires SAS"),
        redressement(announcement, siren, "Transports Imaginaires SAS"));

    BodaccWatch.Report first = watch.watch().run();
    BodaccWatch.Report second = watch.watch().run();

    assertThat(first.proposed()).isEqualTo(1);
    assertThat(second.proposed()).isZero();
    assertThat(second.alreadyKnown()).isEqualTo(2);
    assertThat(new CaseRun(engine, reference).openTasks())
        .filteredOn(t -> t.getName().equals("Confirmer une procédure collective"))
        .hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from bodacc_announcement where announcement_id = ?",
                Integer.class,
                announcement))
        .isEqualTo(1);
  }

  @Test
  void aDismissedAnnouncementIsNeverProposedAgainAndTheCaseGoesOn() {
    String siren = newSiren();
    String reference = openCase(siren);
    String announcement = "A2026" + siren;
    publish(siren, redressement(announcement, siren, "Boulangerie Homonyme SARL"));
    watch.watch().run();

    complete(confirmationTask(reference), "sam", Map.of("proceedingDecision", "DISMISSED"));
    BodaccWatch.Report again = watch.watch().run();

    assertThat(again.proposed()).isZero();
    assertThat(outcome(announcement)).isEqualTo("DISMISSED");
    assertThat(new CaseRun(engine, reference).openTasks())
        .noneMatch(t -> t.getName().equals("Confirmer une procédure collective"));
    assertThat(api.get("/api/cases/" + reference).json().get("status").asText())
        .isEqualTo("AMICABLE");
  }

  @Test
  void anAnswerErrorLeavesTheBatchForTheNextRunWithoutATaskOrACrash() {
    String siren = newSiren();
    String reference = openCase(siren);
    String announcement = "A2026" + siren;
    TestServers.wireMock()
        .stubFor(
            get(urlPathEqualTo(RECORDS))
                .atPriority(1)
                .withQueryParam("where", containing(siren))
                .willReturn(
                    aResponse()
                        .withStatus(503)
                        .withBody("<html>Service temporairement indisponible</html>")));

    BodaccWatch.Report failing = watch.watch().run();

    assertThat(failing.failedBatches()).isEqualTo(1);
    assertThat(failing.proposed()).isZero();
    // asked 3 times (max-attempts), with a back-off between attempts
    assertThat(
            TestServers.wireMock()
                .findAll(
                    getRequestedFor(urlPathEqualTo(RECORDS))
                        .withQueryParam("where", containing(siren))))
        .hasSize(3);
    assertThat(new CaseRun(engine, reference).openTasks())
        .noneMatch(t -> t.getName().equals("Confirmer une procédure collective"));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from bodacc_announcement where siren = ?", Integer.class, siren))
        .isZero();

    // the next day the BODACC answers: the judgment is proposed then
    TestServers.wireMock().resetMappings();
    TestServers.acceptSmsAndLetters("LT-BODACC-2");
    setUpDefaultAnswer();
    publish(siren, redressement(announcement, siren, "Atelier Provisoire SARL"));
    BodaccWatch.Report next = watch.watch().run();

    assertThat(next.failedBatches()).isZero();
    assertThat(next.proposed()).isEqualTo(1);
    assertThat(confirmationTask(reference)).isNotNull();
  }

  @Test
  void aTooManyRequestsAnswerIsWaitedForAsItAsksThenAskedAgain() {
    String siren = newSiren();
    String reference = openCase(siren);
    String announcement = "A2026" + siren;
    TestServers.wireMock()
        .stubFor(
            get(urlPathEqualTo(RECORDS))
                .atPriority(1)
                .withQueryParam("where", containing(siren))
                .inScenario("quota")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("quota restored")
                .willReturn(
                    aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error_code\": \"TooManyRequests\", \"message\": \"Too many requests, retry later\"}")));
    TestServers.wireMock()
        .stubFor(
            get(urlPathEqualTo(RECORDS))
                .atPriority(1)
                .withQueryParam("where", containing(siren))
                .inScenario("quota")
                .whenScenarioStateIs("quota restored")
                .willReturn(
                    okJson(page(redressement(announcement, siren, "Imprimerie Patiente SA")))));
    long started = System.nanoTime();

    BodaccWatch.Report report = watch.watch().run();

    assertThat(report.proposed()).isEqualTo(1);
    assertThat(report.failedBatches()).isZero();
    // Retry-After: 1 second, rather than the 20 ms back-off of the test settings
    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(1000);
    assertThat(confirmationTask(reference)).isNotNull();
  }

  @Test
  void onlyOpeningJudgmentsAreProposedNotPlansCorrectionsOrOtherCompanies() {
    String siren = newSiren();
    String reference = openCase(siren);
    publish(
        siren,
        // the plan adopted later in the same procedure: not an opening
        record(
            "B2026" + siren,
            siren,
            "annonce",
            "Jugement arrêtant le plan de redressement",
            "Jugement arrêtant le plan de redressement, durée du plan 8 ans"),
        // a correction of an earlier announcement
        record(
            "C2026" + siren,
            siren,
            "rectificatif",
            "Jugement d'ouverture",
            "Jugement d'ouverture d'une procédure de redressement judiciaire"),
        // another company in the same answer
        record(
            "D2026" + siren,
            "732829320",
            "annonce",
            "Jugement d'ouverture",
            "Jugement d'ouverture d'une procédure de liquidation judiciaire"));

    BodaccWatch.Report report = watch.watch().run();

    assertThat(report.proposed()).isZero();
    assertThat(new CaseRun(engine, reference).openTasks())
        .noneMatch(t -> t.getName().equals("Confirmer une procédure collective"));
  }

  @Test
  void theProcedureIsReadFromTheNatureOfTheJudgment() {
    assertThat(
            BodaccClient.procedure("Jugement d'ouverture d'une procédure de sauvegarde accélérée"))
        .contains(InsolvencyProcedure.SAUVEGARDE);
    assertThat(
            BodaccClient.procedure(
                "Jugement d'ouverture d'une procédure de redressement judiciaire"))
        .contains(InsolvencyProcedure.REDRESSEMENT);
    assertThat(BodaccClient.procedure("Jugement d'ouverture de liquidation judiciaire simplifiée"))
        .contains(InsolvencyProcedure.LIQUIDATION);
    assertThat(
            BodaccClient.procedure(
                "Jugement d'ouverture d'une procédure de rétablissement professionnel"))
        .isEmpty();
  }

  // ---- helpers

  private void setUpDefaultAnswer() {
    TestServers.wireMock()
        .stubFor(
            get(urlPathEqualTo(RECORDS))
                .atPriority(10)
                .willReturn(okJson("{\"total_count\": 0, \"results\": []}")));
  }

  /** A trader (with this SIREN) owing 4,000 € since 1 October 2026, in amicable collection. */
  private String openCase(String siren) {
    ApiClient.Response opened =
        api.postJson(
            "/api/cases",
            caseJson(
                newDebtorId(),
                "BUSINESS",
                "\"siren\": \"" + siren + "\",",
                invoice(
                    "F-BODACC-1", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1), "4000.00")));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String reference = opened.json().get("reference").asText();
    new CaseRun(engine, reference).runDue();
    return reference;
  }

  /** The BODACC answers these records when asked about this SIREN. */
  private static void publish(String siren, String... records) {
    TestServers.wireMock()
        .stubFor(
            get(urlPathEqualTo(RECORDS))
                .atPriority(1)
                .withQueryParam("where", containing("registre=\"" + siren + "\""))
                .willReturn(okJson(page(records))));
  }

  private static String page(String... records) {
    return "{\"total_count\": "
        + records.length
        + ", \"results\": ["
        + String.join(",", records)
        + "]}";
  }

  private static String redressement(String id, String siren, String company) {
    return record(
        id,
        siren,
        "annonce",
        "Jugement d'ouverture",
        "Jugement d'ouverture d'une procédure de redressement judiciaire",
        company);
  }

  private static String record(
      String id, String siren, String typeAvis, String famille, String nature) {
    return record(id, siren, typeAvis, famille, nature, "Société Fictive SARL");
  }

  /**
   * One record of annonces-commerciales as the Explore API v2.1 renders it; {@code jugement} is
   * JSON inside a string.
   */
  private static String record(
      String id, String siren, String typeAvis, String famille, String nature, String company) {
    String spaced = siren.substring(0, 3) + " " + siren.substring(3, 6) + " " + siren.substring(6);
    String jugement =
        ("{\"type\": \"initial\", \"famille\": \"%s\", \"nature\": \"%s\", \"date\": \"%s\","
                + " \"complementJugement\": \"Jugement prononçant l'ouverture. Mandataire judiciaire : SELARL Mandataires Fictifs,"
                + " 1 rue Exemple 69002 Lyon. Les créanciers sont invités à déclarer leurs créances dans les deux mois.\"}")
            .formatted(famille, nature, JUDGMENT);
    return """
        {"id": "%s", "publicationavis": "A", "publicationavis_facette": "Bodacc A", "parution": "20260222",
         "dateparution": "%s", "numeroannonce": 1234, "typeavis": "%s", "typeavis_lib": "%s",
         "familleavis": "collective", "familleavis_lib": "Procédures collectives",
         "numerodepartement": "69", "departement_nom_officiel": "Rhône", "region_code": 84,
         "region_nom_officiel": "Auvergne-Rhône-Alpes", "tribunal": "TRIBUNAL DE COMMERCE DE LYON",
         "commercant": "%s", "ville": "Lyon", "cp": "69003", "registre": ["%s", "%s"],
         "jugement": %s,
         "url_complete": "https://www.bodacc.fr/pages/annonces-commerciales-detail/?q.id=id:%s"}"""
        .formatted(
            id,
            PUBLICATION,
            typeAvis,
            typeAvis.equals("annonce") ? "Avis initial" : "Avis rectificatif",
            company,
            spaced,
            siren,
            json(jugement),
            id);
  }

  private static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * A fresh valid SIREN (Luhn key) for each test: the shared database holds other cases of other
   * SIRENs.
   */
  private static String newSiren() {
    String body = "8" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    for (int key = 0; key <= 9; key++) {
      String candidate = body + key;
      if (luhn(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError();
  }

  private static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  private Task confirmationTask(String reference) {
    List<Task> found =
        engine
            .getTaskService()
            .createTaskQuery()
            .processDefinitionKey(BodaccWatch.PROCESS_KEY)
            .processInstanceBusinessKey(reference)
            .active()
            .list();
    assertThat(found).as("confirmation tasks of " + reference).hasSize(1);
    return found.get(0);
  }

  private void complete(Task task, String supervisor, Map<String, Object> variables) {
    engine.getIdentityService().setAuthentication(supervisor, List.of("supervisors"));
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    new CaseRun(engine, task.getProcessInstanceId() == null ? "" : businessKey(task)).runDue();
  }

  private String businessKey(Task task) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId())
        .list()
        .stream()
        .findFirst()
        .map(p -> p.getBusinessKey())
        .orElseGet(
            () ->
                engine
                    .getHistoryService()
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId())
                    .singleResult()
                    .getBusinessKey());
  }

  private String outcome(String announcementId) {
    return jdbc.queryForObject(
        "select outcome from bodacc_announcement where announcement_id = ?",
        String.class,
        announcementId);
  }
}

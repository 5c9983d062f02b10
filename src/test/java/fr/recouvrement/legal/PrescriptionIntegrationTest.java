package fr.recouvrement.legal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.cases.CaseFixtures;
import fr.recouvrement.engine.HouseDelays;
import fr.recouvrement.engine.TestHouseDelays;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.mediation.MediationService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Prescription wired into real cases opened through the API: the stored date, the case view, the
 * case process's timer variables, and the due dates of waiting prescription timers, as payments,
 * mediations and legal events arrive.
 */
@IntegrationTest
class PrescriptionIntegrationTest {
  /**
   * Stands in for the case process: its two event sub-process timers, with the same activity ids,
   * and a called process whose step refreshes the prescription, as a plan, a mediation or a legal
   * step would.
   */
  static final String TIMERS_MODEL =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                   id="Definitions_PrescriptionTimersTest" targetNamespace="http://recouvrement.fr/test">
        <process id="prescription-timers-test" isExecutable="true" camunda:historyTimeToLive="P1D">
          <startEvent id="Event_Start" />
          <sequenceFlow id="Flow_ToWait" sourceRef="Event_Start" targetRef="Task_Wait" />
          <receiveTask id="Task_Wait" />
          <sequenceFlow id="Flow_ToChild" sourceRef="Task_Wait" targetRef="CallActivity_Child" />
          <callActivity id="CallActivity_Child" calledElement="prescription-child-test">
            <extensionElements><camunda:in source="caseReference" target="caseReference" /></extensionElements>
          </callActivity>
          <sequenceFlow id="Flow_ToHold" sourceRef="CallActivity_Child" targetRef="Task_Hold" />
          <receiveTask id="Task_Hold" />
          <sequenceFlow id="Flow_ToEnd" sourceRef="Task_Hold" targetRef="Event_End" />
          <endEvent id="Event_End" />
          <subProcess id="Sub_Warning" triggeredByEvent="true">
            <startEvent id="Timer_PrescriptionWarning" isInterrupting="false">
              <timerEventDefinition><timeDate>${prescriptionWarningAt}</timeDate></timerEventDefinition>
            </startEvent>
            <sequenceFlow id="Flow_Warned" sourceRef="Timer_PrescriptionWarning" targetRef="Event_Warned" />
            <endEvent id="Event_Warned" />
          </subProcess>
          <subProcess id="Sub_Prescribed" triggeredByEvent="true">
            <startEvent id="Timer_Prescribed">
              <timerEventDefinition><timeDate>${prescriptionDate}</timeDate></timerEventDefinition>
            </startEvent>
            <sequenceFlow id="Flow_Prescribed" sourceRef="Timer_Prescribed" targetRef="Event_Prescribed" />
            <endEvent id="Event_Prescribed" />
          </subProcess>
        </process>
        <process id="prescription-child-test" isExecutable="true" camunda:historyTimeToLive="P1D">
          <startEvent id="Event_ChildStart" />
          <sequenceFlow id="Flow_ToRefresh" sourceRef="Event_ChildStart" targetRef="Task_Refresh" />
          <serviceTask id="Task_Refresh" camunda:expression="${prescription.refresh(caseReference)}" />
          <sequenceFlow id="Flow_ToChildEnd" sourceRef="Task_Refresh" targetRef="Event_ChildEnd" />
          <endEvent id="Event_ChildEnd" />
        </process>
      </definitions>
      """;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired PrescriptionService prescription;
  @Autowired LegalEvents legalEvents;
  @Autowired MediationService mediations;
  @Autowired PrescriptionCarryOver carryOver;
  ApiClient api;
  LocalDate today;
  String deploymentId;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port, "admin", "admin-test");
    today = CaseClock.today();
  }

  @AfterEach
  void tearDown() {
    if (deploymentId != null) {
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
  }

  String open(String json) {
    ApiClient.Response r = api.postJson("/api/cases", json);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("reference").asText();
  }

  String consumerCase(LocalDate due) {
    return open(CaseFixtures.consumerCase(CaseFixtures.newDebtorId(), "F-PRE-1", "1000.00", due));
  }

  LocalDate stored(String reference) {
    return jdbc.queryForObject(
        "select prescription_date from collection_case where reference = ?",
        LocalDate.class,
        reference);
  }

  String processInstance(String reference) {
    return jdbc.queryForObject(
        "select process_instance_id from collection_case where reference = ?",
        String.class,
        reference);
  }

  static Date at8(LocalDate day) {
    return Date.from(day.atTime(8, 0).atZone(CaseClock.PARIS).toInstant());
  }

  @Test
  void aNewConsumerCaseKnowsItsDateAndItsProcessStartsWithBothTimerDates() {
    LocalDate due = today.minusDays(400);
    String reference = consumerCase(due);

    assertThat(stored(reference)).isEqualTo(due.plusYears(2));
    assertThat(api.get("/api/cases/" + reference).json().get("prescriptionDate").asText())
        .isEqualTo(due.plusYears(2).toString());
    String pid = processInstance(reference);
    // the first morning the claim is time-barred, and 90 days before its last day
    assertThat(engine.getRuntimeService().getVariable(pid, "prescriptionDate"))
        .isEqualTo(at8(due.plusYears(2).plusDays(1)));
    assertThat(engine.getRuntimeService().getVariable(pid, "prescriptionWarningAt"))
        .isEqualTo(at8(due.plusYears(2).minusDays(90)));
  }

  @Test
  void aNewVersionOfTheHouseDelaysMovesTheWarningWhenTheDateIsNextPushed() {
    LocalDate due = today.minusDays(400);
    String reference = consumerCase(due);
    String pid = processInstance(reference);
    LocalDate last = due.plusYears(2);
    // as shipped: PRESCRIPTION_WARNING_DAYS = 90
    assertThat(engine.getRuntimeService().getVariable(pid, "prescriptionWarningAt"))
        .isEqualTo(at8(last.minusDays(90)));

    // an analyst deploys « Délais de gestion » warning 30 days before: the next refresh uses it,
    // the warning comes 60 days later and its timer with it
    deploymentId =
        TestHouseDelays.deployWith(
            engine.getRepositoryService(), HouseDelays.PRESCRIPTION_WARNING_DAYS, 30);
    prescription.refresh(reference);
    assertThat(engine.getRuntimeService().getVariable(pid, "prescriptionWarningAt"))
        .isEqualTo(at8(last.minusDays(30)));
    assertThat(timer(pid, "Timer_PrescriptionWarning").getDuedate())
        .isEqualTo(at8(last.minusDays(30)));

    // removed again (the tests after this one read the shipped table): back to 90 days
    engine.getRepositoryService().deleteDeployment(deploymentId, true);
    deploymentId = null;
    prescription.refresh(reference);
    assertThat(timer(pid, "Timer_PrescriptionWarning").getDuedate())
        .isEqualTo(at8(last.minusDays(90)));
  }

  @Test
  void aBusinessClaimRunsFiveYears() {
    LocalDate due = today.minusDays(30);
    String reference =
        open(CaseFixtures.businessCase(CaseFixtures.newDebtorId(), "F-PRE-B2B", "2400.00", due));
    assertThat(stored(reference)).isEqualTo(due.plusYears(5));
  }

  @Test
  void aConsumerClaimTwoYearsAndOneDayOldIsPrescribedTwoYearsOldIsNot() {
    // C. conso L218-2, C. civ. 2228/2229: due on D, the creditor can act until D + 2 years included
    String exactlyTwoYears = consumerCase(today.minusYears(2));
    String twoYearsAndOneDay = consumerCase(today.minusYears(2).minusDays(1));

    assertThat(prescription.isPrescribed(exactlyTwoYears)).isFalse();
    assertThat(prescription.isPrescribed(twoYearsAndOneDay)).isTrue();
    assertThat(stored(twoYearsAndOneDay)).isEqualTo(today.minusDays(1));
  }

  @Test
  void aPartialPaymentRestartsItAndMovesTheStoredDateAndTheProcessVariables() {
    String reference = consumerCase(today.minusDays(600));
    assertThat(stored(reference)).isEqualTo(today.minusDays(600).plusYears(2));

    ApiClient.Response paid =
        api.postJson(
            "/api/cases/" + reference + "/payments",
            CaseFixtures.payment("100.00", today, "VIR-PRE-1"));
    assertThat(paid.status()).as(paid.body()).isLessThan(300);

    // C. civ. 2240: a partial payment acknowledges the debt, a new 2-year period starts today
    assertThat(stored(reference)).isEqualTo(today.plusYears(2));
    assertThat(paid.json().get("prescriptionDate").asText())
        .isEqualTo(today.plusYears(2).toString());
    String pid = processInstance(reference);
    assertThat(engine.getRuntimeService().getVariable(pid, "prescriptionDate"))
        .isEqualTo(at8(today.plusYears(2).plusDays(1)));
    assertThat(engine.getRuntimeService().getVariable(pid, "prescriptionWarningAt"))
        .isEqualTo(at8(today.plusYears(2).minusDays(90)));
  }

  @Test
  void aMediationSuspendsItWithAtLeastSixMonthsLeftAfterIt() {
    // a month left when the mediation starts
    String reference = consumerCase(today.minusYears(2).plusMonths(1));
    assertThat(stored(reference)).isEqualTo(today.plusMonths(1));

    long mediation =
        mediations.start(
            reference,
            "CONSUMER_MEDIATOR",
            "Médiateur",
            "MED-PRE",
            today,
            "pi-pre-" + reference,
            "alice");
    assertThat(stored(reference)).isEqualTo(today.plusMonths(6));
    mediations.end(mediation, "FAILED");

    // C. civ. 2238 al. 2: at least 6 months from the end of the mediation
    assertThat(stored(reference)).isEqualTo(today.plusMonths(6));
  }

  @Test
  void aCourtTitleGivesTenYearsAndTheCaseShowsItPerInvoice() {
    String reference = consumerCase(today.minusDays(200));
    legalEvents.record(
        reference,
        LegalEventType.ENFORCEABLE_TITLE,
        today,
        "Ordonnance non frappée d'opposition",
        "test");

    // CPCE L111-4, P10Y in legal-deadlines
    assertThat(stored(reference)).isEqualTo(today.plusYears(10));
    com.fasterxml.jackson.databind.JsonNode invoice =
        api.get("/api/cases/" + reference).json().get("invoices").get(0);
    assertThat(invoice.get("prescriptionDate").asText()).isEqualTo(today.plusYears(10).toString());
    assertThat(invoice.get("prescriptionAct").asText()).isEqualTo("COURT_TITLE");
    assertThat(invoice.get("prescriptionActLabel").asText()).contains("CPCE L111-3 1° à 3°");
    assertThat(
            jdbc.queryForObject(
                "select enforceable_title_on from collection_case where reference = ?",
                LocalDate.class,
                reference))
        .isEqualTo(today);
  }

  @Test
  void aCourtClaimHoldsTheWaitingTimersFromItsServiceAndALostLawsuitPutsThemBack() {
    LocalDate due = today.minusDays(500);
    String reference = consumerCase(due);
    LocalDate last = due.plusYears(2);
    // the case's instance is swapped for one waiting on the same two timers
    deployTimersModel();
    String original = processInstance(reference);
    String pid =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "prescription-timers-test", reference, prescription.timerVariables(last))
            .getId();
    jdbc.update(
        "update collection_case set process_instance_id = ? where reference = ?", pid, reference);
    try {
      assertThat(timer(pid, "Timer_PrescriptionWarning").getDuedate())
          .isEqualTo(at8(last.minusDays(90)));
      assertThat(timer(pid, "Timer_Prescribed").getDuedate()).isEqualTo(at8(last.plusDays(1)));

      // the request alone does not interrupt (Cass. 10 July 1990): nothing moves
      legalEvents.record(
          reference, LegalEventType.ORDER_TO_PAY_FILED, today, "Requête déposée", "test");
      assertThat(stored(reference)).isEqualTo(last);
      assertThat(timer(pid, "Timer_Prescribed").getDuedate()).isEqualTo(at8(last.plusDays(1)));

      // its service does, until the proceedings end (C. civ. 2241, 2242): no date, both timers wait
      legalEvents.record(
          reference, LegalEventType.ORDER_TO_PAY_SERVED, today, "Ordonnance signifiée", "test");
      assertThat(stored(reference)).isNull();
      assertThat(timer(pid, "Timer_PrescriptionWarning").getDuedate())
          .isEqualTo(at8(PrescriptionService.WHILE_PROCEEDINGS_RUN));
      assertThat(timer(pid, "Timer_Prescribed").getDuedate())
          .isEqualTo(at8(PrescriptionService.WHILE_PROCEEDINGS_RUN));
      com.fasterxml.jackson.databind.JsonNode invoice =
          api.get("/api/cases/" + reference).json().get("invoices").get(0);
      assertThat(invoice.get("prescriptionDate").isNull()).isTrue();
      assertThat(invoice.get("prescriptionAct").asText()).isEqualTo("ORDER_TO_PAY_SERVED");

      // the debtor opposes and wins: the interruption is void (C. civ. 2243), the old date and
      // timers come back
      legalEvents.record(
          reference, LegalEventType.ORDER_TO_PAY_OPPOSED, today, "Opposition", "test");
      legalEvents.record(
          reference,
          LegalEventType.LAWSUIT_LOST,
          today.plusDays(1),
          "Jugement sur opposition : perdu",
          "test");
      assertThat(stored(reference)).isEqualTo(last);
      assertThat(timer(pid, "Timer_PrescriptionWarning").getDuedate())
          .isEqualTo(at8(last.minusDays(90)));
      assertThat(timer(pid, "Timer_Prescribed").getDuedate()).isEqualTo(at8(last.plusDays(1)));
    } finally {
      jdbc.update(
          "update collection_case set process_instance_id = ? where reference = ?",
          original,
          reference);
    }
  }

  @Test
  void aRefreshFromACalledProcessMovesTheTimersOfTheCaseProcessInTheSameTransaction() {
    // how a plan, a mediation or a legal step (called processes) reach the case's own timers
    LocalDate due = today.minusDays(500);
    String reference = consumerCase(due);
    LocalDate last = due.plusYears(2);
    deployTimersModel();
    String original = processInstance(reference);
    Map<String, Object> variables = new HashMap<>(prescription.timerVariables(last));
    variables.put("caseReference", reference);
    String pid =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey("prescription-timers-test", reference, variables)
            .getId();
    jdbc.update(
        "update collection_case set process_instance_id = ? where reference = ?", pid, reference);
    try {
      // an acknowledgement the service has not seen yet: the called process's step picks it up
      jdbc.update(
          "insert into legal_event (case_id, type, occurred_on, details, recorded_at, recorded_by)"
              + " select id, 'ENFORCEMENT_MEASURE', ?, 'test', current_timestamp, 'test' from collection_case where reference = ?",
          java.sql.Date.valueOf(today),
          reference);
      engine
          .getRuntimeService()
          .signal(
              engine
                  .getRuntimeService()
                  .createExecutionQuery()
                  .processInstanceId(pid)
                  .activityId("Task_Wait")
                  .singleResult()
                  .getId());

      LocalDate moved = today.plusYears(2);
      assertThat(
              engine
                  .getRuntimeService()
                  .createExecutionQuery()
                  .processInstanceId(pid)
                  .activityId("Task_Hold")
                  .count())
          .isEqualTo(1);
      assertThat(engine.getRuntimeService().getVariable(pid, "prescriptionDate"))
          .isEqualTo(at8(moved.plusDays(1)));
      assertThat(timer(pid, "Timer_PrescriptionWarning").getDuedate())
          .isEqualTo(at8(moved.minusDays(90)));
      assertThat(timer(pid, "Timer_Prescribed").getDuedate()).isEqualTo(at8(moved.plusDays(1)));
    } finally {
      jdbc.update(
          "update collection_case set process_instance_id = ? where reference = ?",
          original,
          reference);
    }
  }

  @Test
  void aCaseRunningBeforeTheNewRulesIsCarriedOverByTheMigrationAndOneRecomputation()
      throws Exception {
    // as left by the old rules: a consumer's small-claims agreement 100 days ago recorded as a
    // court
    // title (10 years), the stored date from it, and no per-invoice prescription yet
    LocalDate agreed = today.minusDays(100);
    String reference = consumerCase(today.minusDays(400));
    jdbc.update(
        "insert into legal_event (case_id, type, occurred_on, ends_on, details, recorded_at, recorded_by)"
            + " select id, 'SMALL_CLAIMS_AGREED', ?, ?, 'accord', current_timestamp, 'test' from collection_case where reference = ?",
        java.sql.Date.valueOf(agreed),
        java.sql.Date.valueOf(agreed),
        reference);
    jdbc.update(
        "insert into legal_event (case_id, type, occurred_on, details, recorded_at, recorded_by)"
            + " select id, 'ENFORCEABLE_TITLE', ?, 'titre petites créances', current_timestamp, 'test' from collection_case where reference = ?",
        java.sql.Date.valueOf(agreed),
        reference);
    jdbc.update(
        "update collection_case set prescription_date = ? where reference = ?",
        java.sql.Date.valueOf(agreed.plusYears(10)),
        reference);
    jdbc.update(
        "update invoice set prescription_date = null, prescription_act = null"
            + " where case_id = (select id from collection_case where reference = ?)",
        reference);
    String pid = processInstance(reference);
    engine.getRuntimeService().setVariables(pid, prescription.timerVariables(agreed.plusYears(10)));

    // migration V10's statements (they only touch rows of the old shape, so running them again is
    // harmless)
    String migration =
        new String(
            getClass()
                .getResourceAsStream("/db/migration/V10__prescription_acts.sql")
                .readAllBytes(),
            StandardCharsets.UTF_8);
    String statements =
        migration
            .lines()
            .filter(l -> !l.strip().startsWith("--"))
            .collect(java.util.stream.Collectors.joining("\n"));
    for (String statement : statements.split(";")) {
      if (statement.strip().startsWith("update")) {
        jdbc.update(statement);
      }
    }
    assertThat(
            jdbc.queryForList(
                "select type from legal_event e join collection_case c on c.id = e.case_id where c.reference = ?"
                    + " order by e.id",
                String.class,
                reference))
        .containsExactly("SMALL_CLAIMS_AGREED", "SMALL_CLAIMS_TITLE");

    assertThat(carryOver.run()).isGreaterThanOrEqualTo(1);

    // the claim's own 2 years from the agreement (CPCE L111-3 5°, C. civ. 2240), not 10
    LocalDate carried = agreed.plusYears(2);
    assertThat(stored(reference)).isEqualTo(carried);
    com.fasterxml.jackson.databind.JsonNode invoice =
        api.get("/api/cases/" + reference).json().get("invoices").get(0);
    assertThat(invoice.get("prescriptionDate").asText()).isEqualTo(carried.toString());
    assertThat(invoice.get("prescriptionAct").asText()).isEqualTo("SMALL_CLAIMS_AGREEMENT");
    assertThat(engine.getRuntimeService().getVariable(pid, "prescriptionDate"))
        .isEqualTo(at8(carried.plusDays(1)));
    // done once: nothing left to carry over for this case
    assertThat(carryOver.run()).isZero();
  }

  @Test
  void aNewDatedRowOfLegalDeadlinesChangesThePeriodForClaimsDueFromItsDateOnly() throws Exception {
    // a hypothetical change of the law, deployed by an analyst as one more row: consumer claims due
    // from today on get 3 years; those due before keep 2
    String table =
        new String(
            getClass()
                .getResourceAsStream("/processes/decisions/legal-deadlines.dmn")
                .readAllBytes(),
            StandardCharsets.UTF_8);
    // the cell as Modeler saves it (whitespace between the tags is Modeler's, not the test's)
    java.util.regex.Pattern before =
        java.util.regex.Pattern.compile(
            "<inputEntry id=\"InputEntry_PrescriptionConsumer_ActDate\">\\s*<text>-</text>\\s*</inputEntry>");
    assertThat(table).containsPattern(before);
    String changed =
        before
            .matcher(table)
            .replaceFirst(
                "<inputEntry id=\"InputEntry_PrescriptionConsumer_ActDate\"><text>&lt; date(&quot;"
                    + today
                    + "&quot;)</text></inputEntry>")
            .replace(
                "<rule id=\"Rule_PrescriptionDefault\">",
                """
            <rule id="Rule_PrescriptionConsumerTest">
              <inputEntry id="InputEntry_PrescriptionConsumerTest_Rule"><text>"PRESCRIPTION_CONSUMER"</text></inputEntry>
              <inputEntry id="InputEntry_PrescriptionConsumerTest_Residence"><text>-</text></inputEntry>
              <inputEntry id="InputEntry_PrescriptionConsumerTest_ActDate"><text>&gt;= date(&quot;%s&quot;)</text></inputEntry>
              <outputEntry id="OutputEntry_PrescriptionConsumerTest_Period"><text>"P3Y"</text></outputEntry>
              <outputEntry id="OutputEntry_PrescriptionConsumerTest_Source"><text>"test"</text></outputEntry>
            </rule>
            <rule id="Rule_PrescriptionDefault">"""
                    .formatted(today));
    deploymentId =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("legal-deadlines-test")
            .addInputStream(
                "legal-deadlines.dmn",
                new ByteArrayInputStream(changed.getBytes(StandardCharsets.UTF_8)))
            .deploy()
            .getId();

    String dueYesterday = consumerCase(today.minusDays(1));
    String dueToday = consumerCase(today);

    assertThat(stored(dueYesterday)).isEqualTo(today.minusDays(1).plusYears(2));
    assertThat(stored(dueToday)).isEqualTo(today.plusYears(3));
  }

  void deployTimersModel() {
    deploymentId =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("prescription-timers-test")
            .addInputStream(
                "prescription-timers-test.bpmn",
                new ByteArrayInputStream(TIMERS_MODEL.strip().getBytes(StandardCharsets.UTF_8)))
            .deploy()
            .getId();
  }

  Job timer(String pid, String activityId) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(pid)
        .activityId(activityId)
        .singleResult();
  }
}

package fr.recouvrement.legal.court;

import static fr.recouvrement.legal.court.CourtProcessTests.at;
import static fr.recouvrement.legal.court.CourtProcessTests.candidateGroups;
import static fr.recouvrement.legal.court.CourtProcessTests.day;
import static fr.recouvrement.legal.court.CourtProcessTests.midnight;
import static fr.recouvrement.legal.court.CourtProcessTests.timers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.ProcessDriver;
import fr.recouvrement.ProcessTestEngine;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * order-to-pay: request, judge's decision, service within the period of the order's date (CPC 1411:
 * 6 months before 1 September 2026, 3 months since, décret n° 2026-96), opposition (CPC 1416, 643),
 * the wait before enforcing, a service not to the person (CPC 1416 al. 2), the lawsuit after an
 * opposition. Periods come from the deployed legal-deadlines table, working days from the debtor's
 * calendar (CPC 642).
 */
class OrderToPayProcessTest {
  static final LocalDate TODAY = LocalDate.parse("2026-03-02");

  /** The order's date; six months later is Wednesday 16 September 2026, a working day. */
  static final LocalDate DECISION = LocalDate.parse("2026-03-16");

  static final LocalDate SERVICE_DEADLINE = LocalDate.parse("2026-09-16");

  final ProcessEngine engine = ProcessTestEngine.get();
  CourtMocks mocks;
  ProcessInstance instance;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(at(TODAY));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    Mocks.reset();
  }

  Object variable(ProcessDriver driver, String name) {
    return CourtProcessTests.variable(engine, driver, name);
  }

  /**
   * Filed with the tribunal de commerce for a debtor in metropolitan France; the judge's decision
   * is awaited.
   */
  ProcessDriver filed(boolean bailiffConfigured) {
    return filed(bailiffConfigured, "METROPOLE", "METROPOLE");
  }

  /**
   * As {@link #filed(boolean)}, for a debtor of that residence (CPC 643) and calendar (CPC 642).
   */
  ProcessDriver filed(boolean bailiffConfigured, String residence, String territory) {
    mocks = new CourtMocks(engine, bailiffConfigured);
    instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "order-to-pay",
                "DOS-IP",
                Map.of(
                    "caseReference",
                    "DOS-IP",
                    "debtorType",
                    "BUSINESS",
                    "debtorName",
                    "Boulangerie Martin SARL",
                    "balance",
                    7350.0,
                    "claimAmount",
                    7412.8,
                    "court",
                    "tribunal de commerce",
                    "cerfa",
                    "12946",
                    "residence",
                    residence,
                    "debtorTerritory",
                    territory));
    ProcessDriver driver = new ProcessDriver(engine, instance.getId()).settle();
    Task request = driver.task();
    assertThat(request.getName()).isEqualTo("Préparer la requête en injonction de payer");
    assertThat(candidateGroups(engine, request)).containsExactly("collectors");
    Map<String, Object> form = new HashMap<>();
    form.put("court", "tribunal de commerce");
    form.put("cerfa", "12946");
    form.put("claimAmount", 7412.8);
    form.put("docInvoices", true);
    form.put("docFormalNotice", true);
    form.put("docNoticeReceipt", true);
    form.put("docContract", false);
    form.put("filingDate", day(ClockUtil.getCurrentTime()).toString());
    form.put("courtFee", 33.47);
    driver.complete(request, form);
    assertThat(driver.task().getName()).isEqualTo("Enregistrer la décision du juge");
    return driver;
  }

  ProcessDriver granted(boolean bailiffConfigured) {
    ProcessDriver driver = grantedOn(DECISION, bailiffConfigured, "METROPOLE", "METROPOLE");
    assertThat(variable(driver, "serviceDeadline")).isEqualTo(SERVICE_DEADLINE.toString());
    return driver;
  }

  /** The order made on {@code decision}, recorded three days later. */
  ProcessDriver grantedOn(
      LocalDate decision, boolean bailiffConfigured, String residence, String territory) {
    ClockUtil.setCurrentTime(at(decision.minusDays(14)));
    ProcessDriver driver = filed(bailiffConfigured, residence, territory);
    ClockUtil.setCurrentTime(at(decision.plusDays(3)));
    driver.complete(
        driver.task(),
        Map.of("orderDecision", "GRANTED", "orderDecisionDate", decision.toString()));
    return driver;
  }

  /** Served through the provider's API on {@code on}, to the person or not. */
  ProcessDriver servedOn(ProcessDriver driver, String on, boolean toPerson) {
    ClockUtil.setCurrentTime(at(LocalDate.parse(on)));
    CourtMocks.report(engine, "1", CourtMocks.report("SERVED", on, toPerson));
    return driver.settle();
  }

  /** The manual path: the collector hands the order over, then is to record the service. */
  ProcessDriver handedOverForService() {
    ProcessDriver driver = granted(false);
    Task handOver = driver.task();
    assertThat(handOver.getName())
        .isEqualTo("Transmettre l'ordonnance au commissaire de justice pour signification");
    driver.complete(
        handOver,
        Map.of("bailiffName", "Étude Durand", "handedOverOn", DECISION.plusDays(3).toString()));
    Task report = driver.task();
    assertThat(report.getName()).isEqualTo("Enregistrer le compte rendu de signification");
    assertThat(report.getDueDate()).isEqualTo(midnight(SERVICE_DEADLINE));
    return driver;
  }

  /**
   * Served through the provider on Friday 10 April 2026: opposition is open until Monday 11 May (10
   * May is a Sunday).
   */
  ProcessDriver served() {
    ProcessDriver driver = granted(true);
    ClockUtil.setCurrentTime(at(LocalDate.parse("2026-04-10")));
    CourtMocks.report(engine, "1", CourtMocks.report("SERVED", "2026-04-10"));
    driver.settle();
    Task opposition = driver.task();
    assertThat(opposition.getName()).isEqualTo("Enregistrer une éventuelle opposition");
    assertThat(variable(driver, "oppositionDeadline")).isEqualTo("2026-05-11");
    return driver;
  }

  Task lawyersTask() {
    ProcessDriver driver = served();
    driver.complete(driver.task(), Map.of("oppositionDate", "2026-04-28"));
    Task lawsuit = driver.task();
    assertThat(lawsuit.getName()).isEqualTo("Suivre l'instance au fond (avocat)");
    assertThat(candidateGroups(engine, lawsuit)).containsExactly("supervisors");
    return lawsuit;
  }

  @Test
  void shouldOpenEveryTaskWithADeployedForm() {
    assertThat(CourtProcessTests.missingForms(engine, "order-to-pay")).isEmpty();
  }

  @Test
  void shouldEndWhenTheJudgeRejectsTheRequest() {
    ProcessDriver driver = filed(false);

    driver.complete(
        driver.task(),
        Map.of("orderDecision", "REJECTED", "orderDecisionDate", DECISION.toString()));

    assertThat(instance).isEnded().hasPassed("Event_OrderRejected");
    assertThat(mocks.events)
        .containsExactly(
            "ORDER_TO_PAY_FILED:2026-03-02:COURT_FEE=33.47", "ORDER_TO_PAY_REJECTED:2026-03-16");
    assertThat(mocks.bailiff).isEmpty();
    assertThat(variable(driver, "orderOutcome")).isEqualTo("REJECTED");
    assertThat(variable(driver, "enforceableTitle")).isEqualTo(false);
  }

  @Test
  void shouldObtainATitleWhenNoOppositionFollowsTheServiceWithinTheMonth() {
    ProcessDriver driver = served();
    assertThat(mocks.bailiff)
        .containsExactly("requestBailiffMission:SERVICE", "recordBailiffReport:SERVED:2026-04-10");
    // the opposition window ends on Monday 11 May; a few days are left for the court's notice to
    // arrive
    assertThat(timers(engine, driver))
        .extracting(Job::getDuedate)
        .containsExactly(midnight(LocalDate.parse("2026-05-17")));

    driver.fireTimer();

    assertThat(instance).isEnded().hasPassed("Timer_OppositionWindow", "Event_TitleObtained");
    assertThat(mocks.events)
        .containsExactly(
            "ORDER_TO_PAY_FILED:2026-03-02:COURT_FEE=33.47",
            "ORDER_TO_PAY_GRANTED:2026-03-16",
            "ORDER_TO_PAY_SERVED:2026-04-10",
            "ENFORCEABLE_TITLE:2026-05-11");
    assertThat(variable(driver, "orderOutcome")).isEqualTo("TITLE");
    assertThat(variable(driver, "enforceableTitle")).isEqualTo(true);
  }

  @Test
  void shouldLapseWhenTheOrderIsNotServedWithinSixMonthsAfterWarningASupervisor() {
    ProcessDriver driver = handedOverForService();

    Task warning = driver.advanceUntilTask("Signification de l'injonction bientôt caduque");
    // one month before the last day to serve (16 September): 16 August
    assertThat(day(ClockUtil.getCurrentTime())).isEqualTo(SERVICE_DEADLINE.minusMonths(1));
    assertThat(candidateGroups(engine, warning)).containsExactly("supervisors");
    assertThat(instance).isWaitingAt("Task_RecordServiceOutcome", "Task_WarnServiceLapsing");
    // midnight after the last day (16 September), plus five days for a late report to arrive
    assertThat(timers(engine, driver))
        .extracting(Job::getDuedate)
        .containsExactly(midnight(LocalDate.parse("2026-09-22")));

    driver.fireTimer();

    assertThat(instance).isEnded().hasPassed("Timer_ServiceDeadline", "Event_OrderLapsed");
    assertThat(
            engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count())
        .isZero();
    assertThat(mocks.events)
        .containsExactly(
            "ORDER_TO_PAY_FILED:2026-03-02:COURT_FEE=33.47",
            "ORDER_TO_PAY_GRANTED:2026-03-16",
            "ORDER_TO_PAY_LAPSED:2026-09-16");
    assertThat(variable(driver, "orderOutcome")).isEqualTo("LAPSED");
    assertThat(variable(driver, "enforceableTitle")).isEqualTo(false);
  }

  @Test
  void shouldWithdrawTheSupervisorsWarningOnceTheOrderIsServed() {
    ProcessDriver driver = handedOverForService();
    driver.advanceUntilTask("Signification de l'injonction bientôt caduque");

    Task report =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("Task_RecordServiceOutcome")
            .singleResult();
    driver.complete(
        report,
        Map.of(
            "bailiffOutcome",
            "SERVED",
            "bailiffReportedOn",
            "2026-08-20",
            "bailiffFee",
            62.5,
            "bailiffAmountRecovered",
            0.0,
            "servedToPerson",
            true));

    assertThat(driver.task().getName()).isEqualTo("Enregistrer une éventuelle opposition");
    assertThat(mocks.events).endsWith("ORDER_TO_PAY_SERVED:2026-08-20");
  }

  @Test
  void shouldAcceptAServiceOnTheLastDayReportedAfterIt() {
    ProcessDriver driver = handedOverForService();
    ClockUtil.setCurrentTime(at(SERVICE_DEADLINE.plusDays(3)));

    driver.complete(
        driver.task(),
        Map.of(
            "bailiffOutcome",
            "SERVED",
            "bailiffReportedOn",
            SERVICE_DEADLINE.toString(),
            "bailiffFee",
            62.5,
            "bailiffAmountRecovered",
            0.0,
            "servedToPerson",
            true));

    assertThat(instance).isWaitingAt("Task_RecordOpposition");
    assertThat(mocks.events).endsWith("ORDER_TO_PAY_SERVED:2026-09-16");
    assertThat(variable(driver, "oppositionDeadline")).isEqualTo("2026-10-16");
  }

  @Test
  void shouldLapseWhenTheServiceCameOneDayLate() {
    ProcessDriver driver = handedOverForService();
    ClockUtil.setCurrentTime(at(SERVICE_DEADLINE.plusDays(3)));

    driver.complete(
        driver.task(),
        Map.of(
            "bailiffOutcome",
            "SERVED",
            "bailiffReportedOn",
            SERVICE_DEADLINE.plusDays(1).toString(),
            "bailiffFee",
            62.5,
            "bailiffAmountRecovered",
            0.0));

    assertThat(instance).isEnded().hasPassed("Gateway_ServedInTime", "Event_OrderLapsed");
    assertThat(mocks.bailiff)
        .containsExactly(
            "recordManualBailiffMission:SERVICE", "recordBailiffReport:SERVED:2026-09-17");
    assertThat(mocks.events).endsWith("ORDER_TO_PAY_LAPSED:2026-09-16");
    assertThat(variable(driver, "orderOutcome")).isEqualTo("LAPSED");
  }

  @Test
  void shouldAskForAnotherServiceWhenTheDebtorCouldNotBeFound() {
    ProcessDriver driver = granted(true);
    CourtMocks.report(engine, "1", CourtMocks.report("NOT_SERVED", "2026-04-02"));
    driver.settle();
    assertThat(mocks.bailiff)
        .containsExactly(
            "requestBailiffMission:SERVICE",
            "recordBailiffReport:NOT_SERVED:2026-04-02",
            "requestBailiffMission:SERVICE");

    CourtMocks.report(engine, "2", CourtMocks.report("SERVED", "2026-05-04"));
    driver.settle();

    assertThat(instance).isWaitingAt("Task_RecordOpposition");
    assertThat(mocks.events).endsWith("ORDER_TO_PAY_SERVED:2026-05-04");
  }

  @Test
  void shouldHandAnOppositionToTheLawyerAndEndWhenTheLawsuitIsLost() {
    Task lawsuit = lawyersTask();
    ProcessDriver driver = new ProcessDriver(engine, instance.getId());

    driver.complete(
        lawsuit,
        Map.of("lawsuitOutcome", "LOST", "lawsuitDecisionDate", "2026-11-20", "lawyerFee", 1200.0));

    assertThat(instance).isEnded().hasPassed("Event_LawsuitLost");
    assertThat(mocks.events)
        .endsWith("ORDER_TO_PAY_OPPOSED:2026-04-28", "LAWSUIT_LOST:2026-11-20:LAWYER_FEE=1200.0");
    assertThat(variable(driver, "orderOutcome")).isEqualTo("LAWSUIT_LOST");
    assertThat(variable(driver, "enforceableTitle")).isEqualTo(false);
  }

  @Test
  void shouldRecordAnExtinguishedLawsuitAsLostSoThatItInterruptedNothing() {
    Task lawsuit = lawyersTask();
    ProcessDriver driver = new ProcessDriver(engine, instance.getId());

    // a withdrawal or the proceedings left to lapse (péremption): C. civ. 2243, the interruption is
    // void
    driver.complete(
        lawsuit,
        Map.of(
            "lawsuitOutcome",
            "EXTINGUISHED",
            "lawsuitDecisionDate",
            "2028-05-02",
            "lawyerFee",
            0.0));

    assertThat(instance).isEnded().hasPassed("Event_LawsuitLost");
    assertThat(mocks.events).endsWith("ORDER_TO_PAY_OPPOSED:2026-04-28", "LAWSUIT_LOST:2028-05-02");
    assertThat(variable(driver, "orderOutcome")).isEqualTo("LAWSUIT_LOST");
  }

  @Test
  void shouldObtainATitleFromAWonLawsuit() {
    Task lawsuit = lawyersTask();
    ProcessDriver driver = new ProcessDriver(engine, instance.getId());

    driver.complete(
        lawsuit,
        Map.of("lawsuitOutcome", "WON", "lawsuitDecisionDate", "2026-11-20", "lawyerFee", 0.0));

    assertThat(instance).isEnded().hasPassed("Event_JudgmentObtained");
    assertThat(mocks.events)
        .endsWith(
            "ORDER_TO_PAY_OPPOSED:2026-04-28",
            "LAWSUIT_DECIDED:2026-11-20",
            "ENFORCEABLE_TITLE:2026-11-20");
    assertThat(variable(driver, "orderOutcome")).isEqualTo("TITLE");
    assertThat(variable(driver, "enforceableTitle")).isEqualTo(true);
  }

  // --- the law by the order's date (décret n° 2026-96), CPC 643, CPC 642, CPC 1416 al. 2

  @Test
  void
      anOrderMadeOn31August2026KeepsSixMonthsToServeAndIsEnforceableOnceTheOppositionMonthHasPassed() {
    ProcessDriver driver = grantedOn(LocalDate.parse("2026-08-31"), true, "METROPOLE", "METROPOLE");
    // 31 August 2026 + 6 months = 28 February 2027 (end of month), a Sunday: Monday 1 March 2027
    // (CPC 642)
    assertThat(variable(driver, "serviceDeadline")).isEqualTo("2027-03-01");
    assertThat(variable(driver, "servicePeriod")).isEqualTo("P6M");
    assertThat((String) variable(driver, "serviceDeadlineSource"))
        .contains("CPC 1411")
        .contains("antérieure");

    servedOn(driver, "2026-10-05", true);

    // old law: one month to oppose from Monday 5 October = Thursday 5 November; enforcement waits
    // for it
    // (the clerk's certificate of non-opposition), not two months
    assertThat(variable(driver, "oppositionDeadline")).isEqualTo("2026-11-05");
    assertThat(variable(driver, "enforcementWaitDeadline")).isEqualTo("2026-11-05");
    assertThat(variable(driver, "titleDate")).isEqualTo("2026-11-05");
    assertThat((String) variable(driver, "enforcementWaitSource")).contains("1422");
    assertThat(timers(engine, driver))
        .extracting(Job::getDuedate)
        .containsExactly(midnight(LocalDate.parse("2026-11-11")));

    driver.fireTimer();

    assertThat(instance).isEnded().hasPassed("Event_TitleObtained");
    assertThat(mocks.events)
        .endsWith("ORDER_TO_PAY_SERVED:2026-10-05", "ENFORCEABLE_TITLE:2026-11-05");
  }

  @Test
  void
      anOrderMadeOn2September2026MustBeServedWithinThreeMonthsAndIsEnforceableTwoMonthsAfterService() {
    ProcessDriver driver = grantedOn(LocalDate.parse("2026-09-02"), true, "METROPOLE", "METROPOLE");
    // 2 September 2026 + 3 months = Wednesday 2 December 2026
    assertThat(variable(driver, "serviceDeadline")).isEqualTo("2026-12-02");
    assertThat(variable(driver, "servicePeriod")).isEqualTo("P3M");
    assertThat((String) variable(driver, "serviceDeadlineSource"))
        .contains("CPC 1411")
        .contains("2026-96");

    servedOn(driver, "2026-10-05", true);

    // opposition: one month, to Thursday 5 November; enforcement: two months after service without
    // a
    // notice of opposition = Saturday 5 December, so Monday 7 December
    assertThat(variable(driver, "oppositionDeadline")).isEqualTo("2026-11-05");
    assertThat(variable(driver, "enforcementWaitDeadline")).isEqualTo("2026-12-07");
    assertThat(variable(driver, "titleDate")).isEqualTo("2026-12-07");
    assertThat((String) variable(driver, "enforcementWaitSource")).contains("2026-96");
    assertThat(timers(engine, driver))
        .extracting(Job::getDuedate)
        .containsExactly(midnight(LocalDate.parse("2026-12-13")));

    driver.fireTimer();

    assertThat(instance).isEnded().hasPassed("Event_TitleObtained");
    assertThat(mocks.events)
        .endsWith("ORDER_TO_PAY_SERVED:2026-10-05", "ENFORCEABLE_TITLE:2026-12-07");
  }

  @Test
  void
      anOrderMadeOn2September2026LapsesWhenNotServedWithinThreeMonthsAfterAWarningOneMonthBefore() {
    ProcessDriver driver =
        grantedOn(LocalDate.parse("2026-09-02"), false, "METROPOLE", "METROPOLE");
    driver.complete(
        driver.task(), Map.of("bailiffName", "Étude Durand", "handedOverOn", "2026-09-07"));

    driver.advanceUntilTask("Signification de l'injonction bientôt caduque");
    // one month before the last day, Wednesday 2 December: 2 November
    assertThat(day(ClockUtil.getCurrentTime())).isEqualTo(LocalDate.parse("2026-11-02"));
    assertThat(timers(engine, driver))
        .extracting(Job::getDuedate)
        .containsExactly(midnight(LocalDate.parse("2026-12-08")));

    driver.fireTimer();

    assertThat(instance).isEnded().hasPassed("Event_OrderLapsed");
    assertThat(mocks.events).endsWith("ORDER_TO_PAY_LAPSED:2026-12-02");
  }

  @Test
  void aDebtorInBelgiumHasThreeMonthsToOpposeAndTheTitleWaitsForThem() {
    ProcessDriver driver = grantedOn(LocalDate.parse("2026-09-02"), true, "ETRANGER", "ETRANGER");

    servedOn(driver, "2026-10-05", true);

    // one month + two abroad (CPC 643 2°): 5 October + 3 months = Tuesday 5 January 2027; the two
    // months of the decree (7 December) end before it, so the title waits for the opposition's end
    assertThat(variable(driver, "oppositionDeadline")).isEqualTo("2027-01-05");
    assertThat((String) variable(driver, "oppositionSource")).contains("643 2°");
    assertThat(variable(driver, "enforcementWaitDeadline")).isEqualTo("2026-12-07");
    assertThat(variable(driver, "titleDate")).isEqualTo("2027-01-05");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getDueDate())
        .isEqualTo(midnight(LocalDate.parse("2027-01-05")));
    driver.fireTimer();
    assertThat(mocks.events).endsWith("ENFORCEABLE_TITLE:2027-01-05");
  }

  @Test
  void aDebtorInGuadeloupeHasTwoMonthsToOpposeAndKeepsItsAbolitionDay() {
    ProcessDriver driver =
        grantedOn(LocalDate.parse("2026-03-02"), true, "OUTRE_MER", "GUADELOUPE");

    servedOn(driver, "2026-03-27", true);

    // one month + one overseas (CPC 643 1°): 27 March + 2 months = Wednesday 27 May 2026, the
    // abolition
    // of slavery in Guadeloupe: Thursday 28 May (CPC 642). Old law: enforcement waits for the same
    // day.
    assertThat(variable(driver, "oppositionDeadline")).isEqualTo("2026-05-28");
    assertThat((String) variable(driver, "oppositionSource")).contains("643 1°");
    assertThat(variable(driver, "titleDate")).isEqualTo("2026-05-28");
    driver.fireTimer();
    assertThat(mocks.events).endsWith("ENFORCEABLE_TITLE:2026-05-28");
  }

  @Test
  void aStrasbourgOppositionDeadlineOnGoodFridayRunsToTheNextWorkingDay() {
    ProcessDriver driver = grantedOn(LocalDate.parse("2026-02-16"), true, "METROPOLE", "BAS_RHIN");

    servedOn(driver, "2026-03-03", true);

    // 3 March + 1 month = Friday 3 April 2026, Good Friday in the Bas-Rhin; then the weekend and
    // Easter Monday: Tuesday 7 April. (In Paris the deadline would stay on Friday 3 April.)
    assertThat(variable(driver, "oppositionDeadline")).isEqualTo("2026-04-07");
    assertThat(variable(driver, "titleDate")).isEqualTo("2026-04-07");
  }

  @Test
  void
      aServiceNotToThePersonLeavesTheOrderOpenToOppositionUntilAMonthAfterTheFirstMeasureMakingPropertyUnavailable() {
    ProcessDriver driver = grantedOn(LocalDate.parse("2026-09-02"), true, "METROPOLE", "METROPOLE");

    servedOn(driver, "2026-10-05", false);

    // no title date before the act that opens the last month of opposition (CPC 1416 al. 2)
    Task wait = driver.task();
    assertThat(wait.getName())
        .isEqualTo(
            "Signaler le premier acte signifié à personne (ordonnance pas encore définitive)");
    assertThat(candidateGroups(engine, wait)).containsExactly("collectors");
    assertThat(instance).isWaitingAt("Task_AwaitPersonalAct");
    assertThat(variable(driver, "servedToPerson")).isEqualTo(false);
    assertThat(variable(driver, "titleDate")).isNull();
    assertThat(variable(driver, "oppositionDeadline")).isNull();
    assertThat(timers(engine, driver)).isEmpty();
    // a measure making property unavailable is possible once the two months after service have
    // passed
    assertThat(variable(driver, "enforcementWaitDeadline")).isEqualTo("2026-12-07");
    assertThat(wait.getDueDate()).isEqualTo(midnight(LocalDate.parse("2026-12-08")));
    assertThat(mocks.events).doesNotContain("ENFORCEABLE_TITLE:2026-12-07");

    // a bank seizure on Thursday 10 December: opposition until 10 January 2027, a Sunday, so Monday
    // 11
    ClockUtil.setCurrentTime(at(LocalDate.parse("2026-12-11")));
    driver.complete(wait, Map.of("personalActKind", "SEIZURE", "personalActDate", "2026-12-10"));

    assertThat(instance).isWaitingAt("Task_RecordOpposition");
    assertThat(mocks.events)
        .endsWith("ORDER_TO_PAY_SERVED:2026-10-05", "ENFORCEMENT_MEASURE:2026-12-10");
    assertThat(variable(driver, "oppositionDeadline")).isEqualTo("2027-01-11");
    assertThat((String) variable(driver, "oppositionSource")).contains("1416 al. 2");
    assertThat(variable(driver, "titleDate")).isEqualTo("2027-01-11");

    driver.fireTimer();

    assertThat(instance).isEnded().hasPassed("Event_TitleObtained");
    assertThat(mocks.events)
        .endsWith("ENFORCEMENT_MEASURE:2026-12-10", "ENFORCEABLE_TITLE:2027-01-11");
  }

  @Test
  void aServiceReportThatDoesNotSayItWasMadeToThePersonCountsAsNotMadeToThePerson() {
    ProcessDriver driver = grantedOn(LocalDate.parse("2026-09-02"), true, "METROPOLE", "METROPOLE");
    ClockUtil.setCurrentTime(at(LocalDate.parse("2026-10-05")));
    engine
        .getRuntimeService()
        .createMessageCorrelation("BailiffReport")
        .processInstanceVariableEquals("bailiffMissionId", "1")
        .setVariables(
            Map.of(
                "bailiffOutcome",
                "SERVED",
                "bailiffReportedOn",
                "2026-10-05",
                "bailiffFee",
                45.0,
                "bailiffAmountRecovered",
                0.0,
                "bailiffDetails",
                "signifié à étude"))
        .correlate();
    driver.settle();

    assertThat(instance).isWaitingAt("Task_AwaitPersonalAct");
  }

  @Test
  void anActLaterServedToThePersonOpensTheLastMonthAndAnOppositionMeanwhileGoesToTheLawyer() {
    ProcessDriver driver = grantedOn(LocalDate.parse("2026-09-02"), true, "METROPOLE", "METROPOLE");
    servedOn(driver, "2026-10-05", false);

    // a commandement de payer served to the person on Monday 19 October: opposition until 19
    // November,
    // but enforcement still waits for the two months after the order's service (7 December)
    driver.complete(
        driver.task(), Map.of("personalActKind", "PERSONAL_ACT", "personalActDate", "2026-10-19"));
    assertThat(mocks.events).endsWith("ORDER_TO_PAY_PERSONAL_ACT:2026-10-19");
    assertThat(variable(driver, "oppositionDeadline")).isEqualTo("2026-11-19");
    assertThat(variable(driver, "titleDate")).isEqualTo("2026-12-07");

    // the debtor opposes on 12 November
    driver.complete(driver.task(), Map.of("oppositionDate", "2026-11-12"));
    assertThat(driver.task().getName()).isEqualTo("Suivre l'instance au fond (avocat)");
    assertThat(mocks.events).endsWith("ORDER_TO_PAY_OPPOSED:2026-11-12");
  }

  @Test
  void anOppositionReportedBeforeAnyPersonalActGoesToTheLawyer() {
    ProcessDriver driver = grantedOn(LocalDate.parse("2026-09-02"), true, "METROPOLE", "METROPOLE");
    servedOn(driver, "2026-10-05", false);

    driver.complete(
        driver.task(), Map.of("personalActKind", "OPPOSITION", "personalActDate", "2026-10-28"));

    assertThat(driver.task().getName()).isEqualTo("Suivre l'instance au fond (avocat)");
    assertThat(mocks.events)
        .endsWith("ORDER_TO_PAY_SERVED:2026-10-05", "ORDER_TO_PAY_OPPOSED:2026-10-28");
  }
}

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
 * order-to-pay: request, judge's decision, service within six months (CPC 1411), one month to
 * oppose (CPC 1416), the lawsuit after an opposition.
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

  /** Filed with the tribunal de commerce; the judge's decision is awaited. */
  ProcessDriver filed(boolean bailiffConfigured) {
    mocks = new CourtMocks(bailiffConfigured);
    instance = engine.getRuntimeService().startProcessInstanceByKey("order-to-pay", "DOS-IP", Map.of(
        "caseReference", "DOS-IP", "debtorType", "BUSINESS", "debtorName", "Boulangerie Martin SARL", "balance", 7350.0,
        "claimAmount", 7412.8, "court", "tribunal de commerce", "cerfa", "12946"));
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
    form.put("filingDate", TODAY.toString());
    form.put("courtFee", 33.47);
    driver.complete(request, form);
    assertThat(driver.task().getName()).isEqualTo("Enregistrer la décision du juge");
    return driver;
  }

  ProcessDriver granted(boolean bailiffConfigured) {
    ProcessDriver driver = filed(bailiffConfigured);
    ClockUtil.setCurrentTime(at(DECISION.plusDays(3)));
    driver.complete(driver.task(), Map.of("orderDecision", "GRANTED", "orderDecisionDate", DECISION.toString()));
    assertThat(variable(driver, "serviceDeadline")).isEqualTo(SERVICE_DEADLINE.toString());
    return driver;
  }

  /** The manual path: the collector hands the order over, then is to record the service. */
  ProcessDriver handedOverForService() {
    ProcessDriver driver = granted(false);
    Task handOver = driver.task();
    assertThat(handOver.getName()).isEqualTo("Transmettre l'ordonnance au commissaire de justice pour signification");
    driver.complete(handOver, Map.of("bailiffName", "Étude Durand", "handedOverOn", DECISION.plusDays(3).toString()));
    Task report = driver.task();
    assertThat(report.getName()).isEqualTo("Enregistrer le compte rendu de signification");
    assertThat(report.getDueDate()).isEqualTo(midnight(SERVICE_DEADLINE));
    return driver;
  }

  /** Served through the provider on Friday 10 April 2026: opposition is open until Monday 11 May (10 May is a Sunday). */
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

    driver.complete(driver.task(), Map.of("orderDecision", "REJECTED", "orderDecisionDate", DECISION.toString()));

    assertThat(instance).isEnded().hasPassed("Event_OrderRejected");
    assertThat(mocks.events).containsExactly("ORDER_TO_PAY_FILED:2026-03-02:COURT_FEE=33.47", "ORDER_TO_PAY_REJECTED:2026-03-16");
    assertThat(mocks.bailiff).isEmpty();
    assertThat(variable(driver, "orderOutcome")).isEqualTo("REJECTED");
    assertThat(variable(driver, "enforceableTitle")).isEqualTo(false);
  }

  @Test
  void shouldObtainATitleWhenNoOppositionFollowsTheServiceWithinTheMonth() {
    ProcessDriver driver = served();
    assertThat(mocks.bailiff).containsExactly("requestBailiffMission:SERVICE", "recordBailiffReport:SERVED:2026-04-10");
    // the opposition window ends on Monday 11 May; a few days are left for the court's notice to arrive
    assertThat(timers(engine, driver)).extracting(Job::getDuedate).containsExactly(midnight(LocalDate.parse("2026-05-17")));

    driver.fireTimer();

    assertThat(instance).isEnded().hasPassed("Timer_OppositionWindow", "Event_TitleObtained");
    assertThat(mocks.events).containsExactly(
        "ORDER_TO_PAY_FILED:2026-03-02:COURT_FEE=33.47", "ORDER_TO_PAY_GRANTED:2026-03-16", "ORDER_TO_PAY_SERVED:2026-04-10",
        "ENFORCEABLE_TITLE:2026-05-11");
    assertThat(variable(driver, "orderOutcome")).isEqualTo("TITLE");
    assertThat(variable(driver, "enforceableTitle")).isEqualTo(true);
  }

  @Test
  void shouldLapseWhenTheOrderIsNotServedWithinSixMonthsAfterWarningASupervisor() {
    ProcessDriver driver = handedOverForService();

    Task warning = driver.advanceUntilTask("Signification de l'injonction bientôt caduque");
    assertThat(day(ClockUtil.getCurrentTime())).isEqualTo(DECISION.plusMonths(5));
    assertThat(candidateGroups(engine, warning)).containsExactly("supervisors");
    assertThat(instance).isWaitingAt("Task_RecordServiceOutcome", "Task_WarnServiceLapsing");
    // midnight after the last day (16 September), plus five days for a late report to arrive
    assertThat(timers(engine, driver)).extracting(Job::getDuedate).containsExactly(midnight(LocalDate.parse("2026-09-22")));

    driver.fireTimer();

    assertThat(instance).isEnded().hasPassed("Timer_ServiceDeadline", "Event_OrderLapsed");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(mocks.events).containsExactly(
        "ORDER_TO_PAY_FILED:2026-03-02:COURT_FEE=33.47", "ORDER_TO_PAY_GRANTED:2026-03-16", "ORDER_TO_PAY_LAPSED:2026-09-16");
    assertThat(variable(driver, "orderOutcome")).isEqualTo("LAPSED");
    assertThat(variable(driver, "enforceableTitle")).isEqualTo(false);
  }

  @Test
  void shouldWithdrawTheSupervisorsWarningOnceTheOrderIsServed() {
    ProcessDriver driver = handedOverForService();
    driver.advanceUntilTask("Signification de l'injonction bientôt caduque");

    Task report = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_RecordServiceOutcome").singleResult();
    driver.complete(report, Map.of("bailiffOutcome", "SERVED", "bailiffReportedOn", "2026-08-20",
        "bailiffFee", 62.5, "bailiffAmountRecovered", 0.0));

    assertThat(driver.task().getName()).isEqualTo("Enregistrer une éventuelle opposition");
    assertThat(mocks.events).endsWith("ORDER_TO_PAY_SERVED:2026-08-20");
  }

  @Test
  void shouldAcceptAServiceOnTheLastDayReportedAfterIt() {
    ProcessDriver driver = handedOverForService();
    ClockUtil.setCurrentTime(at(SERVICE_DEADLINE.plusDays(3)));

    driver.complete(driver.task(), Map.of("bailiffOutcome", "SERVED", "bailiffReportedOn", SERVICE_DEADLINE.toString(),
        "bailiffFee", 62.5, "bailiffAmountRecovered", 0.0));

    assertThat(instance).isWaitingAt("Task_RecordOpposition");
    assertThat(mocks.events).endsWith("ORDER_TO_PAY_SERVED:2026-09-16");
    assertThat(variable(driver, "oppositionDeadline")).isEqualTo("2026-10-16");
  }

  @Test
  void shouldLapseWhenTheServiceCameOneDayLate() {
    ProcessDriver driver = handedOverForService();
    ClockUtil.setCurrentTime(at(SERVICE_DEADLINE.plusDays(3)));

    driver.complete(driver.task(), Map.of("bailiffOutcome", "SERVED", "bailiffReportedOn", SERVICE_DEADLINE.plusDays(1).toString(),
        "bailiffFee", 62.5, "bailiffAmountRecovered", 0.0));

    assertThat(instance).isEnded().hasPassed("Gateway_ServedInTime", "Event_OrderLapsed");
    assertThat(mocks.bailiff).containsExactly("recordManualBailiffMission:SERVICE", "recordBailiffReport:SERVED:2026-09-17");
    assertThat(mocks.events).endsWith("ORDER_TO_PAY_LAPSED:2026-09-16");
    assertThat(variable(driver, "orderOutcome")).isEqualTo("LAPSED");
  }

  @Test
  void shouldAskForAnotherServiceWhenTheDebtorCouldNotBeFound() {
    ProcessDriver driver = granted(true);
    CourtMocks.report(engine, "1", CourtMocks.report("NOT_SERVED", "2026-04-02"));
    driver.settle();
    assertThat(mocks.bailiff).containsExactly(
        "requestBailiffMission:SERVICE", "recordBailiffReport:NOT_SERVED:2026-04-02", "requestBailiffMission:SERVICE");

    CourtMocks.report(engine, "2", CourtMocks.report("SERVED", "2026-05-04"));
    driver.settle();

    assertThat(instance).isWaitingAt("Task_RecordOpposition");
    assertThat(mocks.events).endsWith("ORDER_TO_PAY_SERVED:2026-05-04");
  }

  @Test
  void shouldHandAnOppositionToTheLawyerAndEndWhenTheLawsuitIsLost() {
    Task lawsuit = lawyersTask();
    ProcessDriver driver = new ProcessDriver(engine, instance.getId());

    driver.complete(lawsuit, Map.of("lawsuitOutcome", "LOST", "lawsuitDecisionDate", "2026-11-20", "lawyerFee", 1200.0));

    assertThat(instance).isEnded().hasPassed("Event_LawsuitLost");
    assertThat(mocks.events).endsWith("ORDER_TO_PAY_OPPOSED:2026-04-28", "LAWSUIT_LOST:2026-11-20:LAWYER_FEE=1200.0");
    assertThat(variable(driver, "orderOutcome")).isEqualTo("LAWSUIT_LOST");
    assertThat(variable(driver, "enforceableTitle")).isEqualTo(false);
  }

  @Test
  void shouldRecordAnExtinguishedLawsuitAsLostSoThatItInterruptedNothing() {
    Task lawsuit = lawyersTask();
    ProcessDriver driver = new ProcessDriver(engine, instance.getId());

    // a withdrawal or the proceedings left to lapse (péremption): C. civ. 2243, the interruption is void
    driver.complete(lawsuit, Map.of("lawsuitOutcome", "EXTINGUISHED", "lawsuitDecisionDate", "2028-05-02", "lawyerFee", 0.0));

    assertThat(instance).isEnded().hasPassed("Event_LawsuitLost");
    assertThat(mocks.events).endsWith("ORDER_TO_PAY_OPPOSED:2026-04-28", "LAWSUIT_LOST:2028-05-02");
    assertThat(variable(driver, "orderOutcome")).isEqualTo("LAWSUIT_LOST");
  }

  @Test
  void shouldObtainATitleFromAWonLawsuit() {
    Task lawsuit = lawyersTask();
    ProcessDriver driver = new ProcessDriver(engine, instance.getId());

    driver.complete(lawsuit, Map.of("lawsuitOutcome", "WON", "lawsuitDecisionDate", "2026-11-20", "lawyerFee", 0.0));

    assertThat(instance).isEnded().hasPassed("Event_JudgmentObtained");
    assertThat(mocks.events).endsWith("ORDER_TO_PAY_OPPOSED:2026-04-28", "LAWSUIT_DECIDED:2026-11-20", "ENFORCEABLE_TITLE:2026-11-20");
    assertThat(variable(driver, "orderOutcome")).isEqualTo("TITLE");
    assertThat(variable(driver, "enforceableTitle")).isEqualTo(true);
  }
}

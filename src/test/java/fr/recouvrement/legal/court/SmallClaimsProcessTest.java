package fr.recouvrement.legal.court;

import static fr.recouvrement.legal.court.CourtProcessTests.at;
import static fr.recouvrement.legal.court.CourtProcessTests.candidateGroups;
import static fr.recouvrement.legal.court.CourtProcessTests.day;
import static fr.recouvrement.legal.court.CourtProcessTests.passed;
import static fr.recouvrement.legal.court.CourtProcessTests.timers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.ProcessDriver;
import fr.recouvrement.ProcessTestEngine;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** small-claims: the commissaire de justice's procedure, through the provider's API or by hand. */
class SmallClaimsProcessTest {
  static final LocalDate TODAY = LocalDate.parse("2026-03-02");

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

  ProcessDriver start(boolean bailiffConfigured) {
    mocks = new CourtMocks(engine, bailiffConfigured);
    instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "small-claims",
                "DOS-PC",
                Map.of(
                    "caseReference",
                    "DOS-PC",
                    "debtorType",
                    "BUSINESS",
                    "debtorName",
                    "Boulangerie Martin SARL",
                    "balance",
                    1850.0,
                    "claimAmount",
                    1912.4));
    return new ProcessDriver(engine, instance.getId()).settle();
  }

  /** The manual path up to the collector's answer task. */
  ProcessDriver handedOver() {
    ProcessDriver driver = start(false);
    Task handOver = driver.task();
    assertThat(handOver.getName()).isEqualTo("Transmettre le dossier au commissaire de justice");
    assertThat(candidateGroups(engine, handOver)).containsExactly("collectors");
    driver.complete(
        handOver, Map.of("bailiffName", "Étude Durand", "handedOverOn", TODAY.toString()));
    Task answer = driver.task();
    assertThat(answer.getName()).isEqualTo("Enregistrer la réponse du débiteur");
    assertThat(day(answer.getDueDate())).isEqualTo(TODAY.plusMonths(1));
    return driver;
  }

  Object variable(ProcessDriver driver, String name) {
    return CourtProcessTests.variable(engine, driver, name);
  }

  @Test
  void shouldOpenEveryTaskWithADeployedForm() {
    assertThat(CourtProcessTests.missingForms(engine, "small-claims")).isEmpty();
  }

  @Test
  void shouldObtainATitleWhenTheDebtorAgreesThroughTheBailiffsApi() {
    ProcessDriver driver = start(true);
    assertThat(mocks.bailiff).containsExactly("requestBailiffMission:SMALL_CLAIMS");
    assertThat(instance).isWaitingAt("Event_SmallClaimsReport");

    CourtMocks.report(engine, "1", CourtMocks.report("AGREED", "2026-03-20"));
    driver.settle();

    assertThat(instance).isEnded().hasPassed("Task_RecordSmallClaimsTitle");
    assertThat(mocks.bailiff)
        .containsExactly(
            "requestBailiffMission:SMALL_CLAIMS", "recordBailiffReport:AGREED:2026-03-20");
    assertThat(mocks.events)
        .containsExactly(
            "SMALL_CLAIMS_REQUESTED:2026-03-02",
            "SMALL_CLAIMS_AGREED:2026-03-20:2026-03-20",
            "SMALL_CLAIMS_TITLE:2026-03-20");
    assertThat(variable(driver, "smallClaimsOutcome")).isEqualTo("AGREED");
    assertThat(variable(driver, "enforceableTitle")).isEqualTo(true);
    assertThat(variable(driver, "smallClaimsPlanAgreed")).isEqualTo(false);
  }

  @Test
  void shouldRecordAPlanAgreedBeforeTheCommissaireDeJusticeByHand() {
    ProcessDriver driver = handedOver();
    assertThat(mocks.bailiff).containsExactly("recordManualBailiffMission:SMALL_CLAIMS");

    driver.complete(
        driver.task(),
        Map.of(
            "bailiffOutcome",
            "AGREED_WITH_PLAN",
            "bailiffReportedOn",
            "2026-03-25",
            "bailiffFee",
            0.0,
            "bailiffAmountRecovered",
            0.0));

    assertThat(instance).isEnded().hasPassed("Event_SmallClaimsAgreed");
    assertThat(mocks.events)
        .containsExactly(
            "SMALL_CLAIMS_REQUESTED:2026-03-02",
            "SMALL_CLAIMS_AGREED:2026-03-25:2026-03-25",
            "SMALL_CLAIMS_TITLE:2026-03-25");
    assertThat(variable(driver, "smallClaimsOutcome")).isEqualTo("AGREED");
    assertThat(variable(driver, "smallClaimsPlanAgreed")).isEqualTo(true);
    assertThat(variable(driver, "enforceableTitle")).isEqualTo(true);
  }

  @Test
  void shouldRecordARefusalTheCollectorReports() {
    ProcessDriver driver = handedOver();

    driver.complete(
        driver.task(),
        Map.of(
            "bailiffOutcome",
            "REFUSED",
            "bailiffReportedOn",
            "2026-03-10",
            "bailiffFee",
            30.0,
            "bailiffAmountRecovered",
            0.0));

    assertThat(instance).isEnded().hasPassed("Event_SmallClaimsRefused");
    assertThat(mocks.bailiff)
        .containsExactly(
            "recordManualBailiffMission:SMALL_CLAIMS", "recordBailiffReport:REFUSED:2026-03-10");
    assertThat(mocks.events)
        .containsExactly("SMALL_CLAIMS_REQUESTED:2026-03-02", "SMALL_CLAIMS_REFUSED:2026-03-10");
    assertThat(variable(driver, "smallClaimsOutcome")).isEqualTo("REFUSED");
    assertThat(variable(driver, "enforceableTitle")).isEqualTo(false);
  }

  @Test
  void shouldTreatTheDebtorsSilenceForAMonthAsARefusal() {
    ProcessDriver driver = start(true);
    // one month for the debtor (legal-deadlines, SMALL_CLAIMS_ANSWER): Thursday 2 April; midnight
    // after it
    // and nine more days for the commissaire's report
    assertThat(variable(driver, "smallClaimsAnswerDeadline")).isEqualTo("2026-04-02");
    assertThat((String) variable(driver, "smallClaimsAnswerSource")).contains("R125-2");
    assertThat(day(timers(engine, driver).get(0).getDuedate()))
        .isEqualTo(TODAY.plusMonths(1).plusDays(10));

    ClockUtil.setCurrentTime(at(TODAY.plusMonths(1).plusDays(10)));
    driver.fireTimer();

    assertThat(instance).isEnded().hasPassed("Timer_AcceptanceWindow", "Event_SmallClaimsRefused");
    assertThat(mocks.bailiff)
        .containsExactly(
            "requestBailiffMission:SMALL_CLAIMS", "recordBailiffReport:REFUSED:2026-04-12");
    assertThat(mocks.events)
        .containsExactly("SMALL_CLAIMS_REQUESTED:2026-03-02", "SMALL_CLAIMS_REFUSED:2026-04-12");
    assertThat(variable(driver, "smallClaimsOutcome")).isEqualTo("REFUSED");
    assertThat(variable(driver, "enforceableTitle")).isEqualTo(false);
  }

  @Test
  void shouldCloseTheCollectorsAnswerTaskWhenTheMonthPassesInSilence() {
    ProcessDriver driver = handedOver();

    driver.fireTimer();

    assertThat(instance).isEnded();
    assertThat(passed(engine, driver, "Task_RecordSmallClaimsRefused")).isTrue();
    assertThat(
            engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count())
        .isZero();
    assertThat(variable(driver, "smallClaimsOutcome")).isEqualTo("REFUSED");
  }
}

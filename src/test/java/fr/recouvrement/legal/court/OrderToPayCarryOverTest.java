package fr.recouvrement.legal.court;

import static fr.recouvrement.legal.court.CourtProcessTests.at;
import static fr.recouvrement.legal.court.CourtProcessTests.midnight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.ProcessDriver;
import fr.recouvrement.ProcessTestEngine;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.legal.TestLegalDeadlines;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Orders to pay that were running on a model with the periods written in it (6 months, one month)
 * are carried over to the dated rules of legal-deadlines.
 */
class OrderToPayCarryOverTest {
  final ProcessEngine engine = ProcessTestEngine.get();
  Deployment legacy;
  Deployment current;
  CourtMocks mocks;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    mocks = new CourtMocks(engine, true);
    legacy =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("order-to-pay before legal-deadlines")
            .addClasspathResource("legacy/order-to-pay-before-legal-deadlines.bpmn")
            .deploy();
  }

  @AfterEach
  void tearDown() {
    for (Deployment d : new Deployment[] {legacy, current}) {
      if (d != null) {
        engine.getRepositoryService().deleteDeployment(d.getId(), true);
      }
    }
    ClockUtil.reset();
    Mocks.reset();
  }

  /**
   * On the legacy model: filed, the order made on 2 September 2026, the service asked of the
   * provider.
   */
  ProcessDriver legacyOrder(String reference) {
    ClockUtil.setCurrentTime(at(LocalDate.parse("2026-08-24")));
    ProcessInstance instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "order-to-pay",
                reference,
                Map.of(
                    "caseReference",
                    reference,
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
                    "12946"));
    assertThat(
            engine
                .getRepositoryService()
                .getProcessDefinition(instance.getProcessDefinitionId())
                .getDeploymentId())
        .isEqualTo(legacy.getId());
    ProcessDriver driver = new ProcessDriver(engine, instance.getId()).settle();
    Map<String, Object> form = new HashMap<>();
    form.put("court", "tribunal de commerce");
    form.put("cerfa", "12946");
    form.put("claimAmount", 7412.8);
    form.put("filingDate", "2026-08-24");
    form.put("courtFee", 33.47);
    driver.complete(driver.task(), form);
    ClockUtil.setCurrentTime(at(LocalDate.parse("2026-09-04")));
    driver.complete(
        driver.task(), Map.of("orderDecision", "GRANTED", "orderDecisionDate", "2026-09-02"));
    // the legacy model's six months
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "serviceDeadline"))
        .isEqualTo("2027-03-02");
    return driver;
  }

  String latestId() {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey("order-to-pay")
        .latestVersion()
        .singleResult()
        .getId();
  }

  Object variable(ProcessDriver driver, String name) {
    return engine.getRuntimeService().getVariable(driver.tree().get(0), name);
  }

  Job timer(ProcessDriver driver, String activityId) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(driver.tree().get(0))
        .activityId(activityId)
        .timers()
        .singleResult();
  }

  @Test
  void runningOrdersMadeSinceSeptember2026GetTheDecreesPeriodsAndTheirDebtorsResidence() {
    ProcessDriver awaitingService = legacyOrder("DOS-CO-1");
    ProcessDriver awaitingOpposition = legacyOrder("DOS-CO-2");
    ClockUtil.setCurrentTime(at(LocalDate.parse("2026-10-05")));
    engine
        .getRuntimeService()
        .createMessageCorrelation("BailiffReport")
        .processInstanceId(awaitingOpposition.tree().get(0))
        .setVariables(CourtMocks.report("SERVED", "2026-10-05"))
        .correlate();
    awaitingOpposition.settle();
    // the legacy model's one month, whatever the debtor's residence
    assertThat(variable(awaitingOpposition, "oppositionDeadline")).isEqualTo("2026-11-05");

    current =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("order-to-pay with legal-deadlines")
            .addClasspathResource("processes/order-to-pay.bpmn")
            .deploy();
    ClockUtil.setCurrentTime(at(LocalDate.parse("2026-12-06")));
    Map<String, CaseView.Address> addresses =
        Map.of(
            "DOS-CO-1", new CaseView.Address("3 rue des Lilas", "69003", "Lyon", "FR"),
            "DOS-CO-2", new CaseView.Address("12 rue Schoelcher", "97110", "Pointe-à-Pitre", "FR"));
    OrderToPayCarryOver carryOver =
        new OrderToPayCarryOver(
            engine.getRuntimeService(),
            engine.getRepositoryService(),
            engine.getTaskService(),
            TestLegalDeadlines.on(engine),
            addresses::get,
            Runnable::run);

    assertThat(carryOver.carryOver()).isEqualTo(2);
    // a second start finds nothing left to carry over
    assertThat(carryOver.carryOver()).isZero();

    // 2 September 2026 + 3 months = Wednesday 2 December; the timer concludes at midnight after it
    // + 5 days
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(awaitingService.tree().get(0))
                .singleResult()
                .getProcessDefinitionId())
        .isEqualTo(latestId());
    assertThat(variable(awaitingService, "serviceDeadline")).isEqualTo("2026-12-02");
    assertThat((String) variable(awaitingService, "serviceDeadlineSource")).contains("2026-96");
    assertThat(variable(awaitingService, "residence")).isEqualTo("METROPOLE");
    assertThat(timer(awaitingService, "Timer_ServiceDeadline").getDuedate())
        .isEqualTo(midnight(LocalDate.parse("2026-12-08")));

    // Guadeloupe: one month + one (CPC 643 1°) from 5 October = Saturday 5 December, so Monday 7;
    // the
    // decree's two months after service end the same day
    assertThat(variable(awaitingOpposition, "debtorTerritory")).isEqualTo("GUADELOUPE");
    assertThat(variable(awaitingOpposition, "oppositionDeadline")).isEqualTo("2026-12-07");
    assertThat(variable(awaitingOpposition, "titleDate")).isEqualTo("2026-12-07");
    assertThat(timer(awaitingOpposition, "Timer_OppositionWindow").getDuedate())
        .isEqualTo(midnight(LocalDate.parse("2026-12-13")));
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(awaitingOpposition.tree().get(0))
                .singleResult()
                .getDueDate())
        .isEqualTo(midnight(LocalDate.parse("2026-12-07")));

    // not served by 2 December under the right rule: the order is void once the timer concludes
    ClockUtil.setCurrentTime(at(LocalDate.parse("2026-12-08")));
    engine
        .getManagementService()
        .executeJob(timer(awaitingService, "Timer_ServiceDeadline").getId());
    awaitingService.settle();
    assertThat(mocks.events).contains("ORDER_TO_PAY_LAPSED:2026-12-02");

    awaitingOpposition.fireTimer();
    assertThat(mocks.events).contains("ENFORCEABLE_TITLE:2026-12-07");
  }
}

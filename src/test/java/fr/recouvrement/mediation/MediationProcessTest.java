package fr.recouvrement.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.ProcessDriver;
import fr.recouvrement.ProcessTestEngine;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mediation process; its delegates stand in as recorders. */
class MediationProcessTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final LocalDate TODAY = LocalDate.parse("2026-03-02");

  final ProcessEngine engine = ProcessTestEngine.get();
  ProcessInstance started;
  final List<String> calls = new ArrayList<>();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(at(TODAY));
    Mocks.reset();
    Mocks.register(
        "startMediation",
        (JavaDelegate)
            e -> {
              String deadline = (String) e.getVariable("mediationDeadline");
              calls.add(
                  "startMediation:"
                      + e.getVariable("mediatorKind")
                      + ":"
                      + deadline
                      + ("CONSUMER".equals(e.getVariable("referredBy"))
                          ? ":consumer "
                              + e.getVariable("referralDate")
                              + " agreed "
                              + e.getVariable("creditorAgreedOn")
                          : ""));
              e.getProcessInstance().setVariable("mediationId", 7L);
              e.getProcessInstance()
                  .setVariable("mediationDueDate", at(TODAY.plus(Period.parse(deadline))));
            });
    Mocks.register(
        "closeMediation",
        (JavaDelegate) e -> calls.add("closeMediation:" + e.getVariable("mediationOutcome")));
    Mocks.register(
        "informConsumerOfMediator",
        (JavaDelegate)
            e -> {
              calls.add("informConsumerOfMediator");
              e.setVariable("referredBy", "CONSUMER");
              e.setVariable("mediatorKind", "CONSUMER_MEDIATOR");
              e.setVariable("mediatorName", "Médiation Démo Consommation");
            });
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    Mocks.reset();
  }

  static LocalDate day(Date date) {
    return LocalDate.ofInstant(date.toInstant(), PARIS);
  }

  static Date at(LocalDate day) {
    return Date.from(day.atTime(9, 0).atZone(PARIS).toInstant());
  }

  ProcessDriver start(String debtorType) {
    ProcessInstance pi =
        started =
            engine
                .getRuntimeService()
                .startProcessInstanceByKey(
                    "mediation",
                    "DOS-TEST",
                    Map.of("caseReference", "DOS-TEST", "debtorType", debtorType));
    return new ProcessDriver(engine, pi.getId()).settle();
  }

  ProcessDriver referred(String debtorType, String kind) {
    ProcessDriver driver = start(debtorType);
    if ("CONSUMER".equals(debtorType)) {
      return consumerReferred(driver);
    }
    Task refer = driver.task();
    assertThat(refer.getName()).isEqualTo("Saisir le médiateur");
    assertThat(candidateGroups(refer)).containsExactly("collectors");
    assertThat(refer.getDueDate()).isEqualTo(at(TODAY.plusDays(2)));
    return driver.complete(
        refer,
        Map.of(
            "mediatorKind",
            kind,
            "mediatorName",
            "Médiateur",
            "referralDate",
            TODAY.toString(),
            "mediatorReference",
            "MED-1"));
  }

  /**
   * The consumer referred the dispute to the creditor's mediator on 20 February; the creditor
   * agreed in writing on 23 February.
   */
  ProcessDriver consumerReferred(ProcessDriver driver) {
    Task record = driver.task();
    assertThat(record.getTaskDefinitionKey()).isEqualTo("Task_RecordConsumerReferral");
    return driver.complete(
        record,
        Map.of(
            "referralDate",
            "2026-02-20",
            "creditorAgreedOn",
            "2026-02-23",
            "mediatorName",
            "Médiation Démo Consommation",
            "mediatorReference",
            "MC-1"));
  }

  ProcessInstance instance(ProcessDriver driver) {
    return started;
  }

  Object variable(ProcessDriver driver, String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(driver.tree().get(0))
        .variableName(name)
        .singleResult()
        .getValue();
  }

  List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .toList();
  }

  Job timer(ProcessDriver driver) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(driver.tree().get(0))
        .timers()
        .singleResult();
  }

  @Test
  void shouldRecordAnAgreementWithTheMediateurDesEntreprisesWithinThreeMonths() {
    ProcessDriver driver = referred("BUSINESS", "MEDIATEUR_DES_ENTREPRISES");

    Task outcome = driver.task();
    assertThat(outcome.getName()).isEqualTo("Enregistrer l'issue de la médiation");
    assertThat(outcome.getDueDate()).isEqualTo(at(TODAY.plusMonths(3)));
    assertThat(day(timer(driver).getDuedate())).isEqualTo(TODAY.plusMonths(3));
    driver.complete(outcome, Map.of("mediationOutcome", "AGREEMENT"));

    assertThat(calls)
        .containsExactly(
            "startMediation:MEDIATEUR_DES_ENTREPRISES:P3M", "closeMediation:AGREEMENT");
    assertThat(instance(driver)).isEnded();
    assertThat(variable(driver, "mediationOutcome")).isEqualTo("AGREEMENT");
  }

  @Test
  void shouldGiveAConsumerMediatorNinetyDaysAndRecordASettlement() {
    ProcessDriver driver = referred("CONSUMER", "CONSUMER_MEDIATOR");

    assertThat(day(timer(driver).getDuedate())).isEqualTo(TODAY.plusDays(90));
    driver.complete(driver.task(), Map.of("mediationOutcome", "SETTLED"));

    assertThat(calls)
        .containsExactly(
            "informConsumerOfMediator",
            "startMediation:CONSUMER_MEDIATOR:P90D:consumer 2026-02-20 agreed 2026-02-23",
            "closeMediation:SETTLED");
    assertThat(variable(driver, "mediationOutcome")).isEqualTo("SETTLED");
  }

  @Test
  void shouldRecordAFailureTheCollectorReports() {
    ProcessDriver driver = referred("CONSUMER", "CONSUMER_MEDIATOR");

    driver.complete(driver.task(), Map.of("mediationOutcome", "FAILED"));

    assertThat(calls)
        .containsExactly(
            "informConsumerOfMediator",
            "startMediation:CONSUMER_MEDIATOR:P90D:consumer 2026-02-20 agreed 2026-02-23",
            "closeMediation:FAILED");
    assertThat(instance(driver)).isEnded();
  }

  @Test
  void shouldFailTheMediationWhenTheMediatorsDeadlinePassesWithoutAnAnswer() {
    ProcessDriver driver = referred("BUSINESS", "MEDIATEUR_DES_ENTREPRISES");

    driver.fireTimer();

    assertThat(calls)
        .containsExactly("startMediation:MEDIATEUR_DES_ENTREPRISES:P3M", "closeMediation:FAILED");
    assertThat(instance(driver)).isEnded();
    assertThat(variable(driver, "mediationOutcome")).isEqualTo("FAILED");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(driver.tree().get(0))
                .activityId("Timer_MediatorDeadline")
                .count())
        .isEqualTo(1);
  }

  @Test
  void shouldLetOnlyTheConsumerReferToItsMediatorAndRecordTheReferralWithItsDates() {
    ProcessDriver driver = start("CONSUMER");

    // the creditor informs; it does not refer the consumer's dispute itself
    assertThat(calls).containsExactly("informConsumerOfMediator");
    Task record = driver.task();
    assertThat(record.getName())
        .isEqualTo("Enregistrer la saisine du médiateur par le consommateur");
    assertThat(candidateGroups(record)).containsExactly("collectors");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(driver.tree().get(0))
                .activityId("Task_ReferToMediator")
                .count())
        .isZero();
    consumerReferred(driver);

    assertThat(calls)
        .containsExactly(
            "informConsumerOfMediator",
            "startMediation:CONSUMER_MEDIATOR:P90D:consumer 2026-02-20 agreed 2026-02-23");
    assertThat(driver.task().getName()).isEqualTo("Enregistrer l'issue de la médiation");
  }

  @Test
  void shouldEndWithoutMediationWhenTheConsumerDoesNotReferWithinThirtyDays() {
    ProcessDriver driver = start("CONSUMER");
    assertThat(day(timer(driver).getDuedate())).isEqualTo(TODAY.plusDays(30));

    driver.fireTimer();

    assertThat(instance(driver)).hasPassed("Event_NoConsumerReferral").isEnded();
    assertThat(variable(driver, "mediationOutcome")).isEqualTo("FAILED");
    // nothing was recorded: no mediation, no suspension of prescription
    assertThat(calls).containsExactly("informConsumerOfMediator");
  }
}

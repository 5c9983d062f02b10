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
    Mocks.register("startMediation", (JavaDelegate) e -> {
      String deadline = (String) e.getVariable("mediationDeadline");
      calls.add("startMediation:" + e.getVariable("mediatorKind") + ":" + deadline);
      e.getProcessInstance().setVariable("mediationId", 7L);
      e.getProcessInstance().setVariable("mediationDueDate", at(TODAY.plus(Period.parse(deadline))));
    });
    Mocks.register("closeMediation", (JavaDelegate) e -> calls.add("closeMediation:" + e.getVariable("mediationOutcome")));
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
    ProcessInstance pi = started = engine.getRuntimeService().startProcessInstanceByKey(
        "mediation", "DOS-TEST", Map.of("caseReference", "DOS-TEST", "debtorType", debtorType));
    return new ProcessDriver(engine, pi.getId()).settle();
  }

  ProcessDriver referred(String debtorType, String kind) {
    ProcessDriver driver = start(debtorType);
    Task refer = driver.task();
    assertThat(refer.getName()).isEqualTo("Saisir le médiateur");
    assertThat(candidateGroups(refer)).containsExactly("collectors");
    assertThat(refer.getDueDate()).isEqualTo(at(TODAY.plusDays(2)));
    return driver.complete(refer, Map.of(
        "mediatorKind", kind, "mediatorName", "Médiateur", "referralDate", TODAY.toString(), "mediatorReference", "MED-1"));
  }

  ProcessInstance instance(ProcessDriver driver) {
    return started;
  }

  Object variable(ProcessDriver driver, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(driver.tree().get(0)).variableName(name).singleResult().getValue();
  }

  List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  Job timer(ProcessDriver driver) {
    return engine.getManagementService().createJobQuery().processInstanceId(driver.tree().get(0)).timers().singleResult();
  }

  @Test
  void shouldRecordAnAgreementWithTheMediateurDesEntreprisesWithinThreeMonths() {
    ProcessDriver driver = referred("BUSINESS", "MEDIATEUR_DES_ENTREPRISES");

    Task outcome = driver.task();
    assertThat(outcome.getName()).isEqualTo("Enregistrer l'issue de la médiation");
    assertThat(outcome.getDueDate()).isEqualTo(at(TODAY.plusMonths(3)));
    assertThat(day(timer(driver).getDuedate())).isEqualTo(TODAY.plusMonths(3));
    driver.complete(outcome, Map.of("mediationOutcome", "AGREEMENT"));

    assertThat(calls).containsExactly("startMediation:MEDIATEUR_DES_ENTREPRISES:P3M", "closeMediation:AGREEMENT");
    assertThat(instance(driver)).isEnded();
    assertThat(variable(driver, "mediationOutcome")).isEqualTo("AGREEMENT");
  }

  @Test
  void shouldGiveAConsumerMediatorNinetyDaysAndRecordASettlement() {
    ProcessDriver driver = referred("CONSUMER", "CONSUMER_MEDIATOR");

    assertThat(day(timer(driver).getDuedate())).isEqualTo(TODAY.plusDays(90));
    driver.complete(driver.task(), Map.of("mediationOutcome", "SETTLED"));

    assertThat(calls).containsExactly("startMediation:CONSUMER_MEDIATOR:P90D", "closeMediation:SETTLED");
    assertThat(variable(driver, "mediationOutcome")).isEqualTo("SETTLED");
  }

  @Test
  void shouldRecordAFailureTheCollectorReports() {
    ProcessDriver driver = referred("CONSUMER", "CONSUMER_MEDIATOR");

    driver.complete(driver.task(), Map.of("mediationOutcome", "FAILED"));

    assertThat(calls).containsExactly("startMediation:CONSUMER_MEDIATOR:P90D", "closeMediation:FAILED");
    assertThat(instance(driver)).isEnded();
  }

  @Test
  void shouldFailTheMediationWhenTheMediatorsDeadlinePassesWithoutAnAnswer() {
    ProcessDriver driver = referred("BUSINESS", "MEDIATEUR_DES_ENTREPRISES");

    driver.fireTimer();

    assertThat(calls).containsExactly("startMediation:MEDIATEUR_DES_ENTREPRISES:P3M", "closeMediation:FAILED");
    assertThat(instance(driver)).isEnded();
    assertThat(variable(driver, "mediationOutcome")).isEqualTo("FAILED");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(driver.tree().get(0)).activityId("Timer_MediatorDeadline").count()).isEqualTo(1);
  }
}

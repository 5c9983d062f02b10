package fr.recouvrement.legal.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.ProcessDriver;
import fr.recouvrement.ProcessTestEngine;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** processes/enforcement.bpmn; the bailiff delegates (helper A's beans) stand in as recorders. */
class EnforcementProcessTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** A Wednesday, 10:00 in Paris: an act may be served at once. */
  static final LocalDateTime NOW = LocalDateTime.parse("2026-03-04T10:00");

  final ProcessEngine engine = ProcessTestEngine.get();
  final List<String> calls = new ArrayList<>();
  ProcessInstance instance;
  Date actAt;

  /** Stands in for helper A's {@code bailiffGateway}: connected or not. */
  public static final class Gateway {
    private final boolean configured;

    Gateway(boolean configured) {
      this.configured = configured;
    }

    public boolean isConfigured() {
      return configured;
    }
  }

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(at(NOW));
    actAt = at(NOW);
    Mocks.reset();
    Mocks.register(
        "prepareEnforcement",
        (JavaDelegate)
            e -> {
              calls.add("prepareEnforcement");
              if (!e.hasVariable("principal")) {
                e.setVariable("principal", e.getVariable("balance"));
              }
              for (String v :
                  new String[] {
                    "bankSeizureFailed",
                    "wageSeizureFailed",
                    "goodsSeizureFailed",
                    "bankAccountKnown",
                    "employerKnown"
                  }) {
                if (!e.hasVariable(v)) {
                  e.setVariable(v, false);
                }
              }
            });
    Mocks.register(
        "scheduleBailiffAct",
        (JavaDelegate)
            e -> {
              calls.add("scheduleBailiffAct");
              e.setVariable("bailiffActAt", actAt);
            });
    Mocks.register(
        "requestBailiffMission",
        (JavaDelegate)
            e -> {
              calls.add("requestBailiffMission:" + e.getVariable("missionType"));
              e.getProcessInstance().setVariable("bailiffMissionId", "42");
            });
    Mocks.register(
        "recordManualBailiffMission",
        (JavaDelegate)
            e -> {
              calls.add("recordManualBailiffMission:" + e.getVariable("missionType"));
              e.getProcessInstance().setVariable("bailiffMissionId", "43");
            });
    Mocks.register(
        "recordBailiffReport",
        (JavaDelegate)
            e ->
                calls.add(
                    "recordBailiffReport:"
                        + e.getVariable("bailiffMissionId")
                        + ":"
                        + e.getVariable("bailiffOutcome")
                        + ":"
                        + e.getVariable("bailiffFee")));
    connected(true);
  }

  @AfterEach
  void tearDown() {
    // other classes share this engine and correlate BailiffReport too: leave no waiting instance
    // behind
    if (instance != null
        && engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .count()
            > 0) {
      engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test over");
    }
    ClockUtil.reset();
    Mocks.reset();
  }

  void connected(boolean configured) {
    Mocks.register("bailiffGateway", new Gateway(configured));
  }

  static java.time.LocalDate day(Date date) {
    return java.time.LocalDate.ofInstant(date.toInstant(), PARIS);
  }

  static Date at(LocalDateTime t) {
    return Date.from(t.atZone(PARIS).toInstant());
  }

  ProcessDriver start(String debtorType, double balance, Map<String, Object> extra) {
    Map<String, Object> variables =
        new HashMap<>(
            Map.of(
                "caseReference",
                "DOS-ENF",
                "debtorType",
                debtorType,
                "debtorName",
                "Boulangerie Martin SARL",
                "balance",
                balance));
    variables.putAll(extra);
    instance =
        engine.getRuntimeService().startProcessInstanceByKey("enforcement", "DOS-ENF", variables);
    return new ProcessDriver(engine, instance.getId()).settle();
  }

  /** Opens the enforcement, lets the collector choose the measure and the hour of the act come. */
  ProcessDriver chosen(String measure) {
    ProcessDriver driver = choose(measure);
    // the act is allowed now (a Wednesday morning): its timer is due at once, as the job executor
    // would see it
    return "NONE".equals(measure) ? driver : driver.fireTimer();
  }

  /** Opens the enforcement and lets the collector keep or change the suggested measure. */
  ProcessDriver choose(String measure) {
    ProcessDriver driver = start("BUSINESS", 4200.0, Map.of());
    Task choose = driver.task();
    assertThat(choose.getName()).isEqualTo("Choisir la mesure d'exécution");
    assertThat(choose.getTaskDefinitionKey()).isEqualTo("Task_ChooseMeasure");
    assertThat(groups(choose)).containsExactly("collectors");
    assertThat(form(choose)).isEqualTo("choisir-mesure-execution");
    return driver.complete(choose, Map.of("enforcementMeasure", measure));
  }

  String form(Task task) {
    return fr.recouvrement.TaskChecks.form(engine, task);
  }

  List<String> groups(Task task) {
    return fr.recouvrement.TaskChecks.candidateGroups(engine, task);
  }

  Object variable(String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  void report(String outcome, double fee, double recovered) {
    engine
        .getRuntimeService()
        .createMessageCorrelation("BailiffReport")
        .processInstanceId(instance.getId())
        .processInstanceVariableEquals("bailiffMissionId", "42")
        .setVariable("bailiffOutcome", outcome)
        .setVariable("bailiffReportedOn", "2026-03-20")
        .setVariable("bailiffFee", fee)
        .setVariable("bailiffAmountRecovered", recovered)
        .setVariable("bailiffDetails", "Procès-verbal de saisie")
        .correlateWithResult();
  }

  Job timer() {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .timers()
        .singleResult();
  }

  @Test
  void shouldPrefillTheChoiceWithTheSuggestedMeasureAndItsReason() {
    ProcessDriver driver = start("CONSUMER", 2400.0, Map.of("employerKnown", true));

    Task choose = driver.task();
    Map<String, Object> shown = engine.getTaskService().getVariables(choose.getId());
    assertThat(shown)
        .containsEntry("suggestedMeasure", "WAGE_SEIZURE")
        .containsEntry("enforcementMeasure", "WAGE_SEIZURE");
    assertThat((String) shown.get("measureReason")).contains("saisie des rémunérations");
    assertThat(calls).containsExactly("prepareEnforcement");
  }

  @Test
  void
      shouldRequestABankSeizureFromTheConnectedBailiffAndLetTheCollectorCheckTheFundsAfterThirtyDays() {
    ProcessDriver driver = chosen("BANK_SEIZURE");

    assertThat(instance).isWaitingAt("Task_AwaitBailiffReport");
    assertThat(calls)
        .containsExactly(
            "prepareEnforcement", "scheduleBailiffAct", "requestBailiffMission:BANK_SEIZURE");
    report("PAID", 180.0, 4200.0);
    driver.settle();

    assertThat(calls).endsWith("recordBailiffReport:42:PAID:180.0");
    assertThat(instance).isWaitingAt("Timer_FundsTransfer");
    assertThat(day(timer().getDuedate())).isEqualTo(NOW.toLocalDate().plusDays(30));
    driver.fireTimer();
    Task check = driver.task();
    assertThat(check.getName())
        .isEqualTo("Vérifier le versement des fonds du commissaire de justice");
    assertThat(groups(check)).containsExactly("collectors");
    assertThat(form(check)).isEqualTo("verifier-versement");
    driver.complete(check, Map.of("fundsReceived", true));

    assertThat(instance).isEnded().hasPassed("Event_EnforcementPaid");
    assertThat(variable("enforcementOutcome")).isEqualTo("PAID");
  }

  @Test
  void shouldEndPartiallyPaidWhenTheBailiffRecoveredPartOfTheClaim() {
    ProcessDriver driver = chosen("GOODS_SEIZURE");

    assertThat(calls).contains("requestBailiffMission:GOODS_SEIZURE");
    // the callback may also correlate on the waiting step's own copy of the mission id
    engine
        .getRuntimeService()
        .createMessageCorrelation("BailiffReport")
        .processInstanceId(instance.getId())
        .localVariableEquals("bailiffMissionId", "42")
        .setVariable("bailiffOutcome", "PARTIALLY_PAID")
        .setVariable("bailiffFee", 95.5)
        .setVariable("bailiffAmountRecovered", 1200.0)
        .correlateWithResult();
    driver.settle();

    assertThat(calls).endsWith("recordBailiffReport:42:PARTIALLY_PAID:95.5");
    assertThat(instance).isEnded().hasPassed("Event_EnforcementPartial");
    assertThat(variable("enforcementOutcome")).isEqualTo("PARTIAL");
  }

  @Test
  void shouldHandTheMeasureOverAndRecordAFailedReportWhenNoBailiffIsConnected() {
    connected(false);
    ProcessDriver driver = chosen("BANK_SEIZURE");

    Task handOver = driver.task();
    assertThat(handOver.getName()).isEqualTo("Transmettre la mesure au commissaire de justice");
    assertThat(groups(handOver)).containsExactly("collectors");
    assertThat(form(handOver)).isEqualTo("transmettre-mesure-execution");
    driver.complete(handOver, Map.of("bailiffName", "SCP Durand", "handedOverOn", "2026-03-04"));
    assertThat(calls)
        .containsExactly(
            "prepareEnforcement", "scheduleBailiffAct", "recordManualBailiffMission:BANK_SEIZURE");

    Task enter = driver.task();
    assertThat(enter.getName()).isEqualTo("Enregistrer le compte rendu du commissaire de justice");
    assertThat(form(enter)).isEqualTo("compte-rendu-execution");
    assertThat(day(enter.getDueDate())).isEqualTo(NOW.toLocalDate().plusMonths(2));
    driver.complete(
        enter,
        Map.of(
            "bailiffOutcome",
            "FAILED",
            "bailiffFee",
            120.0,
            "bailiffAmountRecovered",
            0.0,
            "bailiffReportedOn",
            "2026-04-02",
            "bailiffDetails",
            "Compte débiteur vide"));

    assertThat(calls).endsWith("recordBailiffReport:43:FAILED:120.0");
    assertThat(instance).isEnded().hasPassed("Event_EnforcementFailed");
    assertThat(variable("enforcementOutcome")).isEqualTo("FAILED");
  }

  @Test
  void shouldEndFailedWithoutAnyBailiffWhenTheCollectorFindsNoPossibleMeasure() {
    chosen("NONE");

    assertThat(calls).containsExactly("prepareEnforcement");
    assertThat(instance).isEnded().hasPassed("Event_NoMeasurePossible");
    assertThat(variable("enforcementOutcome")).isEqualTo("FAILED");
  }

  @Test
  void
      shouldAskASupervisorToChaseTheConnectedBailiffAfterTwoMonthsOfSilenceAndStillTakeTheReport() {
    ProcessDriver driver = chosen("BANK_SEIZURE");

    assertThat(day(timer().getDuedate())).isEqualTo(NOW.toLocalDate().plusMonths(2));
    driver.fireTimer();
    Task chase = driver.task();
    assertThat(chase.getName()).isEqualTo("Relancer le commissaire de justice");
    assertThat(groups(chase)).containsExactly("supervisors");
    assertThat(form(chase)).isEqualTo("relancer-commissaire");
    assertThat(instance).isWaitingAt("Task_AwaitBailiffReport");
    driver.complete(chase, Map.of("chaseNotes", "Appel à l'étude"));

    report("FAILED", 0.0, 0.0);
    driver.settle();
    assertThat(instance).isEnded().hasPassed("Event_BailiffChased", "Event_EnforcementFailed");
  }

  @Test
  void shouldAskASupervisorToChaseABailiffWhoseReportTheCollectorStillWaitsFor() {
    connected(false);
    ProcessDriver driver = chosen("WAGE_SEIZURE");
    driver.complete(driver.task(), Map.of("bailiffName", "SCP Durand"));

    driver.fireTimer();
    List<String> open =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .list()
            .stream()
            .map(Task::getTaskDefinitionKey)
            .sorted()
            .toList();
    assertThat(open).containsExactly("Task_ChaseBailiffManual", "Task_EnterBailiffReport");
    Task chase =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("Task_ChaseBailiffManual")
            .singleResult();
    assertThat(groups(chase)).containsExactly("supervisors");
    driver.complete(chase, Map.of("chaseNotes", "L'étude promet le compte rendu sous 8 jours"));

    driver.complete(
        driver.task(),
        Map.of(
            "bailiffOutcome",
            "PARTIALLY_PAID",
            "bailiffFee",
            150.0,
            "bailiffAmountRecovered",
            800.0));
    assertThat(instance)
        .isEnded()
        .hasPassed("Event_BailiffChasedManual", "Event_EnforcementPartial");
    assertThat(calls).endsWith("recordBailiffReport:43:PARTIALLY_PAID:150.0");
  }

  @Test
  void shouldWaitForTheDateTheActIsAllowedBeforeRequestingTheMission() {
    // Saturday 20:30: scheduleBailiffAct (helper A) answers Monday 06:00; here only the wiring is
    // tested
    ClockUtil.setCurrentTime(at(LocalDateTime.parse("2026-03-07T20:30")));
    actAt = at(LocalDateTime.parse("2026-03-09T06:00"));
    ProcessDriver driver = choose("BANK_SEIZURE");

    assertThat(instance).isWaitingAt("Timer_BailiffActAt");
    assertThat(timer().getDuedate()).isEqualTo(actAt);
    assertThat(calls).doesNotContain("requestBailiffMission:BANK_SEIZURE");

    driver.fireTimer();
    assertThat(calls).endsWith("requestBailiffMission:BANK_SEIZURE");
    assertThat(instance).isWaitingAt("Task_AwaitBailiffReport");
  }
}

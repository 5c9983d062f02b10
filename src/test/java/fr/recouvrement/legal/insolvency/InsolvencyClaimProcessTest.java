package fr.recouvrement.legal.insolvency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.ProcessDriver;
import fr.recouvrement.ProcessTestEngine;
import java.time.LocalDate;
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
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * processes/insolvency-claim.bpmn; its delegates (and helper A's withdrawal) stand in as recorders.
 */
class InsolvencyClaimProcessTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final LocalDate TODAY = LocalDate.parse("2026-03-16");
  static final LocalDate PUBLISHED = LocalDate.parse("2026-03-12");
  static final LocalDate DEADLINE = LocalDate.parse("2026-05-12");

  /** L622-26: 6 months from the publication. */
  static final LocalDate RELIEF = LocalDate.parse("2026-09-12");

  final ProcessEngine engine = ProcessTestEngine.get();
  final List<String> calls = new ArrayList<>();
  ProcessInstance instance;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(at(TODAY));
    Mocks.reset();
    Mocks.register(
        "withdrawBailiffMissions", (JavaDelegate) e -> calls.add("withdrawBailiffMissions"));
    Mocks.register(
        "prepareProofOfClaim",
        (JavaDelegate)
            e -> {
              long warningDays = ((Number) e.getVariable("claimWarningDays")).longValue();
              calls.add("prepareProofOfClaim:" + warningDays);
              LocalDate deadline = LocalDate.parse((String) e.getVariable("claimDeadline"));
              e.setVariable("claimDueAt", at(deadline));
              e.setVariable("claimWarningAt", at(deadline.minusDays(warningDays)));
              e.setVariable("claimLateAt", at(deadline.plusDays(1)));
              e.setVariable("reliefDueAt", at(RELIEF));
              e.setVariable("amountDeclared", 4321.0);
            });
    Mocks.register(
        "recordProofOfClaim",
        (JavaDelegate) e -> calls.add("recordProofOfClaim:" + e.getVariable("mandataireName")));
    Mocks.register(
        "closeInsolvencyClaim",
        (JavaDelegate)
            e ->
                calls.add(
                    "closeInsolvencyClaim:"
                        + e.getVariable("claimOutcome")
                        + ":"
                        + e.getVariable("insolvencyOutcome")));
  }

  @AfterEach
  void tearDown() {
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

  static Date at(LocalDate day) {
    return Date.from(day.atStartOfDay(PARIS).toInstant());
  }

  static LocalDate day(Date date) {
    return LocalDate.ofInstant(date.toInstant(), PARIS);
  }

  ProcessDriver start() {
    instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "insolvency-claim",
                "DOS-INS",
                Map.of(
                    "caseReference",
                    "DOS-INS",
                    "debtorType",
                    "BUSINESS",
                    "debtorName",
                    "Boulangerie Martin SARL",
                    "balance",
                    4321.0,
                    "insolvencyProcedure",
                    "REDRESSEMENT",
                    "publicationDate",
                    PUBLISHED.toString(),
                    "claimDeadline",
                    DEADLINE.toString()));
    return new ProcessDriver(engine, instance.getId());
  }

  /** The claim filed, the collector now waits for the proceeding's outcome. */
  ProcessDriver filed() {
    ProcessDriver driver = start().settle();
    Task file = driver.task();
    assertThat(file.getTaskDefinitionKey()).isEqualTo("Task_FileProofOfClaim");
    driver.complete(
        file,
        Map.of(
            "amountDeclared",
            4321.0,
            "mandataireName",
            "Me Lefèvre",
            "claimFiledOn",
            "2026-03-20"));
    Task outcome = driver.task();
    assertThat(outcome.getName()).isEqualTo("Enregistrer l'issue de la procédure collective");
    assertThat(groups(outcome)).containsExactly("collectors");
    assertThat(form(outcome)).isEqualTo("issue-procedure-collective");
    assertThat(day(outcome.getDueDate())).isEqualTo(TODAY.plusMonths(6));
    return driver;
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

  @Test
  void shouldStopTheBailiffFirstInItsOwnTransactionThenAskForTheProofOfClaimDueAtTheDeadline() {
    ProcessDriver driver = start();

    // asynchronous: the withdrawal calls the bailiff's API and retries on its own
    assertThat(instance).isWaitingAt("Task_WithdrawBailiffMissions");
    assertThat(calls).isEmpty();
    driver.settle();

    assertThat(calls).containsExactly("withdrawBailiffMissions", "prepareProofOfClaim:15");
    Task file = driver.task();
    assertThat(file.getName()).isEqualTo("Déclarer la créance au mandataire judiciaire");
    assertThat(groups(file)).containsExactly("collectors");
    assertThat(form(file)).isEqualTo("declarer-creance");
    assertThat(day(file.getDueDate())).isEqualTo(DEADLINE);
    assertThat(day(file.getFollowUpDate())).isEqualTo(DEADLINE.minusDays(15));
    assertThat(engine.getTaskService().getVariable(file.getId(), "amountDeclared"))
        .isEqualTo(4321.0);
  }

  @Test
  void shouldWarnASupervisorFifteenDaysBeforeTheDeadlineWhileTheClaimIsStillToFile() {
    ProcessDriver driver = start().settle();

    Job warning =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(instance.getId())
            .timers()
            .activityId("Timer_ClaimDeadlineNear")
            .singleResult();
    assertThat(day(warning.getDuedate())).isEqualTo(DEADLINE.minusDays(15));
    driver.fireTimer("Timer_ClaimDeadlineNear");

    List<Task> open =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .orderByTaskName()
            .asc()
            .list();
    assertThat(open)
        .extracting(Task::getName)
        .containsExactly(
            "Déclaration de créance : échéance proche",
            "Déclarer la créance au mandataire judiciaire");
    Task near = open.get(0);
    assertThat(groups(near)).containsExactly("supervisors");
    assertThat(form(near)).isEqualTo("declaration-creance-proche");
    assertThat(day(near.getDueDate())).isEqualTo(DEADLINE);
    driver.complete(near, Map.of());
    assertThat(instance).isWaitingAt("Task_FileProofOfClaim");
  }

  @Test
  void shouldAskASupervisorForReliefUntilSixMonthsAfterPublicationWhenTheClaimIsNotFiledInTime() {
    ProcessDriver driver = start().settle();
    Job late =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(instance.getId())
            .timers()
            .activityId("Timer_ClaimDeadlinePassed")
            .singleResult();
    // the deadline is the last day to file: the day after, the claim is late
    assertThat(day(late.getDuedate())).isEqualTo(DEADLINE.plusDays(1));

    driver.fireTimer("Timer_ClaimDeadlinePassed");

    Task relief =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("Task_AskReliefFromForclusion")
            .singleResult();
    assertThat(relief.getName()).isEqualTo("Demander le relevé de forclusion");
    assertThat(groups(relief)).containsExactly("supervisors");
    assertThat(form(relief)).isEqualTo("releve-forclusion");
    assertThat(day(relief.getDueDate())).isEqualTo(RELIEF);
    // the collector can still file (late): the claim task stays open beside the supervisor's
    assertThat(instance).isWaitingAt("Task_FileProofOfClaim", "Task_AskReliefFromForclusion");
    driver.complete(
        relief,
        Map.of("reliefDecision", "REQUESTED", "reliefNotes", "Requête déposée le 20/05/2026"));
    assertThat(instance).isWaitingAt("Task_FileProofOfClaim");
  }

  @Test
  void shouldSettleWhenTheAdmittedClaimIsPaidThroughThePlan() {
    ProcessDriver driver = filed();
    driver.complete(driver.task(), Map.of("claimOutcome", "ADMITTED", "admittedAmount", 4321.0));

    Task follow = driver.task();
    assertThat(follow.getName()).isEqualTo("Suivre le plan ou la répartition jusqu'à la clôture");
    assertThat(groups(follow)).containsExactly("collectors");
    assertThat(form(follow)).isEqualTo("suivre-repartition");
    driver.complete(follow, Map.of("distributionOutcome", "SETTLED"));

    assertThat(calls)
        .containsExactly(
            "withdrawBailiffMissions",
            "prepareProofOfClaim:15",
            "recordProofOfClaim:Me Lefèvre",
            "closeInsolvencyClaim:ADMITTED:SETTLED");
    assertThat(instance).isEnded().hasPassed("Event_InsolvencyClaimClosed");
    assertThat(variable("insolvencyOutcome")).isEqualTo("SETTLED");
  }

  @Test
  void shouldWriteOffWhatTheAdmittedClaimLeftUnpaidAtTheClosure() {
    ProcessDriver driver = filed();
    driver.complete(driver.task(), Map.of("claimOutcome", "ADMITTED"));
    driver.complete(driver.task(), Map.of("distributionOutcome", "CLOSED_WITH_LOSS"));

    assertThat(calls).endsWith("closeInsolvencyClaim:ADMITTED:WRITE_OFF");
    assertThat(variable("insolvencyOutcome")).isEqualTo("WRITE_OFF");
  }

  @Test
  void shouldWriteOffARejectedClaim() {
    ProcessDriver driver = filed();
    driver.complete(driver.task(), Map.of("claimOutcome", "REJECTED"));

    assertThat(calls).endsWith("closeInsolvencyClaim:REJECTED:WRITE_OFF");
    assertThat(instance).isEnded();
    assertThat(variable("insolvencyOutcome")).isEqualTo("WRITE_OFF");
  }

  @Test
  void shouldWriteOffWhenTheLiquidationClosesForLackOfAssets() {
    ProcessDriver driver = filed();
    driver.complete(driver.task(), Map.of("claimOutcome", "LIQUIDATION_CLOSED"));

    assertThat(calls).endsWith("closeInsolvencyClaim:LIQUIDATION_CLOSED:WRITE_OFF");
    assertThat(instance).isEnded().hasNotPassed("Task_FollowDistribution");
    assertThat(variable("insolvencyOutcome")).isEqualTo("WRITE_OFF");
  }
}

package fr.recouvrement.legal.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.ProcessDriver;
import fr.recouvrement.ProcessTestEngine;
import fr.recouvrement.engine.HouseDelays;
import fr.recouvrement.engine.TestHouseDelays;
import java.time.LocalDate;
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
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The formal-notice process alone; its delegates stand in as recorders. */
class FormalNoticeProcessTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final LocalDate TODAY = LocalDate.parse("2026-03-02");
  static final LocalDate DEADLINE = TODAY.plusDays(15);

  final ProcessEngine engine = ProcessTestEngine.get();
  final List<String> calls = new ArrayList<>();
  ProcessInstance instance;
  boolean postalProvider;
  boolean debtorHasEmail;
  boolean promiseKept;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(at(TODAY, 9));
    Mocks.reset();
    Mocks.register("houseDelays", TestHouseDelays.on(engine));
    Mocks.register(
        "prepareFormalNotice",
        (JavaDelegate)
            e -> {
              int days = ((Number) e.getVariable("noticeDeadlineDays")).intValue();
              calls.add("prepare:" + days);
              LocalDate deadline = TODAY.plusDays(days);
              e.setVariable("noticeDocumentId", 41L);
              e.setVariable("noticeDate", TODAY.toString());
              e.setVariable("noticeDeadline", deadline.toString());
              e.setVariable("noticeDeadlineAt", at(deadline.plusDays(1), 0));
              e.setVariable("noticeFollowUpAt", at(deadline.minusDays(2), 0));
              e.setVariable("noticeDelivered", false);
              e.setVariable("postalGatewayConfigured", postalProvider);
              e.setVariable("debtorHasEmail", debtorHasEmail);
            });
    // as the delegate does: the deadline runs again from the day the letter reached the debtor
    Mocks.register(
        "redateFormalNotice",
        (JavaDelegate)
            e -> {
              LocalDate delivered =
                  LocalDate.parse(e.getVariable("noticeDeliveredOn").toString().substring(0, 10));
              calls.add("redate:" + delivered + ":" + e.getVariable("noticeDeliveryHow"));
              LocalDate deadline =
                  delivered.plusDays(((Number) e.getVariable("noticeDeadlineDays")).intValue());
              e.setVariable("noticeDelivered", true);
              e.setVariable("noticeDeadline", deadline.toString());
              e.setVariable("noticeDeadlineAt", at(deadline.plusDays(1), 0));
              e.setVariable("noticeFollowUpAt", at(deadline.minusDays(2), 0));
            });
    Mocks.register(
        "recordReturnedFormalNotice",
        (JavaDelegate)
            e -> {
              calls.add("returned:" + e.getVariable("noticeReturnReason"));
              e.setVariable("noticeDelivered", false);
            });
    Mocks.register(
        "sendFormalNotice",
        (JavaDelegate)
            e -> {
              calls.add("send");
              e.setVariable("noticeTrackingId", "1A00000000001");
            });
    Mocks.register(
        "recordPostedFormalNotice",
        (JavaDelegate)
            e -> {
              calls.add(
                  "posted:" + e.getVariable("lrarNumber") + ":" + e.getVariable("postingDate"));
              e.setVariable("noticeTrackingId", e.getVariable("lrarNumber"));
            });
    Mocks.register(
        "emailFormalNoticeCopy",
        (JavaDelegate) e -> calls.add("email:" + e.getVariable("noticeTrackingId")));
    Mocks.register(
        "recordPromise",
        (JavaDelegate)
            e -> {
              LocalDate promised = LocalDate.parse((String) e.getVariable("promiseDate"));
              calls.add(
                  "promise:"
                      + promised
                      + ":"
                      + e.getVariable("promiseAmount")
                      + ":grace "
                      + e.getVariable("graceDays"));
              e.setVariable("promiseId", 5L);
              e.setVariable(
                  "promiseCheckAt",
                  at(
                      promised.plusDays(
                          Integer.parseInt(String.valueOf(e.getVariable("graceDays"))) + 1),
                      0));
            });
    Mocks.register(
        "checkPromise",
        (JavaDelegate)
            e -> {
              calls.add("check");
              e.setVariable("promiseKept", promiseKept);
            });
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    Mocks.reset();
  }

  static Date at(LocalDate day, int hour) {
    return Date.from(day.atTime(hour, 0).atZone(PARIS).toInstant());
  }

  ProcessDriver start(boolean provider, boolean email) {
    postalProvider = provider;
    debtorHasEmail = email;
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseReference", "DOS-TEST");
    vars.put("debtorType", "BUSINESS");
    vars.put("debtorName", "Boulangerie Martin SARL");
    vars.put("balance", 1902.34);
    vars.put("noticeDeadlineDays", 15);
    instance =
        engine.getRuntimeService().startProcessInstanceByKey("formal-notice", "DOS-TEST", vars);
    return new ProcessDriver(engine, instance.getId()).settle();
  }

  /** The notice posted by the provider with an email copy: waiting at the follow-up task. */
  ProcessDriver sentByProvider() {
    ProcessDriver driver = start(true, true);
    assertThat(instance)
        .hasPassed("Task_PrepareNotice", "Task_SendRegisteredNotice", "Task_EmailNoticeCopy");
    assertThat(instance).hasNotPassed("Task_PrintNotice");
    assertThat(calls).containsExactly("prepare:15", "send", "email:1A00000000001");
    return driver;
  }

  Task followTask(ProcessDriver driver) {
    Task follow = driver.task();
    assertThat(follow.getTaskDefinitionKey()).isEqualTo("Task_FollowNotice");
    assertThat(follow.getName()).isEqualTo("Suivre la mise en demeure");
    assertThat(follow.getDueDate()).isEqualTo(at(DEADLINE.plusDays(1), 0));
    assertThat(follow.getFollowUpDate()).isEqualTo(at(DEADLINE.minusDays(2), 0));
    assertThat(candidateGroups(follow)).containsExactly("collectors");
    return follow;
  }

  List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .toList();
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

  Job timer() {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .timers()
        .singleResult();
  }

  /** The postal provider's news of the letter, as the postal callback correlates it. */
  void postalNews(String message, Map<String, Object> variables) {
    engine
        .getRuntimeService()
        .createMessageCorrelation(message)
        .processInstanceBusinessKey("DOS-TEST")
        .processInstanceVariableEquals("noticeTrackingId", "1A00000000001")
        .setVariables(variables)
        .correlateAllWithResult();
  }

  Task openTask(ProcessDriver driver, String activityId) {
    Task task = driver.settle().task();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(activityId);
    assertThat(candidateGroups(task)).containsExactly("collectors");
    return task;
  }

  @Test
  void shouldExpireWhenTheDeadlineCountedFromTheFirstPresentationPasses() {
    ProcessDriver driver = sentByProvider();
    followTask(driver);
    assertThat(timer().getDuedate()).isEqualTo(at(DEADLINE.plusDays(1), 0));

    // the letter was first presented on 4 March: 15 days from then, not from the letter's date
    LocalDate presented = TODAY.plusDays(2);
    ClockUtil.setCurrentTime(at(TODAY.plusDays(3), 10));
    postalNews(
        "FormalNoticeDelivered",
        Map.of("noticeDeliveredOn", presented.toString(), "noticeDeliveryHow", "POSTAL"));
    driver.settle();

    assertThat(calls).endsWith("redate:" + presented + ":POSTAL");
    Task follow = openTask(driver, "Task_FollowNotice");
    assertThat(follow.getDueDate()).isEqualTo(at(presented.plusDays(16), 0));
    assertThat(timer().getDuedate()).isEqualTo(at(presented.plusDays(16), 0));
    ClockUtil.setCurrentTime(at(presented.plusDays(16), 1));
    driver.fireTimer();

    assertThat(instance)
        .hasPassed("Timer_NoticeDeadline", "Gateway_DeliveryConfirmed", "Event_NoticeExpired")
        .isEnded();
    assertThat(variable("noticeOutcome")).isEqualTo("EXPIRED");
    assertThat(variable("noticePromiseBroken")).isEqualTo(false);
  }

  @Test
  void shouldAskACollectorToConfirmTheDeliveryWhenTheDeadlinePassesWithoutNewsOfTheLetter() {
    ProcessDriver driver = start(false, false);
    driver.complete(
        driver.task(), Map.of("lrarNumber", "1A12345678901", "postingDate", TODAY.toString()));
    ClockUtil.setCurrentTime(at(DEADLINE.plusDays(1), 1));
    driver.fireTimer();

    // no court on a letter whose delivery nobody has established
    Task confirm = openTask(driver, "Task_ConfirmNoticeDelivery");
    assertThat(confirm.getName()).isEqualTo("Vérifier la remise de la mise en demeure");
    assertThat(instance).isNotEnded();
    driver.complete(
        confirm,
        Map.of(
            "noticeDeliveryAnswer",
            "DELIVERED",
            "noticeDeliveryHow",
            "SIGNED",
            "noticeDeliveredOn",
            TODAY.plusDays(3).toString()));

    // first presented on 5 March: the deadline is 20 March, the debtor still has a day
    assertThat(calls).endsWith("redate:" + TODAY.plusDays(3) + ":SIGNED");
    openTask(driver, "Task_FollowNotice");
    assertThat(timer().getDuedate()).isEqualTo(at(TODAY.plusDays(19), 0));
    ClockUtil.setCurrentTime(at(TODAY.plusDays(19), 1));
    driver.fireTimer();
    assertThat(instance).hasPassed("Event_NoticeExpired").isEnded();
    assertThat(variable("noticeOutcome")).isEqualTo("EXPIRED");
  }

  @Test
  void shouldOpenACollectorTaskAndNotGoToCourtWhenTheLetterComesBackUndelivered() {
    ProcessDriver driver = sentByProvider();
    postalNews(
        "FormalNoticeReturned",
        Map.of(
            "noticeReturnReason",
            "NOT_CLAIMED",
            "noticeReturnedOn",
            TODAY.plusDays(17).toString()));

    Task handle = openTask(driver, "Task_HandleReturnedNotice");
    assertThat(handle.getName()).isEqualTo("Traiter la mise en demeure revenue non distribuée");
    assertThat(calls).endsWith("returned:NOT_CLAIMED");
    // however long it waits, the case does not leave the formal notice on this letter
    assertThat(timer()).isNull();
    assertThat(instance).isNotEnded().hasNotPassed("Event_NoticeExpired");

    // served by a commissaire de justice on 25 March: 15 days from then
    ClockUtil.setCurrentTime(at(TODAY.plusDays(23), 9));
    driver.complete(
        handle,
        Map.of("noticeDeliveryHow", "SERVED", "noticeDeliveredOn", TODAY.plusDays(23).toString()));
    assertThat(calls).endsWith("redate:" + TODAY.plusDays(23) + ":SERVED");
    openTask(driver, "Task_FollowNotice");
    assertThat(timer().getDuedate()).isEqualTo(at(TODAY.plusDays(39), 0));
  }

  @Test
  void shouldWriteAndSendTheNoticeAgainWhenTheCollectorHasANewAddress() {
    ProcessDriver driver = sentByProvider();
    ClockUtil.setCurrentTime(at(DEADLINE.plusDays(1), 1));
    driver.fireTimer();
    Task confirm = openTask(driver, "Task_ConfirmNoticeDelivery");
    // the letter comes back while the collector checks: « destinataire inconnu à l'adresse »
    postalNews(
        "FormalNoticeReturned",
        Map.of(
            "noticeReturnReason", "RETURNED", "noticeReturnedOn", DEADLINE.plusDays(1).toString()));
    assertThat(engine.getTaskService().createTaskQuery().taskId(confirm.getId()).count()).isZero();

    driver.complete(
        openTask(driver, "Task_HandleReturnedNotice"), Map.of("noticeDeliveryHow", "RESEND"));

    assertThat(calls)
        .containsExactly(
            "prepare:15",
            "send",
            "email:1A00000000001",
            "returned:RETURNED",
            "prepare:15",
            "send",
            "email:1A00000000001");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "noticeAttempt"))
        .isEqualTo(2L);
    openTask(driver, "Task_FollowNotice");
  }

  @Test
  void shouldGoOnWithAConfirmedDeliveryWhenTheCollectorSaysTheLetterCameBack() {
    ProcessDriver driver = start(false, false);
    driver.complete(
        driver.task(), Map.of("lrarNumber", "1A12345678901", "postingDate", TODAY.toString()));
    ClockUtil.setCurrentTime(at(DEADLINE.plusDays(1), 1));
    driver.fireTimer();
    driver.complete(
        openTask(driver, "Task_ConfirmNoticeDelivery"), Map.of("noticeDeliveryAnswer", "RETURNED"));

    assertThat(calls).endsWith("returned:null");
    driver.complete(
        openTask(driver, "Task_HandleReturnedNotice"),
        Map.of(
            "noticeDeliveryHow",
            "DELIVERED_BY_HAND",
            "noticeDeliveredOn",
            DEADLINE.plusDays(1).toString()));
    assertThat(calls).endsWith("redate:" + DEADLINE.plusDays(1) + ":DELIVERED_BY_HAND");
    openTask(driver, "Task_FollowNotice");
  }

  @Test
  void shouldAskACollectorToPrintAndPostWithoutAProviderAndSendNoEmailWithoutAnAddress() {
    ProcessDriver driver = start(false, false);

    Task print = driver.task();
    assertThat(print.getTaskDefinitionKey()).isEqualTo("Task_PrintNotice");
    assertThat(print.getName()).isEqualTo("Imprimer et envoyer la mise en demeure en recommandé");
    assertThat(candidateGroups(print)).containsExactly("collectors");
    assertThat(print.getDueDate()).isEqualTo(at(TODAY.plusDays(1), 9));
    driver.complete(
        print, Map.of("lrarNumber", "1A 123 456 7890 1", "postingDate", TODAY.toString()));

    assertThat(instance)
        .hasPassed("Task_RecordPostedNotice")
        .hasNotPassed("Task_SendRegisteredNotice", "Task_EmailNoticeCopy");
    assertThat(calls).containsExactly("prepare:15", "posted:1A 123 456 7890 1:" + TODAY);
    followTask(driver);
  }

  @Test
  void shouldSendTheEmailCopyAfterAHandPostedLetter() {
    ProcessDriver driver = start(false, true);
    driver.complete(
        driver.task(), Map.of("lrarNumber", "1A12345678901", "postingDate", TODAY.toString()));

    assertThat(calls)
        .containsExactly("prepare:15", "posted:1A12345678901:" + TODAY, "email:1A12345678901");
    followTask(driver);
  }

  @Test
  void shouldSkipTheEmailCopyWhenTheDebtorHasNoAddressAfterAProviderLetter() {
    ProcessDriver driver = start(true, false);

    assertThat(calls).containsExactly("prepare:15", "send");
    assertThat(instance).hasNotPassed("Task_EmailNoticeCopy");
    followTask(driver);
  }

  @Test
  void shouldEndWithAPlanRequestedWhenTheDebtorAsksForInstalments() {
    ProcessDriver driver = sentByProvider();
    driver.complete(followTask(driver), Map.of("noticeResponse", "PLAN_REQUESTED"));

    assertThat(instance).hasPassed("Event_PlanRequested").isEnded();
    assertThat(variable("noticeOutcome")).isEqualTo("PLAN_REQUESTED");
    assertThat(variable("noticePromiseBroken")).isEqualTo(false);
  }

  @Test
  void shouldEndWithThePromiseKeptWhenTheDebtorPaysAsPromised() {
    ProcessDriver driver = sentByProvider();
    driver.complete(
        followTask(driver),
        Map.of("noticeResponse", "PROMISE", "promiseDate", "2026-03-10", "promiseAmount", 1902.34));

    assertThat(instance).isWaitingAt("Timer_PromiseDue");
    assertThat(timer().getDuedate()).isEqualTo(at(LocalDate.parse("2026-03-14"), 0));
    promiseKept = true;
    ClockUtil.setCurrentTime(at(LocalDate.parse("2026-03-14"), 1));
    driver.fireTimer();

    assertThat(calls).endsWith("promise:2026-03-10:1902.34:grace 3", "check");
    assertThat(instance).hasPassed("Event_PromiseKept").isEnded();
    assertThat(variable("noticeOutcome")).isEqualTo("PROMISE_KEPT");
    assertThat(variable("noticePromiseBroken")).isEqualTo(false);
  }

  @Test
  void aNewVersionOfTheHouseDelaysGivesTheNextPromiseItsGraceDays() {
    // an analyst deploys « Délais de gestion » with 5 days of grace instead of 3
    String deployment =
        TestHouseDelays.deployWith(engine.getRepositoryService(), HouseDelays.GRACE_DAYS, 5);
    try {
      ProcessDriver driver = sentByProvider();
      driver.complete(
          followTask(driver),
          Map.of(
              "noticeResponse", "PROMISE", "promiseDate", "2026-03-10", "promiseAmount", 1902.34));

      // promised 10 March + 5 days of grace + 1 day = checked on 16 March (14 March with 3 days)
      assertThat(calls).endsWith("promise:2026-03-10:1902.34:grace 5");
      assertThat(timer().getDuedate()).isEqualTo(at(LocalDate.parse("2026-03-16"), 0));
    } finally {
      // the other process tests share this engine: they read the shipped table again
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void shouldExpireWithThePromiseBrokenWhenAPromiseAfterTheNoticeIsNotKept() {
    ProcessDriver driver = sentByProvider();
    driver.complete(
        followTask(driver),
        Map.of("noticeResponse", "PROMISE", "promiseDate", "2026-03-20", "promiseAmount", 500.00));

    // the notice's deadline no longer runs: the promise is watched instead, and no second notice
    // follows
    assertThat(instance).isWaitingAt("Timer_PromiseDue");
    promiseKept = false;
    ClockUtil.setCurrentTime(at(LocalDate.parse("2026-03-24"), 1));
    driver.fireTimer();

    assertThat(instance).hasPassed("Task_CheckPromise", "Event_PromiseBroken").isEnded();
    assertThat(variable("noticeOutcome")).isEqualTo("EXPIRED");
    assertThat(variable("noticePromiseBroken")).isEqualTo(true);
    assertThat(calls).filteredOn(c -> c.startsWith("send") || c.startsWith("prepare")).hasSize(2);
  }
}

package fr.recouvrement.legal.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.ProcessDriver;
import fr.recouvrement.ProcessTestEngine;
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
    Mocks.register("prepareFormalNotice", (JavaDelegate) e -> {
      int days = ((Number) e.getVariable("noticeDeadlineDays")).intValue();
      calls.add("prepare:" + days);
      LocalDate deadline = TODAY.plusDays(days);
      e.setVariable("noticeDocumentId", 41L);
      e.setVariable("noticeDate", TODAY.toString());
      e.setVariable("noticeDeadline", deadline.toString());
      e.setVariable("noticeDeadlineAt", at(deadline.plusDays(1), 0));
      e.setVariable("noticeFollowUpAt", at(deadline.minusDays(2), 0));
      e.setVariable("postalGatewayConfigured", postalProvider);
      e.setVariable("debtorHasEmail", debtorHasEmail);
    });
    Mocks.register("sendFormalNotice", (JavaDelegate) e -> {
      calls.add("send");
      e.setVariable("noticeTrackingId", "1A00000000001");
    });
    Mocks.register("recordPostedFormalNotice", (JavaDelegate) e -> {
      calls.add("posted:" + e.getVariable("lrarNumber") + ":" + e.getVariable("postingDate"));
      e.setVariable("noticeTrackingId", e.getVariable("lrarNumber"));
    });
    Mocks.register("emailFormalNoticeCopy", (JavaDelegate) e -> calls.add("email:" + e.getVariable("noticeTrackingId")));
    Mocks.register("recordPromise", (JavaDelegate) e -> {
      LocalDate promised = LocalDate.parse((String) e.getVariable("promiseDate"));
      calls.add("promise:" + promised + ":" + e.getVariable("promiseAmount") + ":grace " + e.getVariable("graceDays"));
      e.setVariable("promiseId", 5L);
      e.setVariable("promiseCheckAt", at(promised.plusDays(Integer.parseInt(String.valueOf(e.getVariable("graceDays"))) + 1), 0));
    });
    Mocks.register("checkPromise", (JavaDelegate) e -> {
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
    instance = engine.getRuntimeService().startProcessInstanceByKey("formal-notice", "DOS-TEST", vars);
    return new ProcessDriver(engine, instance.getId()).settle();
  }

  /** The notice posted by the provider with an email copy: waiting at the follow-up task. */
  ProcessDriver sentByProvider() {
    ProcessDriver driver = start(true, true);
    assertThat(instance).hasPassed("Task_PrepareNotice", "Task_SendRegisteredNotice", "Task_EmailNoticeCopy");
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
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  Object variable(String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
  }

  Job timer() {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
  }

  @Test
  void shouldExpireWhenTheDeadlinePassesAfterARegisteredLetterAndAnEmailCopy() {
    ProcessDriver driver = sentByProvider();
    followTask(driver);
    assertThat(timer().getDuedate()).isEqualTo(at(DEADLINE.plusDays(1), 0));

    ClockUtil.setCurrentTime(at(DEADLINE.plusDays(1), 1));
    driver.fireTimer();

    assertThat(instance).hasPassed("Timer_NoticeDeadline", "Event_NoticeExpired").isEnded();
    assertThat(variable("noticeOutcome")).isEqualTo("EXPIRED");
    assertThat(variable("noticePromiseBroken")).isEqualTo(false);
  }

  @Test
  void shouldAskACollectorToPrintAndPostWithoutAProviderAndSendNoEmailWithoutAnAddress() {
    ProcessDriver driver = start(false, false);

    Task print = driver.task();
    assertThat(print.getTaskDefinitionKey()).isEqualTo("Task_PrintNotice");
    assertThat(print.getName()).isEqualTo("Imprimer et envoyer la mise en demeure en recommandé");
    assertThat(candidateGroups(print)).containsExactly("collectors");
    assertThat(print.getDueDate()).isEqualTo(at(TODAY.plusDays(1), 9));
    driver.complete(print, Map.of("lrarNumber", "1A 123 456 7890 1", "postingDate", TODAY.toString()));

    assertThat(instance).hasPassed("Task_RecordPostedNotice").hasNotPassed("Task_SendRegisteredNotice", "Task_EmailNoticeCopy");
    assertThat(calls).containsExactly("prepare:15", "posted:1A 123 456 7890 1:" + TODAY);
    followTask(driver);
  }

  @Test
  void shouldSendTheEmailCopyAfterAHandPostedLetter() {
    ProcessDriver driver = start(false, true);
    driver.complete(driver.task(), Map.of("lrarNumber", "1A12345678901", "postingDate", TODAY.toString()));

    assertThat(calls).containsExactly("prepare:15", "posted:1A12345678901:" + TODAY, "email:1A12345678901");
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
    driver.complete(followTask(driver), Map.of("noticeResponse", "PROMISE", "promiseDate", "2026-03-10", "promiseAmount", 1902.34));

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
  void shouldExpireWithThePromiseBrokenWhenAPromiseAfterTheNoticeIsNotKept() {
    ProcessDriver driver = sentByProvider();
    driver.complete(followTask(driver), Map.of("noticeResponse", "PROMISE", "promiseDate", "2026-03-20", "promiseAmount", 500.00));

    // the notice's deadline no longer runs: the promise is watched instead, and no second notice follows
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

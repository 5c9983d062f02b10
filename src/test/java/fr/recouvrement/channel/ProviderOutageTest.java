package fr.recouvrement.channel;

import static fr.recouvrement.channel.ChannelFixtures.invoice;
import static fr.recouvrement.channel.ChannelFixtures.open;
import static fr.recouvrement.channel.ChannelFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.TestServers;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A provider down for hours (security review M8): a step that calls it backs off for about two days
 * and resumes by itself when the provider is back, instead of filling Cockpit with incidents after
 * twenty minutes; each delivery still happens once.
 */
@IntegrationTest
class ProviderOutageTest {
  /** Delegates that call a provider (email, SMS, postal, bailiff) or print on its behalf. */
  static final List<String> PROVIDER_STEPS =
      List.of(
          "${sendReminderEmail}",
          "${sendReminderSms}",
          "${sendLetterByPost}",
          "${requestBailiffMission}",
          "${sendFormalNotice}",
          "${emailFormalNoticeCopy}",
          "${sendPlanSchedule}",
          "${sendInstalmentReminder}");

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JavaMailSenderImpl mail;
  ApiClient api;
  Deployment deployment;
  int smtpPort;

  @BeforeEach
  void setUp() {
    api = ChannelFixtures.api(port);
    TestServers.reset();
    smtpPort = mail.getPort();
  }

  @AfterEach
  void tearDown() {
    mail.setPort(smtpPort);
    ClockUtil.reset();
    if (deployment != null) {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void everyShippedStepThatCallsAProviderBacksOffForAtLeADayBeforeItBecomesAnIncident()
      throws Exception {
    int checked = 0;
    for (Resource model :
        new PathMatchingResourcePatternResolver().getResources("classpath:processes/*.bpmn")) {
      try (InputStream in = model.getInputStream()) {
        BpmnModelInstance bpmn = Bpmn.readModelFromStream(in);
        for (ServiceTask task : bpmn.getModelElementsByType(ServiceTask.class)) {
          if (!PROVIDER_STEPS.contains(task.getCamundaDelegateExpression())) {
            continue;
          }
          String where = model.getFilename() + " " + task.getId();
          assertThat(task.isCamundaAsyncBefore()).as(where + " is asynchronous").isTrue();
          assertThat(total(cycleOf(task)))
              .as(where + " backs off over")
              .isGreaterThanOrEqualTo(Duration.ofHours(24));
          checked++;
        }
      }
    }
    assertThat(checked).as("provider steps found in the shipped models").isGreaterThanOrEqualTo(8);
  }

  @Test
  void anSmtpServerDownForFourHoursDeliversTheReminderOnceWhenItIsBackWithoutAnIncident()
      throws Exception {
    String cycle = shippedCycle("amicable-reminders.bpmn", "Task_SendReminderEmail");
    deployment =
        repository
            .createDeployment()
            .name("provider-outage")
            .addModelInstance(
                "test-provider-outage.bpmn",
                Bpmn.createExecutableProcess("test-provider-outage")
                    .camundaHistoryTimeToLive(180)
                    .startEvent()
                    .serviceTask("Task_Step")
                    .camundaDelegateExpression("${sendReminderEmail}")
                    .camundaAsyncBefore()
                    .camundaFailedJobRetryTimeCycle(cycle)
                    .userTask("Task_Done")
                    .endEvent()
                    .done())
            .deploy();
    String reference =
        open(
            api, request("BUSINESS", "compta@martin.example", null, invoice("F-O1", 15, "500.00")));
    String instance =
        runtime
            .startProcessInstanceByKey(
                "test-provider-outage",
                reference,
                Map.of(
                    "caseReference",
                    reference,
                    "reminderStep",
                    1,
                    "template",
                    "relance-courtoise",
                    "tone",
                    "courtois"))
            .getId();
    mail.setPort(SendReminderEmailTest.closedPort()); // the SMTP server goes down

    List<Duration> waits = new ArrayList<>();
    Date start = ClockUtil.getCurrentTime();
    while (Duration.between(start.toInstant(), ClockUtil.getCurrentTime().toInstant())
            .compareTo(Duration.ofHours(4))
        < 0) {
      Job job = job(instance);
      ClockUtil.setCurrentTime(
          job.getDuedate() == null ? ClockUtil.getCurrentTime() : job.getDuedate());
      Date before = ClockUtil.getCurrentTime();
      assertThatThrownBy(() -> management.executeJob(job.getId()))
          .isInstanceOf(RuntimeException.class);
      waits.add(Duration.between(before.toInstant(), job(instance).getDuedate().toInstant()));
      assertThat(runtime.createIncidentQuery().processInstanceId(instance).count())
          .as("no incident during the outage")
          .isZero();
    }
    // the waits grow: a long outage is not hammered every few minutes
    assertThat(waits.get(0)).isLessThanOrEqualTo(Duration.ofMinutes(15));
    assertThat(waits.get(waits.size() - 1)).isGreaterThanOrEqualTo(Duration.ofHours(1));

    mail.setPort(smtpPort); // back
    ClockUtil.setCurrentTime(job(instance).getDuedate());
    management.executeJob(job(instance).getId());

    assertThat(TestServers.greenMail().getReceivedMessages()).hasSize(1);
    assertThat(job(instance)).isNull();
    assertThat(runtime.getVariable(instance, "communicationStatus")).isEqualTo("SENT");
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
  }

  @Test
  void anOutageLongerThanTheBackOffEndsAsOneIncidentThatAnOperatorsRetryResolvesDeliveringOnce()
      throws Exception {
    String cycle = shippedCycle("amicable-reminders.bpmn", "Task_SendReminderEmail");
    deployment =
        repository
            .createDeployment()
            .name("provider-outage-long")
            .addModelInstance(
                "test-provider-outage-long.bpmn",
                Bpmn.createExecutableProcess("test-provider-outage-long")
                    .camundaHistoryTimeToLive(180)
                    .startEvent()
                    .serviceTask("Task_Step")
                    .camundaDelegateExpression("${sendReminderEmail}")
                    .camundaAsyncBefore()
                    .camundaFailedJobRetryTimeCycle(cycle)
                    .userTask("Task_Done")
                    .endEvent()
                    .done())
            .deploy();
    String reference =
        open(
            api, request("BUSINESS", "compta@martin.example", null, invoice("F-O2", 15, "500.00")));
    String instance =
        runtime
            .startProcessInstanceByKey(
                "test-provider-outage-long",
                reference,
                Map.of(
                    "caseReference",
                    reference,
                    "reminderStep",
                    1,
                    "template",
                    "relance-courtoise",
                    "tone",
                    "courtois"))
            .getId();
    mail.setPort(SendReminderEmailTest.closedPort()); // down for days

    int attempts = 0;
    while (job(instance).getRetries() > 0 && attempts < 20) {
      Job job = job(instance);
      if (job.getDuedate() != null) {
        ClockUtil.setCurrentTime(job.getDuedate());
      }
      assertThatThrownBy(() -> management.executeJob(job.getId()))
          .isInstanceOf(RuntimeException.class);
      attempts++;
    }
    // the back-off is spent: one incident for the operator, nothing sent
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isEqualTo(1);
    assertThat(TestServers.greenMail().getReceivedMessages()).isEmpty();

    mail.setPort(smtpPort); // the provider is back; the operator presses « Retry » in Cockpit
    management.setJobRetries(job(instance).getId(), 1);
    management.executeJob(job(instance).getId());

    assertThat(TestServers.greenMail().getReceivedMessages()).hasSize(1);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
    assertThat(job(instance)).isNull();
  }

  private Job job(String instance) {
    return management.createJobQuery().processInstanceId(instance).singleResult();
  }

  private static String shippedCycle(String file, String taskId) throws Exception {
    try (InputStream in =
        ProviderOutageTest.class.getClassLoader().getResourceAsStream("processes/" + file)) {
      return cycleOf(Bpmn.readModelFromStream(in).getModelElementById(taskId));
    }
  }

  private static String cycleOf(ServiceTask task) {
    CamundaFailedJobRetryTimeCycle cycle =
        task.getExtensionElements() == null
            ? null
            : task
                .getExtensionElements()
                .getElementsQuery()
                .filterByType(CamundaFailedJobRetryTimeCycle.class)
                .list()
                .stream()
                .findFirst()
                .orElse(null);
    assertThat(cycle).as(task.getId() + " has a retry cycle").isNotNull();
    return cycle.getTextContent().trim();
  }

  /** The total back-off of a list of ISO-8601 intervals, or of R<n>/<interval>. */
  static Duration total(String cycle) {
    if (cycle.startsWith("R")) {
      String[] parts = cycle.substring(1).split("/");
      return Duration.parse(parts[1]).multipliedBy(Long.parseLong(parts[0]));
    }
    Duration sum = Duration.ZERO;
    for (String interval : cycle.split(",")) {
      sum = sum.plus(Duration.parse(interval.trim()));
    }
    return sum;
  }
}

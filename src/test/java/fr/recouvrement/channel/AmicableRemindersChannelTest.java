package fr.recouvrement.channel;

import static fr.recouvrement.channel.ChannelFixtures.invoice;
import static fr.recouvrement.channel.ChannelFixtures.open;
import static fr.recouvrement.channel.ChannelFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.TestServers;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The shipped models with the real delegates: a case opened through the API reaches its first
 * reminder email when its jobs run, with the variables the cadence hands over.
 */
@IntegrationTest
class AmicableRemindersChannelTest {
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired CommunicationLog log;
  @LocalServerPort int port;
  ApiClient api;

  @BeforeEach
  void reset() {
    api = ChannelFixtures.api(port);
    TestServers.reset();
    // a Tuesday morning: the contact policy lets the email go whatever the hour the build runs at
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
        java.util.Date.from(
            java.time.ZonedDateTime.of(
                    2026, 3, 3, 10, 0, 0, 0, fr.recouvrement.kernel.time.CaseClock.PARIS)
                .toInstant()));
  }

  @org.junit.jupiter.api.AfterEach
  void resetClock() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  @Test
  void theCadencesFirstReminderEmailLeavesThroughTheRealDelegate() throws Exception {
    String reference =
        open(
            api, request("BUSINESS", "compta@martin.example", null, invoice("F-A1", 10, "120.00")));

    // run the case's jobs (timers included, whatever their date) until the email has gone
    for (int round = 0;
        round < 8 && TestServers.greenMail().getReceivedMessages().length == 0;
        round++) {
      List<String> instances =
          runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
              .map(ProcessInstance::getId)
              .toList();
      // the case's prescription timers wait for years and would end the case: not this test's
      // business
      java.util.Set<String> prescriptionTimers =
          management
              .createJobDefinitionQuery()
              .activityIdIn("Timer_PrescriptionWarning", "Timer_Prescribed")
              .list()
              .stream()
              .map(org.camunda.bpm.engine.management.JobDefinition::getId)
              .collect(java.util.stream.Collectors.toSet());
      List<Job> jobs =
          management
              .createJobQuery()
              .processInstanceIds(new java.util.HashSet<>(instances))
              .list()
              .stream()
              .filter(j -> !prescriptionTimers.contains(j.getJobDefinitionId()))
              .toList();
      if (jobs.isEmpty()) {
        break;
      }
      for (Job job : jobs) {
        management.executeJob(job.getId());
      }
    }

    MimeMessage[] mails = TestServers.greenMail().getReceivedMessages();
    assertThat(mails).as("an email from the amicable cadence").hasSize(1);
    assertThat(mails[0].getSubject()).endsWith("dossier " + reference);
    List<CommunicationLog.Entry> rows = log.ofCase(reference);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).status()).isEqualTo(CommunicationStatus.SENT);
    assertThat(rows.get(0).idempotencyKey())
        .startsWith(reference + "/")
        .contains("/Task_SendReminderEmail/");
  }
}

package fr.recouvrement.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static fr.recouvrement.channel.ChannelFixtures.EMAIL_PROCESS;
import static fr.recouvrement.channel.ChannelFixtures.LETTER_PROCESS;
import static fr.recouvrement.channel.ChannelFixtures.SMS_PROCESS;
import static fr.recouvrement.channel.ChannelFixtures.invoice;
import static fr.recouvrement.channel.ChannelFixtures.job;
import static fr.recouvrement.channel.ChannelFixtures.open;
import static fr.recouvrement.channel.ChannelFixtures.request;
import static fr.recouvrement.channel.ChannelFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.IntegrationTest;
import fr.recouvrement.Race;
import fr.recouvrement.TestServers;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One reminder step executed by three executors at the same moment (the job executor, a « Retry »
 * in Cockpit, a second node): the debtor receives one message. The providers answer slowly so that
 * the three attempts overlap while the first one is sending.
 */
@IntegrationTest
class ConcurrentDeliveryTest extends ChannelStepTest {
  static final int EXECUTORS = 3;
  static final int SLOW_PROVIDER_MS = 1500;

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired CommunicationLog log;

  @BeforeEach
  void disarm() {
    CrashAfterStep.ARMED.set(false);
  }

  @Test
  void oneEmailStepRunByThreeExecutorsAtOnceDeliversOneEmail() throws Exception {
    String reference =
        open(
            api, request("BUSINESS", "compta@martin.example", null, invoice("F-R1", 15, "500.00")));
    String instance = start(runtime, EMAIL_PROCESS, reference, 1, "relance-courtoise", "courtois");

    raceOn(job(management, instance).getId());
    finishAsTheRetryWould(instance);

    assertThat(TestServers.greenMail().getReceivedMessages()).hasSize(1);
    assertOneSentRow(reference);
  }

  @Test
  void oneSmsStepRunByThreeExecutorsAtOnceMakesOneTwilioRequest() throws Exception {
    String messages = "/2010-04-01/Accounts/" + TestServers.TWILIO_ACCOUNT_SID + "/Messages.json";
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(messages))
                .willReturn(
                    SendReminderSmsTest.created("SM0000000000000000000000000000000R")
                        .withFixedDelay(SLOW_PROVIDER_MS)));
    String reference =
        open(api, request("CONSUMER", null, "+33612345678", invoice("F-R2", 12, "240.00")));
    String instance = start(runtime, SMS_PROCESS, reference, 1, "relance-courtoise", "courtois");

    List<Throwable> failures = raceOn(job(management, instance).getId());
    finishAsTheRetryWould(instance);

    TestServers.wireMock().verify(1, postRequestedFor(urlEqualTo(messages)));
    assertOneSentRow(reference);
    // the others did not send: they found the live lease of the first one
    assertThat(failures)
        .filteredOn(f -> f instanceof DeliveryInFlightException)
        .hasSizeGreaterThanOrEqualTo(EXECUTORS - 1);
  }

  @Test
  void oneLetterPostingRunByThreeExecutorsAtOnceMakesOnePostalRequest() throws Exception {
    String letters = TestServers.POSTAL_PATH + "/letters";
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(letters))
                .willReturn(
                    ReminderLetterTest.accepted("1A0000000009R").withFixedDelay(SLOW_PROVIDER_MS)));
    String reference = open(api, request("BUSINESS", null, null, invoice("F-R3", 25, "900.00")));
    String instance = start(runtime, LETTER_PROCESS, reference, 1, "relance-ferme", "ferme");
    management.executeJob(job(management, instance).getId()); // the PDF, stored once

    List<Throwable> failures = raceOn(job(management, instance).getId());
    finishAsTheRetryWould(instance);

    TestServers.wireMock().verify(1, postRequestedFor(urlEqualTo(letters)));
    assertOneSentRow(reference);
    assertThat(failures)
        .filteredOn(f -> f instanceof DeliveryInFlightException)
        .hasSizeGreaterThanOrEqualTo(EXECUTORS - 1);
  }

  @Test
  void aLeaseLeftByACrashedAttemptStopsNobodyOnceItHasExpired() {
    // a PENDING row whose lease ran out: the attempt died mid-send; the step is sent again
    // (at-least-once)
    String reference =
        open(
            api, request("BUSINESS", "compta@martin.example", null, invoice("F-R4", 15, "500.00")));
    String instance = start(runtime, EMAIL_PROCESS, reference, 1, "relance-courtoise", "courtois");
    String key = reference + "/" + instance + "/Task_Step/1";
    org.springframework.jdbc.core.JdbcTemplate jdbc = jdbcTemplate;
    jdbc.update(
        "insert into communication (case_id, idempotency_key, channel, status, created_at, lease_owner, lease_until)"
            + " select id, ?, 'EMAIL', 'PENDING', current_timestamp, 'crashed-node', ? from collection_case where reference = ?",
        key,
        java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)),
        reference);

    management.executeJob(job(management, instance).getId());

    assertThat(TestServers.greenMail().getReceivedMessages()).hasSize(1);
    assertOneSentRow(reference);
  }

  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

  /**
   * The losers' failures may also have rolled back the winner's job transaction (the job row
   * changed under it): the job is then still there, and its retry finds the step SENT and moves on.
   */
  private void finishAsTheRetryWould(String instance) {
    org.camunda.bpm.engine.runtime.Job left = job(management, instance);
    if (left != null) {
      management.executeJob(left.getId());
    }
    assertThat(job(management, instance)).as("the step is done").isNull();
    assertThat(runtime.getVariable(instance, "communicationStatus")).isEqualTo("SENT");
  }

  private List<Throwable> raceOn(String jobId) throws InterruptedException {
    return Race.run(
        EXECUTORS,
        () -> {
          management.executeJob(jobId);
          return null;
        });
  }

  private void assertOneSentRow(String reference) {
    List<CommunicationLog.Entry> rows = log.ofCase(reference);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).status()).isEqualTo(CommunicationStatus.SENT);
  }
}

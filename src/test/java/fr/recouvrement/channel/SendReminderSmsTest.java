package fr.recouvrement.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static fr.recouvrement.channel.ChannelFixtures.SMS_PROCESS;
import static fr.recouvrement.channel.ChannelFixtures.invoice;
import static fr.recouvrement.channel.ChannelFixtures.job;
import static fr.recouvrement.channel.ChannelFixtures.open;
import static fr.recouvrement.channel.ChannelFixtures.request;
import static fr.recouvrement.channel.ChannelFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.TestServers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.Header;
import org.apache.http.message.BasicHeader;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "sendReminderSms" run as a job of a real engine, against Twilio's API played by WireMock. */
@IntegrationTest
class SendReminderSmsTest extends ChannelStepTest {
  static final String MESSAGES =
      "/2010-04-01/Accounts/" + TestServers.TWILIO_ACCOUNT_SID + "/Messages.json";

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired CommunicationLog log;
  @Autowired ReminderSms sms;

  @Test
  void theSmsGoesToTwilioFromOurNumberWithTheReferenceTheAmountAndHowToPay() {
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(MESSAGES)).willReturn(created("SM00000000000000000000000000000001")));
    String reference =
        open(
            api,
            request(
                "CONSUMER",
                null,
                "+33612345678",
                invoice("F-M1", 12, "240.00"),
                invoice("F-M2", 3, "60.10")));
    String instance = start(runtime, SMS_PROCESS, reference, 2, "relance-ferme", "ferme");

    management.executeJob(job(management, instance).getId());

    List<LoggedRequest> requests =
        TestServers.wireMock().findAll(postRequestedFor(urlEqualTo(MESSAGES)));
    assertThat(requests).hasSize(1);
    LoggedRequest sent = requests.get(0);
    String credentials = TestServers.TWILIO_ACCOUNT_SID + ":" + TestServers.TWILIO_AUTH_TOKEN;
    assertThat(sent.getHeader("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    Map<String, String> form = form(sent.getBodyAsString());
    assertThat(form)
        .containsEntry("To", "+33612345678")
        .containsEntry("From", TestServers.TWILIO_FROM);
    assertThat(form.get("Body"))
        // how to pay: the debtor's portal link (IBAN, reference, SEPA QR code, online payment)
        // replaces the IBAN, within 2 segments
        .contains(reference, "300,10 €", "Démo Créancier SAS")
        .containsPattern("/portail/[a-z2-7]{26}")
        .doesNotContain("\u00a0");
    assertThat(SmsText.segments(form.get("Body"))).isLessThanOrEqualTo(2);

    assertThat(runtime.getVariable(instance, "communicationStatus")).isEqualTo("SENT");
    CommunicationLog.Entry row = onlyRow(reference);
    assertThat(row.channel()).isEqualTo(Channel.SMS);
    assertThat(row.status()).isEqualTo(CommunicationStatus.SENT);
    assertThat(row.providerId()).isEqualTo("SM00000000000000000000000000000001");
    assertThat(row.recipient()).isEqualTo("+33612345678");
  }

  @Test
  void aTwilioServerErrorFailsTheJobOnceAndTheRetrySendsExactlyOnce() {
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(MESSAGES))
                .inScenario("twilio")
                .whenScenarioStateIs(STARTED)
                .willReturn(
                    aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}"))
                .willSetStateTo("recovered"));
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(MESSAGES))
                .inScenario("twilio")
                .whenScenarioStateIs("recovered")
                .willReturn(created("SM00000000000000000000000000000002")));
    String reference =
        open(api, request("BUSINESS", null, "+33612345678", invoice("F-M3", 12, "99.00")));
    String instance = start(runtime, SMS_PROCESS, reference, 1, "relance-courtoise", "courtois");

    assertThatThrownBy(() -> management.executeJob(job(management, instance).getId()))
        .hasStackTraceContaining("Internal Server Error");
    // one request: the SDK's own immediate retries are off, the job's retry cycle decides
    TestServers.wireMock().verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    assertThat(onlyRow(reference).status()).isEqualTo(CommunicationStatus.FAILED);
    assertThat(onlyRow(reference).error()).contains("Internal Server Error");
    assertThat(job(management, instance).getRetries()).isEqualTo(2);

    management.executeJob(job(management, instance).getId());

    TestServers.wireMock().verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
    CommunicationLog.Entry row = onlyRow(reference);
    assertThat(row.status()).isEqualTo(CommunicationStatus.SENT);
    assertThat(row.providerId()).isEqualTo("SM00000000000000000000000000000002");
    assertThat(row.error()).isNull();

    // the same step once more (a late duplicate job): nothing leaves
    assertThat(
            sms.send(
                new ReminderStep(
                    reference, 1, "relance-courtoise", "courtois", row.idempotencyKey())))
        .isEqualTo(CommunicationStatus.SENT);
    TestServers.wireMock().verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
  }

  /**
   * Fault drill (issue 13): Twilio answers 500, then 429 asking to wait 15 minutes, then takes the
   * message. Each failure fails the step with nothing sent; the attempt after the 429 is not due
   * before the 15 minutes are over (the test process has no retry cycle: without the wait asked it
   * would be due at once); then one message leaves and no incident is left.
   */
  @Test
  void twilioAnswering500Then429WithRetryAfterIsRetriedAfterTheWaitAndDeliversOnce() {
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(MESSAGES))
                .inScenario("twilio-busy")
                .whenScenarioStateIs(STARTED)
                .willReturn(
                    aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}"))
                .willSetStateTo("busy"));
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(MESSAGES))
                .inScenario("twilio-busy")
                .whenScenarioStateIs("busy")
                .willReturn(
                    aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", "900")
                        .withBody(
                            "{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}"))
                .willSetStateTo("open"));
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(MESSAGES))
                .inScenario("twilio-busy")
                .whenScenarioStateIs("open")
                .willReturn(created("SM00000000000000000000000000000429")));
    String reference =
        open(api, request("CONSUMER", null, "+33612345678", invoice("F-M5", 12, "75.00")));
    String instance = start(runtime, SMS_PROCESS, reference, 1, "relance-courtoise", "courtois");
    try {
      assertThatThrownBy(() -> management.executeJob(job(management, instance).getId()))
          .hasStackTraceContaining("Internal Server Error");
      assertThat(onlyRow(reference).status()).isEqualTo(CommunicationStatus.FAILED);
      // no cycle on this step: the retry after a 500 is due at once
      assertThat(management.createJobQuery().processInstanceId(instance).executable().count())
          .isEqualTo(1);

      Date busyAt = ClockUtil.getCurrentTime();
      assertThatThrownBy(() -> management.executeJob(job(management, instance).getId()))
          .hasStackTraceContaining("retry after 900 s");
      TestServers.wireMock().verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
      assertThat(onlyRow(reference).status()).isEqualTo(CommunicationStatus.FAILED);
      Job waiting = job(management, instance);
      assertThat(waiting.getRetries()).isEqualTo(1);
      // not before the 900 s Twilio asked for
      assertThat(waiting.getDuedate()).isAfterOrEqualTo(new Date(busyAt.getTime() + 900_000));
      assertThat(management.createJobQuery().processInstanceId(instance).executable().count())
          .isZero();
      ClockUtil.setCurrentTime(new Date(busyAt.getTime() + 899_000));
      assertThat(management.createJobQuery().processInstanceId(instance).executable().count())
          .isZero();

      ClockUtil.setCurrentTime(new Date(waiting.getDuedate().getTime() + 1_000));
      assertThat(management.createJobQuery().processInstanceId(instance).executable().count())
          .isEqualTo(1);
      management.executeJob(waiting.getId());

      TestServers.wireMock().verify(3, postRequestedFor(urlEqualTo(MESSAGES)));
      CommunicationLog.Entry row = onlyRow(reference);
      assertThat(row.status()).isEqualTo(CommunicationStatus.SENT);
      assertThat(row.providerId()).isEqualTo("SM00000000000000000000000000000429");
      assertThat(runtime.getVariable(instance, "communicationStatus")).isEqualTo("SENT");
      assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
    Instant now = Instant.parse("2026-12-06T08:00:00Z");
    assertThat(
            TwilioHttpClient.retryAfter(new Header[] {new BasicHeader("Retry-After", "120")}, now))
        .contains(Duration.ofSeconds(120));
    // Sun, 06 Dec 2026 08:05:00 GMT is 5 minutes after now
    assertThat(
            TwilioHttpClient.retryAfter(
                new Header[] {new BasicHeader("retry-after", "Sun, 06 Dec 2026 08:05:00 GMT")},
                now))
        .contains(Duration.ofMinutes(5));
    assertThat(
            TwilioHttpClient.retryAfter(new Header[] {new BasicHeader("Retry-After", "soon")}, now))
        .isEmpty();
    assertThat(TwilioHttpClient.retryAfter(new Header[0], now)).isEmpty();
  }

  @Test
  void aDebtorWithoutPhoneFailsTheStepSayingSo() {
    String reference =
        open(api, request("CONSUMER", "jeanne@martin.example", null, invoice("F-M4", 12, "99.00")));
    String instance = start(runtime, SMS_PROCESS, reference, 1, "relance-courtoise", "courtois");

    assertThatThrownBy(() -> management.executeJob(job(management, instance).getId()))
        .hasStackTraceContaining("has no mobile number");
    TestServers.wireMock().verify(0, postRequestedFor(urlEqualTo(MESSAGES)));
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String sid) {
    return aResponse()
        .withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"sid\": \""
                + sid
                + "\", \"status\": \"queued\", \"account_sid\": \""
                + TestServers.TWILIO_ACCOUNT_SID
                + "\"}");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
    }
    return form;
  }

  private CommunicationLog.Entry onlyRow(String reference) {
    List<CommunicationLog.Entry> rows = log.ofCase(reference);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }
}

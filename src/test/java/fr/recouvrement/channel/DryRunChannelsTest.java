package fr.recouvrement.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static fr.recouvrement.channel.ChannelFixtures.invoice;
import static fr.recouvrement.channel.ChannelFixtures.open;
import static fr.recouvrement.channel.ChannelFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.TestServers;
import fr.recouvrement.cases.CaseFixtures;
import fr.recouvrement.cases.CaseService;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Without SMTP or Twilio settings a reminder is rendered and recorded DRY_RUN, and nothing leaves:
 * the services are built by hand with the dry-run senders, on the shared database.
 */
@IntegrationTest
class DryRunChannelsTest {
  @Autowired CaseService cases;
  @LocalServerPort int port;
  ApiClient api;
  @Autowired Templates templates;
  @Autowired CommunicationLog log;
  @Autowired CreditorSettings creditor;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void reset() {
    api = ChannelFixtures.api(port);
    TestServers.reset();
  }

  @Test
  void anEmailWithoutSmtpIsRecordedAsADryRunAndNotDelivered() {
    ReminderEmails emails =
        new ReminderEmails(
            cases, templates, new DryRunEmailSender(), log, creditor, new MailSettings(null));
    String reference =
        open(api, request("CONSUMER", "jeanne@martin.example", null, invoice("F-D1", 10, "45.00")));
    ReminderStep step =
        new ReminderStep(
            reference, 1, "relance-courtoise", "courtois", reference + "/dry/Task_Email/1");

    assertThat(emails.send(step)).isEqualTo(CommunicationStatus.DRY_RUN);
    assertThat(emails.send(step)).isEqualTo(CommunicationStatus.DRY_RUN);

    assertThat(TestServers.greenMail().getReceivedMessages()).isEmpty();
    List<CommunicationLog.Entry> rows = log.ofCase(reference);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).status()).isEqualTo(CommunicationStatus.DRY_RUN);
    assertThat(rows.get(0).recipient()).isEqualTo("jeanne@martin.example");
    assertThat(rows.get(0).contentSha256()).hasSize(64);
    assertThat(rows.get(0).providerId()).isNull();
    assertThat(
            jdbc.queryForObject(
                "select sent_at from communication where id = ?",
                java.sql.Timestamp.class,
                rows.get(0).id()))
        .isNull();
  }

  @Test
  void anSmsWithoutTwilioIsRecordedAsADryRunAndNotSent() {
    ReminderSms sms = new ReminderSms(cases, templates, new DryRunSmsSender(), log, creditor);
    String reference =
        open(api, request("CONSUMER", null, "+33612345678", invoice("F-D2", 10, "45.00")));
    ReminderStep step =
        new ReminderStep(
            reference, 1, "relance-courtoise", "courtois", reference + "/dry/Task_Sms/1");

    assertThat(sms.send(step)).isEqualTo(CommunicationStatus.DRY_RUN);

    TestServers.wireMock().verify(0, anyRequestedFor(anyUrl()));
    CommunicationLog.Entry row = log.ofCase(reference).get(0);
    assertThat(row.status()).isEqualTo(CommunicationStatus.DRY_RUN);
    assertThat(row.channel()).isEqualTo(Channel.SMS);
  }

  @Test
  void aCaseThatOwesNothingSendsNothing() {
    ReminderEmails emails =
        new ReminderEmails(
            cases, templates, new DryRunEmailSender(), log, creditor, new MailSettings(null));
    String reference =
        open(api, request("CONSUMER", "jeanne@martin.example", null, invoice("F-D3", 10, "45.00")));
    assertThat(
            api.postJson(
                    "/api/cases/" + reference + "/payments",
                    CaseFixtures.payment("45.00", ChannelFixtures.today(), "VIR-D3"))
                .status())
        .isEqualTo(201);

    assertThat(
            emails.send(
                new ReminderStep(
                    reference, 1, "relance-courtoise", null, reference + "/paid/Task_Email/1")))
        .isEqualTo(CommunicationStatus.NOTHING_DUE);
    assertThat(log.ofCase(reference)).isEmpty();
  }
}

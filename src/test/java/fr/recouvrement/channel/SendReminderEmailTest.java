package fr.recouvrement.channel;

import static fr.recouvrement.channel.ChannelFixtures.EMAIL_PROCESS;
import static fr.recouvrement.channel.ChannelFixtures.invoice;
import static fr.recouvrement.channel.ChannelFixtures.job;
import static fr.recouvrement.channel.ChannelFixtures.open;
import static fr.recouvrement.channel.ChannelFixtures.request;
import static fr.recouvrement.channel.ChannelFixtures.start;
import static fr.recouvrement.channel.ChannelTestData.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.IntegrationTest;
import fr.recouvrement.TestServers;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.kernel.format.Formats;
import fr.recouvrement.kernel.time.CaseClock;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * "sendReminderEmail" run as a job of a real engine, delivering to a local SMTP server (GreenMail).
 */
@IntegrationTest
class SendReminderEmailTest extends ChannelStepTest {
  @Autowired CaseService cases;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReminderEmails emails;
  @Autowired Templates templates;
  @Autowired CommunicationLog log;
  @Autowired CreditorSettings creditor;
  @Autowired ReminderSms sms;

  @BeforeEach
  void disarm() {
    CrashAfterStep.ARMED.set(false);
  }

  @Test
  void oneEmailListsEveryOverdueInvoiceTheBalanceTheIbanAndTheReference() throws Exception {
    String reference =
        open(
            api,
            request(
                "BUSINESS",
                "compta@martin.example",
                "+33612345678",
                invoice("F-E1", 20, "1850.00"),
                invoice("F-E2", 5, "320.50"),
                invoice("F-E3", -10, "99.00")));
    String instance = start(runtime, EMAIL_PROCESS, reference, 1, "relance-courtoise", "courtois");

    management.executeJob(job(management, instance).getId());

    MimeMessage[] received = TestServers.greenMail().getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("compta@martin.example");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("recouvrement@demo-creancier.example");
    assertThat(mail.getSubject()).isEqualTo("Rappel de paiement – dossier " + reference);
    assertThat(mail.getContentType()).startsWith("multipart/alternative");
    Multipart parts = (Multipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    // the money rules owe a B2B debtor late penalties and 40 EUR per late invoice: all of it is
    // listed
    CaseView view = cases.get(reference);
    List<CaseView.Invoice> late =
        view.invoices().stream()
            .filter(i -> i.dueDate().isBefore(ChannelFixtures.today()))
            .toList();
    assertThat(late)
        .hasSize(2)
        .allSatisfy(i -> assertThat(i.recoveryIndemnity()).isEqualByComparingTo("40.00"));
    assertThat(late.get(0).latePenalty()).isPositive();
    BigDecimal total =
        late.stream()
            .map(i -> i.outstanding().add(i.latePenalty()).add(i.recoveryIndemnity()))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    Formats fmt = Formats.INSTANCE;
    for (int i = 0; i < 2; i++) {
      String body = ChannelTestData.plain((String) parts.getBodyPart(i).getContent());
      assertThat(body)
          .contains("F-E1", "1 850,00 €", "F-E2", "320,50 €", "F-E3")
          .contains(
              plain(fmt.amount(late.get(0).latePenalty())),
              plain(fmt.amount(late.get(1).latePenalty())),
              "40,00 €")
          .contains(plain(fmt.amount(total)))
          .contains("FR76 3000 6000 0112 3456 7890 189", "Démo Créancier SAS", reference)
          .contains("D441-5");
      assertThat(body.toLowerCase()).contains("pénalités de retard", "indemnité forfaitaire");
    }
    assertThat(runtime.getVariable(instance, "communicationStatus")).isEqualTo("SENT");
    CommunicationLog.Entry row = onlyRow(reference);
    assertThat(row.status()).isEqualTo(CommunicationStatus.SENT);
    assertThat(row.channel()).isEqualTo(Channel.EMAIL);
    assertThat(row.recipient()).isEqualTo("compta@martin.example");
    assertThat(row.template()).isEqualTo("relance-courtoise");
    assertThat(row.providerId()).isEqualTo(mail.getMessageID());
    assertThat(row.contentSha256()).hasSize(64);
    assertThat(row.idempotencyKey()).isEqualTo(reference + "/" + instance + "/Task_Step/1");
    assertThat(
            jdbc.queryForObject(
                "select sent_at from communication where id = ?",
                java.sql.Timestamp.class,
                row.id()))
        .isNotNull();
  }

  @Test
  void aConsumersEmailShowsNeitherPenaltiesNorTheFortyEuros() throws Exception {
    String reference =
        open(
            api,
            request(
                "CONSUMER",
                "jeanne@martin.example",
                null,
                invoice("F-C1", 20, "120.00"),
                invoice("F-C2", 9, "35.90")));
    String instance = start(runtime, EMAIL_PROCESS, reference, 2, "relance-ferme", "ferme");

    management.executeJob(job(management, instance).getId());

    MimeMessage mail = TestServers.greenMail().getReceivedMessages()[0];
    Multipart parts = (Multipart) mail.getContent();
    for (int i = 0; i < 2; i++) {
      String body = ChannelTestData.plain((String) parts.getBodyPart(i).getContent());
      assertThat(body).contains("F-C1", "120,00 €", "F-C2", "35,90 €", "155,90 €", reference);
      assertThat(body.toLowerCase())
          .doesNotContain("pénalit", "indemnit", "40,00", "40 €", "l441", "d441");
    }
  }

  @Test
  void aConsumersReminderAfterTheFormalNoticeShowsTheCaseTotalWithItsLegalInterest()
      throws Exception {
    ClockUtil.setCurrentTime(
        Date.from(LocalDate.parse("2026-03-02").atTime(12, 0).atZone(CaseClock.PARIS).toInstant()));
    try {
      // 1,000.00 due 15/01/2026 (46 days before 02/03), claimed by a formal notice sent on
      // 02/03/2026
      String reference =
          open(
              api,
              request("CONSUMER", "jeanne@martin.example", null, invoice("F-LI1", 46, "1000.00")));
      cases.startLegalInterest(reference, LocalDate.parse("2026-03-02"));
      ClockUtil.setCurrentTime(
          Date.from(
              LocalDate.parse("2026-05-14").atTime(12, 0).atZone(CaseClock.PARIS).toInstant()));
      String instance = start(runtime, EMAIL_PROCESS, reference, 4, "relance-ferme", "ferme");

      management.executeJob(job(management, instance).getId());

      // 73 days at the 2026-H1 legal rate "autres cas", 2.62 %: 1000 × 2.62 % × 73 / 365 = 5.24
      CaseView view = cases.get(reference);
      assertThat(view.legalInterest()).isEqualByComparingTo("5.24");
      assertThat(view.balance()).isEqualByComparingTo("1005.24");
      // the cadence decides on the same figure the reminder shows
      assertThat(cases.undisputedBalance(reference)).isEqualByComparingTo("1005.24");
      Multipart parts = (Multipart) TestServers.greenMail().getReceivedMessages()[0].getContent();
      for (int i = 0; i < 2; i++) {
        // the HTML part without its tags reads as the text part
        String body =
            ChannelTestData.plain((String) parts.getBodyPart(i).getContent())
                .replaceAll("<[^>]+>", "");
        assertThat(body)
            .contains("Intérêts au taux légal depuis la mise en demeure du 02/03/2026")
            .contains("5,24 €", "1 005,24 €");
        assertThat(body.toLowerCase()).doesNotContain("pénalit", "indemnit");
      }
      // the SMS and the letter of the same step say the same total
      ReminderModel model =
          ReminderModel.of(
              view, ChannelTestData.step("relance-ferme", "ferme"), creditor, CaseClock.today());
      assertThat(model.amountDue()).isEqualByComparingTo(view.balance());
      assertThat(plain(sms.compose(model))).contains("1 005,24 €");
      assertThat(plain(templates.render("letter/relance-ferme.xhtml", model.variables())))
          .contains("1 005,24 €", "5,24 €");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void theSameStepRunTwiceDeliversOneEmailAndLeavesOneRow() throws Exception {
    String reference =
        open(
            api, request("BUSINESS", "compta@martin.example", null, invoice("F-X1", 15, "500.00")));
    String instance = start(runtime, EMAIL_PROCESS, reference, 3, "relance-ferme", "ferme");
    Job job = job(management, instance);
    CrashAfterStep.ARMED.set(true);

    // the email goes out, then the job's transaction fails: the engine will run the step again
    assertThatThrownBy(() -> management.executeJob(job.getId()))
        .hasStackTraceContaining("simulated crash");
    assertThat(TestServers.greenMail().getReceivedMessages()).hasSize(1);
    assertThat(job(management, instance).getRetries()).isEqualTo(2);

    management.executeJob(job.getId());

    assertThat(TestServers.greenMail().getReceivedMessages()).hasSize(1);
    assertThat(onlyRow(reference).status()).isEqualTo(CommunicationStatus.SENT);
    assertThat(runtime.getVariable(instance, "communicationStatus")).isEqualTo("SENT");
    assertThat(job(management, instance)).isNull();
  }

  @Test
  void anSmtpServerDownFailsTheStepAndRecordsTheFailureThenTheRetrySendsOnce() throws Exception {
    String reference =
        open(api, request("BUSINESS", "compta@martin.example", null, invoice("F-S1", 15, "80.00")));
    ReminderStep step =
        new ReminderStep(
            reference, 1, "relance-courtoise", "courtois", reference + "/smtp-down/Task_Step/1");
    JavaMailSenderImpl down = new JavaMailSenderImpl();
    down.setHost("127.0.0.1");
    down.setPort(closedPort());
    ReminderEmails whileDown =
        new ReminderEmails(
            cases, templates, new SmtpEmailSender(down), log, creditor, new MailSettings(null));

    assertThatThrownBy(() -> whileDown.send(step)).isInstanceOf(MailException.class);
    CommunicationLog.Entry failed = onlyRow(reference);
    assertThat(failed.status()).isEqualTo(CommunicationStatus.FAILED);
    assertThat(failed.error()).contains("MailSend");

    assertThat(emails.send(step)).isEqualTo(CommunicationStatus.SENT);
    assertThat(emails.send(step)).isEqualTo(CommunicationStatus.SENT);

    assertThat(TestServers.greenMail().getReceivedMessages()).hasSize(1);
    CommunicationLog.Entry sent = onlyRow(reference);
    assertThat(sent.status()).isEqualTo(CommunicationStatus.SENT);
    assertThat(sent.error()).isNull();
  }

  static int closedPort() throws java.io.IOException {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aDebtorWithoutEmailFailsTheStepSayingSo() {
    String reference =
        open(api, request("CONSUMER", null, "+33612345678", invoice("F-N1", 15, "80.00")));
    String instance = start(runtime, EMAIL_PROCESS, reference, 1, "relance-courtoise", "courtois");

    assertThatThrownBy(() -> management.executeJob(job(management, instance).getId()))
        .hasStackTraceContaining("has no email address");
    assertThat(TestServers.greenMail().getReceivedMessages()).isEmpty();
    assertThat(rows(reference)).isEmpty();
  }

  private List<CommunicationLog.Entry> rows(String reference) {
    return jdbc.query(
        "select id, idempotency_key, channel, recipient, template, content_sha256, status, provider_id, error from communication"
            + " where case_id = (select id from collection_case where reference = ?)",
        (rs, n) ->
            new CommunicationLog.Entry(
                rs.getLong(1),
                rs.getString(2),
                Channel.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                CommunicationStatus.valueOf(rs.getString(7)),
                rs.getString(8),
                rs.getString(9)),
        reference);
  }

  private CommunicationLog.Entry onlyRow(String reference) {
    List<CommunicationLog.Entry> rows = rows(reference);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }
}

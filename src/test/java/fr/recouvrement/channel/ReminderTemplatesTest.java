package fr.recouvrement.channel;

import static fr.recouvrement.channel.ChannelTestData.CREDITOR;
import static fr.recouvrement.channel.ChannelTestData.TODAY;
import static fr.recouvrement.channel.ChannelTestData.invoice;
import static fr.recouvrement.channel.ChannelTestData.plain;
import static fr.recouvrement.channel.ChannelTestData.step;
import static fr.recouvrement.channel.ChannelTestData.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.cases.CaseView;
import fr.recouvrement.cases.DebtorType;
import fr.recouvrement.channel.EmailSender.EmailMessage;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The French templates, rendered without the application: what the debtor reads. */
class ReminderTemplatesTest {
  static final List<String> TONES = List.of("relance-courtoise", "relance-ferme", "dernier-avis");

  final Templates templates = new Templates();
  final ReminderEmails emails =
      new ReminderEmails(null, templates, null, null, CREDITOR, new MailSettings(null));
  final ReminderSms sms = new ReminderSms(null, templates, null, null, CREDITOR);

  final CaseView business =
      view(
          DebtorType.BUSINESS,
          invoice("F-2026-0117", TODAY.minusDays(26), "1850.00", "0", "25.47", "40.00"),
          invoice("F-2026-0131", TODAY.minusDays(12), "600.00", "100.00", "3.15", "40.00"),
          invoice("F-2026-0090", TODAY.minusDays(60), "300.00", "300.00", "0", "0"),
          invoice("F-2026-0150", TODAY.plusDays(10), "75.00", "0", "0", "0"));
  final CaseView consumer =
      view(
          DebtorType.CONSUMER,
          invoice("F-2026-0117", TODAY.minusDays(26), "1850.00", "0", "0", "0"),
          invoice("F-2026-0131", TODAY.minusDays(12), "600.00", "100.00", "0", "0"));

  @ParameterizedTest
  @ValueSource(strings = {"relance-courtoise", "relance-ferme", "dernier-avis"})
  void aBusinessEmailListsEveryOverdueInvoiceWithPenaltiesTheIndemnityAndHowToPay(String template) {
    EmailMessage mail =
        emails.compose(
            ReminderModel.of(business, step(template, null), CREDITOR, TODAY),
            "compta@martin.example");

    for (String body : List.of(plain(mail.text()), plain(mail.html()))) {
      assertThat(body)
          .contains("F-2026-0117", "04/02/2026", "1 850,00 €", "25,47 €")
          .contains("F-2026-0131", "500,00 €", "3,15 €")
          .contains("40,00 €", "D441-5", "L441-10")
          // 1850 + 25.47 + 40 + 500 + 3.15 + 40
          .contains("2 458,62 €")
          .contains("FR76 3000 6000 0112 3456 7890 189", "Démo Créancier SAS", "DOS-2026-000123")
          .doesNotContain("F-2026-0090");
      assertThat(body.toLowerCase()).contains("indemnité forfaitaire", "pénalités de retard");
    }
    assertThat(mail.subject()).contains("DOS-2026-000123");
    assertThat(plain(mail.text())).contains("F-2026-0150"); // not yet due: mentioned, not claimed
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "relance-courtoise",
        "relance-ferme",
        "dernier-avis",
        "relance-preventive",
        "proposition-echeancier"
      })
  void aConsumerEmailNeverMentionsPenaltiesNorTheFortyEuros(String template) {
    // even if a bug upstream put penalties on a consumer's invoice, the email must not show them
    CaseView wrong =
        view(
            DebtorType.CONSUMER,
            invoice("F-2026-0117", TODAY.minusDays(26), "1850.00", "0", "25.47", "40.00"),
            invoice("F-2026-0131", TODAY.minusDays(12), "600.00", "100.00", "3.15", "40.00"));
    for (CaseView c : List.of(consumer, wrong)) {
      EmailMessage mail =
          emails.compose(
              ReminderModel.of(c, step(template, null), CREDITOR, TODAY), "jeanne@martin.example");
      for (String body : List.of(plain(mail.text()), plain(mail.html()))) {
        assertThat(body)
            .contains("F-2026-0117", "1 850,00 €", "F-2026-0131", "500,00 €", "2 350,00 €");
      }
      for (String body : List.of(plain(mail.text()), plain(mail.html()), mail.subject())) {
        assertThat(body)
            .doesNotContainIgnoringCase("pénalit")
            .doesNotContainIgnoringCase("indemnit")
            .doesNotContain("40,00", "40 €", "L441", "D441", "25,47", "3,15");
      }
    }
  }

  @Test
  void eachToneHasItsOwnFrenchSubjectWithTheReference() {
    List<String> subjects =
        TONES.stream()
            .map(
                t ->
                    emails
                        .compose(
                            ReminderModel.of(consumer, step(t, null), CREDITOR, TODAY),
                            "x@y.example")
                        .subject())
            .toList();
    assertThat(subjects)
        .doesNotHaveDuplicates()
        .allSatisfy(s -> assertThat(s).contains("dossier DOS-2026-000123"));
    assertThat(subjects.get(2)).startsWith("Dernier avis avant mise en demeure");
  }

  @Test
  void anUnknownTemplateFailsNamingIt() {
    ReminderModel model =
        ReminderModel.of(consumer, step("relance-inconnue", null), CREDITOR, TODAY);
    assertThatThrownBy(() -> emails.compose(model, "x@y.example"))
        .hasMessageContaining("email/relance-inconnue.html");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "relance-courtoise",
        "relance-ferme",
        "dernier-avis",
        "relance-preventive",
        "relance-sms",
        "relance-sms-ferme"
      })
  void anSmsFitsInTwoSegmentsWithTheReferenceTheAmountAndTheIban(String template) {
    String text = sms.compose(ReminderModel.of(business, step(template, null), CREDITOR, TODAY));

    assertThat(text)
        .contains("DOS-2026-000123", "FR76 3000 6000 0112 3456 7890 189")
        .doesNotContain("\u00a0", "\n");
    assertThat(text).contains(template.equals("relance-preventive") ? "2 533,62 €" : "2 458,62 €");
    assertThat(SmsText.segments(text)).as(text).isLessThanOrEqualTo(2);
  }

  @Test
  void smsSegmentsCountGsmAndUnicodeTexts() {
    assertThat(SmsText.segments("a".repeat(160))).isEqualTo(1);
    assertThat(SmsText.segments("a".repeat(161))).isEqualTo(2);
    assertThat(SmsText.segments("€".repeat(80))).isEqualTo(1);
    assertThat(SmsText.segments("a".repeat(306))).isEqualTo(2);
    assertThat(SmsText.segments("ê" + "a".repeat(69))).isEqualTo(1);
    assertThat(SmsText.segments("ê" + "a".repeat(70))).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"relance-courtoise", "relance-ferme", "dernier-avis"})
  void aLetterIsAPdfOnTheCreditorsDetailsWithTheInvoicesAndAmounts(String template)
      throws IOException {
    String xhtml =
        templates.render(
            "letter/" + template + ".xhtml",
            ReminderModel.of(business, step(template, null), CREDITOR, TODAY).variables());
    byte[] pdf = new PdfRenderer().pdf(xhtml);

    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    String text = plain(pdfText(pdf));
    assertThat(text)
        .contains("Démo Créancier SAS", "10 rue de la Paix, 75002 Paris", "552100554")
        .contains("Boulangerie Martin SARL", "3 rue des Lilas", "69003 Lyon")
        .contains("F-2026-0117", "1 850,00 €", "25,47 €", "40,00 €", "2 458,62 €")
        .contains("FR76 3000 6000 0112 3456 7890 189", "DOS-2026-000123", "2 mars 2026");
  }

  @Test
  void aConsumerLetterShowsNeitherPenaltiesNorTheIndemnity() throws IOException {
    String xhtml =
        templates.render(
            "letter/dernier-avis.xhtml",
            ReminderModel.of(consumer, step("dernier-avis", null), CREDITOR, TODAY).variables());
    String text = plain(pdfText(new PdfRenderer().pdf(xhtml)));
    assertThat(text)
        .contains("F-2026-0131", "2 350,00 €")
        .doesNotContainIgnoringCase("pénalit")
        .doesNotContainIgnoringCase("indemnit");
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}

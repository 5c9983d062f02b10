package fr.recouvrement.channel;

import static fr.recouvrement.channel.ChannelTestData.CREDITOR;
import static fr.recouvrement.channel.ChannelTestData.TODAY;
import static fr.recouvrement.channel.ChannelTestData.invoice;
import static fr.recouvrement.channel.ChannelTestData.view;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import fr.recouvrement.cases.DebtorType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The debtor portal's link in every kind of message: SMS within two segments, emails, and letters
 * with a QR code that scans back to it.
 */
class PortalLinkTemplatesTest {
  /** A long but realistic address: a creditor's own payment domain and a 26-character token. */
  static final DebtorPageLinks.Link LINK =
      fr.recouvrement.portal.PortalLinks.printable(
          "https://paiement.demo-creancier.example/portail/" + "k7q2m4xz3p5r6t7v2w3y4a5b6c");

  final Templates templates = new Templates();
  final ReminderSms sms = new ReminderSms(null, templates, null, null, CREDITOR);
  final ReminderEmails emails =
      new ReminderEmails(null, templates, null, null, CREDITOR, new MailSettings(null));

  ReminderModel model(DebtorType type, String template) {
    return ReminderModel.of(
        view(type, invoice("F-2026-0117", TODAY.minusDays(20), "12850.00", "0", "125.37", "40.00")),
        new ReminderStep("DOS-2026-000123", 1, template, "courtois", "k"),
        CREDITOR,
        TODAY);
  }

  @Test
  void everySmsWithAPortalLinkCarriesItWithinTwoSegments() {
    for (String template :
        List.of(
            "relance-preventive",
            "relance-courtoise",
            "relance-ferme",
            "relance-sms",
            "relance-sms-ferme",
            "dernier-avis")) {
      for (DebtorType type : DebtorType.values()) {
        String text = sms.compose(model(type, template), LINK);
        assertThat(text).as(template + " " + type).contains(LINK.url(), "DOS-2026-000123");
        assertThat(SmsText.segments(text))
            .as(template + " " + type + ": " + text)
            .isLessThanOrEqualTo(2);
      }
    }
  }

  @Test
  void anEmailGivesTheLinkInItsHtmlAndItsText() {
    ReminderModel m = model(DebtorType.BUSINESS, "relance-courtoise");
    Map<String, Object> variables = new HashMap<>(m.variables());
    variables.put("portal", LINK);
    EmailSender.EmailMessage message =
        emails.compose("relance-courtoise", variables, "x@y.example");
    assertThat(message.html()).contains("href=\"" + LINK.url() + "\"", "Votre espace personnel");
    assertThat(message.text()).contains(LINK.url(), "ne le transférez pas");
    // and still the transfer details, for whoever prefers them
    assertThat(message.text()).contains("FR76 3000 6000 0112 3456 7890 189");
  }

  @Test
  void aLetterPrintsTheShortAddressAndAQrCodeThatScansBackToIt() throws Exception {
    Map<String, Object> variables =
        new HashMap<>(model(DebtorType.CONSUMER, "relance-ferme").variables());
    variables.put("portal", LINK);
    byte[] pdf = new PdfRenderer().pdf(templates.render("letter/relance-ferme.xhtml", variables));
    assertThat(ReminderTemplatesTest.pdfText(pdf).replaceAll("\\s+", "")).contains(LINK.url());
    int images = 0;
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
        for (org.apache.pdfbox.cos.COSName name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name)
              instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
            images++;
          }
        }
      }
    }
    assertThat(images).as("the QR code drawn on the letter").isEqualTo(1);

    String qr = LINK.qr();
    BufferedImage image =
        ImageIO.read(
            new ByteArrayInputStream(
                Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1))));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    String decoded =
        new QRCodeReader()
            .decode(
                new BinaryBitmap(
                    new HybridBinarizer(
                        new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
            .getText();
    assertThat(decoded).isEqualTo(LINK.url());
  }
}

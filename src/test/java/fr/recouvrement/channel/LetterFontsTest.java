package fr.recouvrement.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

/** Letters print every Latin and Central-European name as it is written (security review L3). */
class LetterFontsTest {
  static final String NAMES =
      "Łukasz Żółkiewski, Antonín Dvořák, Søren Ødegård, Ştefan Ţiriac, Zoë Grüßner, Œdipe Cœur";

  @Test
  void aNameOutsideLatin1PrintsAsWrittenInAnEmbeddedFont() throws IOException {
    String xhtml =
        """
        <html><head><style>body { font-family: 'Liberation Sans', sans-serif; }</style></head>
        <body><p>%s</p><p><b>%s</b></p></body></html>"""
            .formatted(NAMES, NAMES);

    byte[] pdf = new PdfRenderer().pdf(xhtml);

    String text = ReminderTemplatesTest.pdfText(pdf);
    assertThat(text)
        .contains(
            "Łukasz Żółkiewski",
            "Antonín Dvořák",
            "Søren Ødegård",
            "Ştefan Ţiriac",
            "Zoë Grüßner",
            "Œdipe Cœur");
    assertThat(text).doesNotContain("#");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (var name : document.getPage(0).getResources().getFontNames()) {
        PDFont font = document.getPage(0).getResources().getFont(name);
        assertThat(font.getName()).contains("LiberationSans");
        assertThat(font.isEmbedded()).isTrue();
      }
    }
  }
}

package fr.recouvrement.channel;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * XHTML to PDF (openhtmltopdf). Letters are set in Liberation Sans, embedded (subset) in each PDF:
 * the PDF's built-in fonts stop at Latin-1 and printed {@code Łukasz} as {@code #ukasz}. The font
 * files come from a Maven artifact (openpdf-fonts-extra, SIL Open Font License), not from the
 * machine, so a letter looks the same wherever it is rendered.
 */
@Component
class PdfRenderer {
  /** The family the letter templates ask for first (templates/letter/parts.xhtml). */
  static final String FAMILY = "Liberation Sans";

  private static final String FONTS = "/liberation/";

  byte[] pdf(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withProducer("Recouvrement");
      font(builder, "LiberationSans-Regular.ttf", 400, FontStyle.NORMAL);
      font(builder, "LiberationSans-Bold.ttf", 700, FontStyle.NORMAL);
      font(builder, "LiberationSans-Italic.ttf", 400, FontStyle.ITALIC);
      font(builder, "LiberationSans-BoldItalic.ttf", 700, FontStyle.ITALIC);
      builder.withHtmlContent(
          xhtml, PdfRenderer.class.getResource("/templates/letter/").toExternalForm());
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the letter as PDF", e);
    }
    return out.toByteArray();
  }

  private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
    if (PdfRenderer.class.getResource(FONTS + file) == null) {
      throw new IllegalStateException(
          "Font " + FONTS + file + " is missing from the classpath (openpdf-fonts-extra)");
    }
    FSSupplier<InputStream> bytes = () -> open(file);
    builder.useFont(bytes, FAMILY, weight, style, true);
  }

  private static InputStream open(String file) {
    return PdfRenderer.class.getResourceAsStream(FONTS + file);
  }
}

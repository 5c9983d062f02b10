package fr.recouvrement.channel;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/** XHTML to PDF (openhtmltopdf), with the PDF's built-in fonts: Latin-1 and € print as they are. */
@Component
class PdfRenderer {
  byte[] pdf(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withProducer("Recouvrement");
      builder.withHtmlContent(xhtml, PdfRenderer.class.getResource("/templates/letter/").toExternalForm());
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the letter as PDF", e);
    }
    return out.toByteArray();
  }
}

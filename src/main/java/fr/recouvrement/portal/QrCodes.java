package fr.recouvrement.portal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** QR codes as PNG images (zxing core draws the matrix, the JDK writes the PNG). */
public final class QrCodes {
  private QrCodes() {}

  /** A black-on-white PNG of {@code payload}, {@code pixels} wide, with the standard quiet zone. */
  public static byte[] png(String payload, ErrorCorrectionLevel level, int pixels) {
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  payload,
                  BarcodeFormat.QR_CODE,
                  pixels,
                  pixels,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      level,
                      EncodeHintType.CHARACTER_SET,
                      StandardCharsets.UTF_8.name(),
                      EncodeHintType.MARGIN,
                      4));
    } catch (WriterException e) {
      throw new IllegalArgumentException(
          "Cannot encode a QR code of " + payload.length() + " characters", e);
    }
    BufferedImage image =
        new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The same as a {@code data:} URI, for an {@code <img>} of a page or of a PDF letter. */
  public static String dataUri(String payload, ErrorCorrectionLevel level, int pixels) {
    return "data:image/png;base64,"
        + Base64.getEncoder().encodeToString(png(payload, level, pixels));
  }

  /**
   * The EPC « SEPA » credit-transfer QR payload (European Payments Council, EPC069-12, version 002,
   * UTF-8): the beneficiary's name and IBAN, the amount in euros and the reference to quote as the
   * unstructured remittance information. Banking apps fill a transfer from it. The BIC is optional
   * inside the EEA in version 002 and left empty. Null amount or one outside 0.01–999 999 999.99:
   * no amount line, the debtor types it.
   */
  public static String epcPayload(
      String beneficiary, String iban, BigDecimal amount, String remittance) {
    String name = clip(beneficiary == null ? "" : beneficiary.strip(), 70);
    String account = iban == null ? "" : iban.replaceAll("\\s", "").toUpperCase();
    String euros = "";
    if (amount != null
        && amount.compareTo(new BigDecimal("0.01")) >= 0
        && amount.compareTo(new BigDecimal("999999999.99")) <= 0) {
      euros = "EUR" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
    return String.join(
        "\n",
        "BCD",
        "002",
        "1",
        "SCT",
        "",
        name,
        account,
        euros,
        "",
        "",
        clip(remittance == null ? "" : remittance, 140));
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}

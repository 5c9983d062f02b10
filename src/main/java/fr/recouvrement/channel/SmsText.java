package fr.recouvrement.channel;

/**
 * How many SMS segments a text costs. GSM 03.38 text: 160 characters in one segment, 153 per
 * segment beyond (the extension characters such as € count twice); any other character (ê, ç, œ,
 * ’...) switches the whole message to UCS-2: 70, then 67 per segment.
 */
final class SmsText {
  static final int MAX_SEGMENTS = 2;
  private static final String GSM_BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿"
          + "abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

  private SmsText() {}

  /** Spaces of any kind become plain spaces, which GSM has; the text is trimmed. */
  static String normalize(String text) {
    return text.replace('\u00a0', ' ')
        .replace('\u202f', ' ')
        .replaceAll("[ \\t]*\\R[ \\t]*", " ")
        .replaceAll(" {2,}", " ")
        .trim();
  }

  static int segments(String text) {
    int septets = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (GSM_BASIC.indexOf(c) >= 0) {
        septets += 1;
      } else if (GSM_EXTENSION.indexOf(c) >= 0) {
        septets += 2;
      } else {
        return ucs2Segments(text);
      }
    }
    return septets <= 160 ? 1 : (septets + 152) / 153;
  }

  private static int ucs2Segments(String text) {
    int units = text.length();
    return units <= 70 ? 1 : (units + 66) / 67;
  }
}

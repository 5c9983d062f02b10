package fr.recouvrement.kernel.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * French formats for templates ({@code ${fmt.amount(x)}}): "1 850,00 €" with a no-break space
 * (U+00A0, which every mail client and PDF font knows, unlike the U+202F of Java's French locale),
 * "04/02/2026", "4 février 2026".
 */
public final class Formats {
  public static final Formats INSTANCE = new Formats();
  private static final char NBSP = '\u00a0';
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

  private Formats() {}

  public String amount(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.FRANCE);
    symbols.setGroupingSeparator(NBSP);
    symbols.setDecimalSeparator(',');
    DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
    return format.format(amount.setScale(2, RoundingMode.HALF_UP)) + NBSP + "€";
  }

  public String date(LocalDate date) {
    return date == null ? "" : SHORT.format(date);
  }

  public String longDate(LocalDate date) {
    return date == null ? "" : LONG.format(date);
  }

  /** "1 jour", "12 jours". */
  public String days(long days) {
    return days + (days > 1 ? " jours" : " jour");
  }
}

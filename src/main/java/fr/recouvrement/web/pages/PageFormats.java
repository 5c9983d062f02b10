package fr.recouvrement.web.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write numbers and dates, in French ({@code ${fmt.amount(x)}} in the templates): "1
 * 850,00 €", "45,2 %", "04/02/2026", "04/02/2026 14:05". Groups are separated by a no-break space
 * (U+00A0, as in the letters), so an amount never wraps in a table cell. Null shows as "—".
 */
public final class PageFormats {
  public static final PageFormats FRENCH = new PageFormats();
  static final String NONE = "—";
  private static final char NBSP = '\u00a0';
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.FRANCE);

  private PageFormats() {}

  public String amount(BigDecimal amount) {
    return amount == null ? NONE : decimal(amount, 2) + NBSP + "€";
  }

  /** A rate between 0 and 1 as a percentage with one decimal: 0.4523 → "45,2 %". */
  public String percent(Double rate) {
    return rate == null
        ? NONE
        : decimal(BigDecimal.valueOf(rate).movePointRight(2), 1) + NBSP + "%";
  }

  /** A ratio as it is, two decimals: a cost per euro of 0.0834 → "0,08". */
  public String ratio(Double ratio) {
    return ratio == null ? NONE : decimal(BigDecimal.valueOf(ratio), 2);
  }

  /** What is spent for each euro: 0.0834 → "0,08 €". */
  public String perEuro(Double ratio) {
    return ratio == null ? NONE : ratio(ratio) + NBSP + "€";
  }

  /** Days with one decimal: 23.25 → "23,3 jours". */
  public String days(Double days) {
    return days == null ? NONE : decimal(BigDecimal.valueOf(days), 1) + NBSP + "jours";
  }

  public String date(LocalDate date) {
    return date == null ? NONE : DATE.format(date);
  }

  public String date(Instant at) {
    return at == null ? NONE : DATE.format(at.atZone(PARIS));
  }

  public String dateTime(Instant at) {
    return at == null ? NONE : DATE_TIME.format(at.atZone(PARIS));
  }

  /**
   * A recorded detail as people read it: an instant (or its ISO text) in Paris time, a date (or its
   * ISO text) French, a decimal with a comma, true/false as oui/non, a map as « key : value » pairs
   * and a list item by item, each formatted the same way; anything else as it is.
   */
  public String detail(Object value) {
    if (value == null) {
      return NONE;
    }
    if (value instanceof Instant at) {
      return dateTime(at);
    }
    if (value instanceof java.util.Date d) {
      return dateTime(d.toInstant());
    }
    if (value instanceof LocalDate d) {
      return date(d);
    }
    if (value instanceof Boolean b) {
      return b ? "oui" : "non";
    }
    if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
      return new BigDecimal(value.toString()).toPlainString().replace('.', ',');
    }
    if (value instanceof java.util.Map<?, ?> map) {
      StringBuilder text = new StringBuilder();
      map.forEach(
          (k, v) ->
              text.append(text.isEmpty() ? "" : " ; ").append(k).append(" : ").append(detail(v)));
      return text.toString();
    }
    if (value instanceof java.util.Collection<?> list) {
      return String.join(", ", list.stream().map(this::detail).toList());
    }
    String s = value.toString();
    try {
      if (ISO_INSTANT.matcher(s).matches()) {
        return dateTime(java.time.OffsetDateTime.parse(s).toInstant());
      }
      if (ISO_DATE.matcher(s).matches()) {
        return date(LocalDate.parse(s));
      }
    } catch (java.time.format.DateTimeParseException notADate) {
      return s;
    }
    return s;
  }

  private static final java.util.regex.Pattern ISO_DATE =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private static final java.util.regex.Pattern ISO_INSTANT =
      java.util.regex.Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");

  public String iso(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  static String decimal(BigDecimal value, int decimals) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.FRANCE);
    symbols.setGroupingSeparator(NBSP);
    symbols.setDecimalSeparator(',');
    symbols.setMinusSign('-');
    DecimalFormat format =
        new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
    return format.format(value.setScale(decimals, RoundingMode.HALF_UP));
  }
}

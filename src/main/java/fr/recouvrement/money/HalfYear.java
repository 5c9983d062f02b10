package fr.recouvrement.money;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar half-year, the period for which the ECB reference rate and the legal interest rates
 * are fixed: H1 is 1 January – 30 June, H2 is 1 July – 31 December. Written "2026-H1", as the rate
 * table's rows are.
 */
public record HalfYear(int year, int half) implements Comparable<HalfYear> {
  private static final Pattern TEXT = Pattern.compile("(\\d{4})-H([12])");

  public HalfYear {
    if (half != 1 && half != 2) {
      throw new IllegalArgumentException("half must be 1 or 2, was " + half);
    }
  }

  public static HalfYear of(LocalDate date) {
    return new HalfYear(date.getYear(), date.getMonthValue() <= 6 ? 1 : 2);
  }

  public static HalfYear parse(String text) {
    Matcher m = TEXT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a half-year like 2026-H1: " + text);
    }
    return new HalfYear(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  public LocalDate firstDay() {
    return LocalDate.of(year, half == 1 ? Month.JANUARY : Month.JULY, 1);
  }

  public LocalDate lastDay() {
    return half == 1 ? LocalDate.of(year, Month.JUNE, 30) : LocalDate.of(year, Month.DECEMBER, 31);
  }

  public HalfYear previous() {
    return half == 2 ? new HalfYear(year, 1) : new HalfYear(year - 1, 2);
  }

  public HalfYear next() {
    return half == 1 ? new HalfYear(year, 2) : new HalfYear(year + 1, 1);
  }

  @Override
  public int compareTo(HalfYear other) {
    return Integer.compare(year * 2 + half, other.year * 2 + other.half);
  }

  @Override
  public String toString() {
    return year + "-H" + half;
  }
}

package fr.recouvrement.kernel.time;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one French calendar of the application: public holidays per territory, and working days (CPC
 * 642: a deadline ending on a Saturday, a Sunday or a public holiday runs to the next working day).
 * The national days and Alsace-Moselle's come from jollyday's France calendar (with its département
 * subdivisions); what jollyday 1.5 lacks is added in {@link #MISSING_FROM_JOLLYDAY}, and nowhere
 * else.
 */
public final class FrenchHolidays {
  private static final HolidayManager FRANCE =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.FRANCE));

  /**
   * Local public holidays jollyday 1.5.7 does not know. Moselle: Good Friday (Code du travail
   * L3134-13; jollyday has its 26 December but not Good Friday). Overseas: the commemoration of the
   * abolition of slavery (loi n° 83-550 of 30 June 1983, décret n° 83-1003 of 23 November 1983 as
   * amended, Code du travail L3133-1): Guadeloupe 27 May, Martinique 22 May, Guyane 10 June, La
   * Réunion 20 December, Mayotte 27 April, Saint-Barthélemy 9 October, Saint-Martin 28 May.
   */
  static final Map<Territory, List<Function<Integer, LocalDate>>> MISSING_FROM_JOLLYDAY =
      new EnumMap<>(
          Map.of(
              Territory.MOSELLE, List.of(year -> easterSunday(year).minusDays(2)),
              Territory.GUADELOUPE, List.of(fixed(5, 27)),
              Territory.MARTINIQUE, List.of(fixed(5, 22)),
              Territory.GUYANE, List.of(fixed(6, 10)),
              Territory.REUNION, List.of(fixed(12, 20)),
              Territory.MAYOTTE, List.of(fixed(4, 27)),
              Territory.SAINT_BARTHELEMY, List.of(fixed(10, 9)),
              Territory.SAINT_MARTIN, List.of(fixed(5, 28))));

  private FrenchHolidays() {}

  /** A public holiday of metropolitan France (the eleven days of Code du travail L3133-1). */
  public static boolean isHoliday(LocalDate date) {
    return isHoliday(date, Territory.METROPOLE);
  }

  /** A public holiday where the debtor lives: the national days plus the territory's own. */
  public static boolean isHoliday(LocalDate date, Territory territory) {
    String subdivision = territory.jollydaySubdivision();
    boolean known =
        subdivision == null ? FRANCE.isHoliday(date) : FRANCE.isHoliday(date, subdivision);
    return known
        || MISSING_FROM_JOLLYDAY.getOrDefault(territory, List.of()).stream()
            .anyMatch(d -> d.apply(date.getYear()).equals(date));
  }

  /** Not a Saturday, a Sunday nor a public holiday of the territory. */
  public static boolean isWorkingDay(LocalDate date, Territory territory) {
    return date.getDayOfWeek() != DayOfWeek.SATURDAY
        && date.getDayOfWeek() != DayOfWeek.SUNDAY
        && !isHoliday(date, territory);
  }

  /** {@code date} itself when it is a working day, else the next one (CPC 642). */
  public static LocalDate nextWorkingDay(LocalDate date, Territory territory) {
    LocalDate day = date;
    while (!isWorkingDay(day, territory)) {
      day = day.plusDays(1);
    }
    return day;
  }

  private static Function<Integer, LocalDate> fixed(int month, int day) {
    return year -> MonthDay.of(month, day).atYear(year);
  }

  /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}

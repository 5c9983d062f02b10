package fr.recouvrement.legal.bailiff;

import fr.recouvrement.kernel.time.FrenchHolidays;
import fr.recouvrement.kernel.time.Territory;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a commissaire de justice may act (CPCE L141-1): not on a Sunday, not on a public holiday,
 * not before 06:00 nor after 21:00, on the debtor's local clock and calendar (Paris and the
 * national holidays unless said otherwise). Pure: no clock, no Spring.
 */
final class BailiffActWindow {
  static final LocalTime OPENS = LocalTime.of(6, 0);
  static final LocalTime CLOSES = LocalTime.of(21, 0);

  private BailiffActWindow() {}

  /** {@code at} itself when an act is allowed then, else the next 06:00 of an allowed day. */
  static Instant next(Instant at) {
    return next(at, Territory.METROPOLE);
  }

  /**
   * As {@link #next(Instant)}, where the debtor lives: 06:00 in Saint-Denis de La Réunion is 03:00
   * in Paris.
   */
  static Instant next(Instant at, Territory territory) {
    ZoneId zone = territory.zone();
    ZonedDateTime t = at.atZone(zone);
    if (allowedDay(t, territory)
        && !t.toLocalTime().isBefore(OPENS)
        && t.toLocalTime().isBefore(CLOSES)) {
      return at;
    }
    // the next opening: today's if it is still to come, else tomorrow's, then skip forbidden days
    ZonedDateTime opening = t.toLocalDate().atTime(OPENS).atZone(zone);
    if (!t.isBefore(opening)) {
      opening = t.toLocalDate().plusDays(1).atTime(OPENS).atZone(zone);
    }
    while (!allowedDay(opening, territory)) {
      opening = opening.toLocalDate().plusDays(1).atTime(OPENS).atZone(zone);
    }
    return opening.toInstant();
  }

  private static boolean allowedDay(ZonedDateTime t, Territory territory) {
    return t.getDayOfWeek() != DayOfWeek.SUNDAY
        && !FrenchHolidays.isHoliday(t.toLocalDate(), territory);
  }
}

package fr.recouvrement.legal.bailiff;

import fr.recouvrement.cases.CaseClock;
import fr.recouvrement.channel.FrenchHolidays;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * When a commissaire de justice may act (CPCE L141-1): not on a Sunday, not on a public holiday,
 * not before 06:00 nor after 21:00, Paris time. Pure: no clock, no Spring.
 */
final class BailiffActWindow {
  static final LocalTime OPENS = LocalTime.of(6, 0);
  static final LocalTime CLOSES = LocalTime.of(21, 0);

  private BailiffActWindow() {}

  /** {@code at} itself when an act is allowed then, else the next 06:00 of an allowed day. */
  static Instant next(Instant at) {
    ZonedDateTime t = at.atZone(CaseClock.PARIS);
    if (allowedDay(t) && !t.toLocalTime().isBefore(OPENS) && t.toLocalTime().isBefore(CLOSES)) {
      return at;
    }
    // the next opening: today's if it is still to come, else tomorrow's, then skip forbidden days
    ZonedDateTime opening = t.toLocalDate().atTime(OPENS).atZone(CaseClock.PARIS);
    if (!t.isBefore(opening)) {
      opening = t.toLocalDate().plusDays(1).atTime(OPENS).atZone(CaseClock.PARIS);
    }
    while (!allowedDay(opening)) {
      opening = opening.toLocalDate().plusDays(1).atTime(OPENS).atZone(CaseClock.PARIS);
    }
    return opening.toInstant();
  }

  private static boolean allowedDay(ZonedDateTime t) {
    return t.getDayOfWeek() != DayOfWeek.SUNDAY && !FrenchHolidays.isHoliday(t.toLocalDate());
  }
}

package fr.recouvrement.legal.court;

import fr.recouvrement.cases.CaseClock;
import fr.recouvrement.channel.FrenchHolidays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Procedural deadlines for the court models' timers and gateways, used in expressions
 * ({@code ${courtDates.lastDay(orderDecisionDate, 'P6M')}}): the periods themselves stay in the
 * BPMN. Days are French dates; dates come from forms (ISO text), callbacks or Java.
 */
@Component("courtDates")
public class CourtDates {

  /**
   * The last day of a period that starts on {@code from}: a deadline that would end on a Saturday,
   * a Sunday or a public holiday runs to the next working day (CPC 642).
   *
   * @return ISO date
   */
  public String lastDay(Object from, String period) {
    LocalDate day = day(from).plus(Period.parse(period));
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY || FrenchHolidays.isHoliday(day)) {
      day = day.plusDays(1);
    }
    return day.toString();
  }

  /**
   * When a timer should conclude that a period is over: midnight after its last day, plus a margin
   * for the news (a bailiff's report, a court's letter) to reach the collector.
   */
  public Date over(Object lastDay, String margin) {
    return start(day(lastDay).plusDays(1).plus(Period.parse(margin)));
  }

  /** The start of the day {@code period} after {@code from}: for warnings. */
  public Date on(Object from, String period) {
    return start(day(from).plus(Period.parse(period)));
  }

  /** Whether {@code day} is no later than {@code lastDay}. */
  public boolean notAfter(Object day, Object lastDay) {
    return !day(day).isAfter(day(lastDay));
  }

  /** Today, French date, ISO. */
  public String today() {
    return CaseClock.today().toString();
  }

  static LocalDate day(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("A date is missing");
    }
    if (value instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), CaseClock.PARIS);
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    String text = value.toString();
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }

  private static Date start(LocalDate day) {
    return Date.from(day.atStartOfDay(CaseClock.PARIS).toInstant());
  }
}

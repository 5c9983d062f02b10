package fr.recouvrement.legal.court;

import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.kernel.time.FrenchHolidays;
import fr.recouvrement.kernel.time.Territory;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Procedural deadlines for the court models' timers and gateways, used in expressions ({@code
 * ${courtDates.lastDay(orderDecisionDate, legalDeadlines.period('ORDER_TO_PAY_SERVICE',
 * orderDecisionDate), debtorTerritory)}}): the periods come from the {@code legal-deadlines} table,
 * this class only walks the calendar of the debtor's territory ({@link FrenchHolidays}). Days are
 * French dates; dates come from forms (ISO text), callbacks or Java.
 */
@Component("courtDates")
public class CourtDates {

  /**
   * The last day of a period that starts on {@code from}: a deadline that would end on a Saturday,
   * a Sunday or a public holiday runs to the next working day (CPC 642), metropolitan calendar.
   *
   * @return ISO date
   */
  /** The small-claims procedure's end without an answer: silence is a refusal (CPCE L125-1). */
  public String noAnswerDetails(Object lastDay, Object source) {
    return "Pas de réponse du débiteur dans le délai (jusqu’au "
        + lastDay
        + ", "
        + source
        + ") : le silence vaut refus.";
  }

  /**
   * The text of the service's legal event: served to the person, the opposition's last day and its
   * source; otherwise why no such day is known yet (CPC 1416 al. 2).
   */
  public String serviceDetails(boolean servedToPerson, String oppositionLastDay, String source) {
    return servedToPerson
        ? "Ordonnance signifiée à personne ; opposition possible jusqu’au "
            + oppositionLastDay
            + " ("
            + source
            + ")"
        : "Ordonnance signifiée autrement qu’à personne : l’opposition reste ouverte jusqu’à un mois après le premier acte"
            + " signifié à personne ou la première mesure rendant les biens indisponibles (CPC 1416 al. 2)";
  }

  public String lastDay(Object from, String period) {
    return lastDay(from, period, Territory.METROPOLE);
  }

  /**
   * As {@link #lastDay(Object, String)}, with the public holidays of the debtor's territory ({@code
   * debtorTerritory}: a {@link Territory} name; null = metropolitan France): Good Friday and 26
   * December in Alsace-Moselle, the abolition-of-slavery day overseas.
   */
  public String lastDay(Object from, String period, Object territory) {
    return FrenchHolidays.nextWorkingDay(
            day(from).plus(Period.parse(period)), Territory.parse(territory))
        .toString();
  }

  /**
   * The later of two days, ISO: enforcement waits for both the decree's delay and the opposition's
   * end.
   */
  public String later(Object a, Object b) {
    LocalDate x = day(a);
    LocalDate y = day(b);
    return (x.isAfter(y) ? x : y).toString();
  }

  /**
   * The start of the day {@code before} ahead of a deadline's last day: for a warning (a date
   * already past makes the timer fire at once).
   */
  public Date ahead(Object lastDay, String before) {
    return start(day(lastDay).minus(Period.parse(before)));
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

  /**
   * A period as a user reads it: {@code P3M} → "3 mois", {@code P1Y2M} → "1 an et 2 mois", {@code
   * P15D} → "15 jours".
   */
  public String text(String period) {
    Period p = Period.parse(period);
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (p.getYears() != 0) {
      parts.add(p.getYears() + (Math.abs(p.getYears()) > 1 ? " ans" : " an"));
    }
    if (p.getMonths() != 0) {
      parts.add(p.getMonths() + " mois");
    }
    if (p.getDays() != 0 || parts.isEmpty()) {
      parts.add(p.getDays() + (Math.abs(p.getDays()) > 1 ? " jours" : " jour"));
    }
    return String.join(" et ", parts);
  }

  /** Today, French date, ISO. */
  public String today() {
    return CaseClock.today().toString();
  }

  static LocalDate day(Object value) {
    return fr.recouvrement.legal.LegalDeadlines.day(value);
  }

  private static Date start(LocalDate day) {
    return Date.from(day.atStartOfDay(CaseClock.PARIS).toInstant());
  }
}

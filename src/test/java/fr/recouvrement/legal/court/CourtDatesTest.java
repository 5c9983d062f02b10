package fr.recouvrement.legal.court;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Test;

class CourtDatesTest {
  final CourtDates dates = new CourtDates();

  @Test
  void shouldEndAPeriodOnTheSameDayOfTheMonthWhenItIsAWorkingDay() {
    assertThat(dates.lastDay("2026-03-16", "P6M")).isEqualTo("2026-09-16");
  }

  @Test
  void shouldRunADeadlineEndingOnASundayToMonday() {
    assertThat(dates.lastDay("2026-04-10", "P1M")).isEqualTo("2026-05-11");
  }

  @Test
  void shouldRunADeadlineEndingOnAPublicHolidayToTheNextWorkingDay() {
    // Ascension Day 2026 is Thursday 14 May
    assertThat(dates.lastDay("2026-04-14", "P1M")).isEqualTo("2026-05-15");
  }

  @Test
  void shouldRunAStrasbourgDeadlineEndingOnGoodFridayToTheNextWorkingDay() {
    // 3 March + 1 month = Friday 3 April 2026, Good Friday: a holiday in the Bas-Rhin (not in
    // Paris),
    // then Saturday, Sunday and Easter Monday 6 April: Tuesday 7 April
    assertThat(dates.lastDay("2026-03-03", "P1M", "BAS_RHIN")).isEqualTo("2026-04-07");
    assertThat(dates.lastDay("2026-03-03", "P1M", "METROPOLE")).isEqualTo("2026-04-03");
    assertThat(dates.lastDay("2026-03-03", "P1M", null)).isEqualTo("2026-04-03");
  }

  @Test
  void shouldRunAnOverseasDeadlineEndingOnTheAbolitionDayToTheNextWorkingDay() {
    // 27 April + 1 month = Wednesday 27 May 2026, abolition of slavery in Guadeloupe
    assertThat(dates.lastDay("2026-04-27", "P1M", "GUADELOUPE")).isEqualTo("2026-05-28");
    // 27 March + 1 month = Monday 27 April 2026, abolition of slavery in Mayotte
    assertThat(dates.lastDay("2026-03-27", "P1M", "MAYOTTE")).isEqualTo("2026-04-28");
  }

  @Test
  void shouldTakeTheLaterOfTwoDays() {
    assertThat(dates.later("2026-11-02", "2026-12-02")).isEqualTo("2026-12-02");
    assertThat(dates.later("2027-01-04", "2026-12-02")).isEqualTo("2027-01-04");
  }

  @Test
  void shouldConcludeAtMidnightAfterTheLastDayAndTheMargin() {
    Date over = dates.over("2026-09-16", "P5D");
    assertThat(over)
        .isEqualTo(
            Date.from(
                LocalDate.parse("2026-09-22").atStartOfDay(ZoneId.of("Europe/Paris")).toInstant()));
  }

  @Test
  void shouldCompareDaysInclusively() {
    assertThat(dates.notAfter("2026-09-16", "2026-09-16")).isTrue();
    assertThat(dates.notAfter("2026-09-17", "2026-09-16")).isFalse();
  }
}

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
  void shouldConcludeAtMidnightAfterTheLastDayAndTheMargin() {
    Date over = dates.over("2026-09-16", "P5D");
    assertThat(over).isEqualTo(Date.from(LocalDate.parse("2026-09-22").atStartOfDay(ZoneId.of("Europe/Paris")).toInstant()));
  }

  @Test
  void shouldCompareDaysInclusively() {
    assertThat(dates.notAfter("2026-09-16", "2026-09-16")).isTrue();
    assertThat(dates.notAfter("2026-09-17", "2026-09-16")).isFalse();
  }
}

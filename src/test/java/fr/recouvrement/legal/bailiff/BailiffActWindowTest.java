package fr.recouvrement.legal.bailiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.kernel.time.Territory;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CPCE L141-1: no act on a Sunday, a public holiday, before 06:00 or after 21:00 (the debtor's
 * time; Paris by default).
 */
class BailiffActWindowTest {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aWeekdayAfternoonIsNow() {
    assertThat(BailiffActWindow.next(paris("2026-11-25T14:10")))
        .isEqualTo(paris("2026-11-25T14:10"));
  }

  @Test
  void saturdayAt22MovesToMondayAt6SkippingSunday() {
    // 28 November 2026 is a Saturday
    assertThat(BailiffActWindow.next(paris("2026-11-28T22:00")))
        .isEqualTo(paris("2026-11-30T06:00"));
  }

  @Test
  void aSundayMovesToMonday() {
    assertThat(BailiffActWindow.next(paris("2026-11-29T10:00")))
        .isEqualTo(paris("2026-11-30T06:00"));
  }

  @Test
  void bastilleDayMovesToTheNextMorning() {
    assertThat(BailiffActWindow.next(paris("2026-07-14T10:00")))
        .isEqualTo(paris("2026-07-15T06:00"));
  }

  @Test
  void theEveOfBastilleDayAt21MovesOverTheHoliday() {
    assertThat(BailiffActWindow.next(paris("2026-07-13T21:00")))
        .isEqualTo(paris("2026-07-15T06:00"));
  }

  @Test
  void easterMondayIsSkipped() {
    // Easter 2026 is 5 April: Saturday evening → (Sunday, Easter Monday) → Tuesday
    assertThat(BailiffActWindow.next(paris("2026-04-04T21:30")))
        .isEqualTo(paris("2026-04-07T06:00"));
    assertThat(BailiffActWindow.next(paris("2026-04-06T12:00")))
        .isEqualTo(paris("2026-04-07T06:00"));
  }

  @Test
  void half_past_five_waitsUntilSix() {
    assertThat(BailiffActWindow.next(paris("2026-11-25T05:30")))
        .isEqualTo(paris("2026-11-25T06:00"));
  }

  @Test
  void sixAndJustBefore21AreAllowed() {
    assertThat(BailiffActWindow.next(paris("2026-11-25T06:00")))
        .isEqualTo(paris("2026-11-25T06:00"));
    assertThat(BailiffActWindow.next(paris("2026-11-25T20:59")))
        .isEqualTo(paris("2026-11-25T20:59"));
  }

  @Test
  void theWindowFollowsParisTimeAcrossTheSummerTimeChange() {
    // 29 March 2026, Sunday, clocks go forward: Saturday 23:00 → Monday 06:00 Paris (04:00 UTC)
    assertThat(BailiffActWindow.next(paris("2026-03-28T23:00")))
        .isEqualTo(Instant.parse("2026-03-30T04:00:00Z"));
  }

  @Test
  void theDelegateSetsTheTimerDateFromTheEngineClock() {
    ClockUtil.setCurrentTime(Date.from(paris("2026-11-28T22:00")));
    DelegateExecution execution = mock(DelegateExecution.class);

    new ScheduleBailiffAct().execute(execution);

    verify(execution).setVariable("bailiffActAt", Date.from(paris("2026-11-30T06:00")));
  }

  private static Instant paris(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(CaseClock.PARIS).toInstant();
  }

  @Test
  void overseasTheWindowIsReadOnTheDebtorsClockAndCalendar() {
    // 05:00 in Paris (UTC+1) is 08:00 in Saint-Denis de La Réunion (UTC+4): an act is allowed there
    assertThat(BailiffActWindow.next(paris("2026-11-25T05:00"), Territory.REUNION))
        .isEqualTo(paris("2026-11-25T05:00"));
    // 20:00 in Paris is 23:00 there: the next 06:00 there, 03:00 in Paris
    assertThat(BailiffActWindow.next(paris("2026-11-25T20:00"), Territory.REUNION))
        .isEqualTo(paris("2026-11-26T03:00"));
    // Wednesday 27 May 2026, abolition of slavery in Guadeloupe (UTC-4): the next day, 06:00 there
    // = 12:00 in Paris
    assertThat(BailiffActWindow.next(paris("2026-05-27T16:00"), Territory.GUADELOUPE))
        .isEqualTo(paris("2026-05-28T12:00"));
  }

  @Test
  void inAlsaceMoselleGoodFridayIsNoDayForAnAct() {
    // Good Friday 3 April 2026: Saturday 4 at 06:00 in Strasbourg, Friday itself in Paris
    assertThat(BailiffActWindow.next(paris("2026-04-03T10:00"), Territory.BAS_RHIN))
        .isEqualTo(paris("2026-04-04T06:00"));
    assertThat(BailiffActWindow.next(paris("2026-04-03T10:00")))
        .isEqualTo(paris("2026-04-03T10:00"));
  }
}

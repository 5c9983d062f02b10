package fr.recouvrement.channel;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ProcessTestEngine;
import fr.recouvrement.cases.CaseClock;
import fr.recouvrement.channel.ContactPolicy.ContactHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

/** Walking the calendar with the deployed contact-policy table. */
class ContactPolicyTest {
  final ProcessEngine engine = ProcessTestEngine.get();
  final ContactPolicy policy = new ContactPolicy(engine.getRepositoryService());
  static final ContactHistory NONE = new ContactHistory(List.of(), List.of());

  static ZonedDateTime paris(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(CaseClock.PARIS);
  }

  @Test
  void anSmsDueAtDawnWaitsForTenOClock() {
    assertThat(policy.nextAllowed("SMS", paris("2026-11-24T07:12"), NONE)).isEqualTo(paris("2026-11-24T10:00"));
  }

  @Test
  void aCallDueAtLunchWaitsForTwoOClockAndOneDueAtNightForTheNextMorning() {
    assertThat(policy.nextAllowed("PHONE_CALL", paris("2026-11-24T13:05"), NONE)).isEqualTo(paris("2026-11-24T14:00"));
    assertThat(policy.nextAllowed("PHONE_CALL", paris("2026-11-24T20:30"), NONE)).isEqualTo(paris("2026-11-25T10:00"));
  }

  @Test
  void aStepFallingOnAWeekendOrAHolidayMovesToTheNextWorkingDay() {
    // Friday 25 December 2026 is Christmas, then a weekend: Monday 28 at 08:00 for an email
    assertThat(policy.nextAllowed("EMAIL", paris("2026-12-24T19:30"), NONE)).isEqualTo(paris("2026-12-28T08:00"));
    // Whit Monday 2026 is 25 May
    assertThat(policy.nextAllowed("SMS", paris("2026-05-25T11:00"), NONE)).isEqualTo(paris("2026-05-26T10:00"));
  }

  @Test
  void aSecondContactTheSameDayWaitsForTheNextDay() {
    ContactHistory emailedThisMorning = new ContactHistory(List.of(paris("2026-11-24T09:00").toInstant()), List.of());
    assertThat(policy.check("SMS", paris("2026-11-24T11:00"), emailedThisMorning).allowed()).isFalse();
    assertThat(policy.nextAllowed("SMS", paris("2026-11-24T11:00"), emailedThisMorning)).isEqualTo(paris("2026-11-25T10:00"));
  }

  @Test
  void aFifthCallWaitsUntilTheOldestOfTheLastFourIsThirtyDaysOld() {
    List<Instant> calls = List.of(
        paris("2026-11-02T10:30").toInstant(), paris("2026-11-09T10:30").toInstant(),
        paris("2026-11-16T10:30").toInstant(), paris("2026-11-23T10:30").toInstant());
    ContactHistory fourCalls = new ContactHistory(calls, calls);
    ContactPolicy.Verdict now = policy.check("PHONE_CALL", paris("2026-11-24T11:00"), fourCalls);
    assertThat(now.allowed()).isFalse();
    assertThat(now.reason()).contains("4 tentatives");
    // the call of 2 November 10:30 leaves the 30-day window on 2 December at 10:30
    assertThat(policy.nextAllowed("PHONE_CALL", paris("2026-11-24T11:00"), fourCalls)).isEqualTo(paris("2026-12-02T10:30"));
  }

  @Test
  void frenchPublicHolidaysIncludeTheMovableOnes() {
    assertThat(FrenchHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
    assertThat(FrenchHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 4, 6))).isTrue(); // lundi de Pâques
    assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 5, 14))).isTrue(); // Ascension
    assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 7, 14))).isTrue();
    assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 7, 15))).isFalse();
  }
}

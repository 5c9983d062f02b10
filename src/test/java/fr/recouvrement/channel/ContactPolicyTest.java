package fr.recouvrement.channel;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ProcessTestEngine;
import fr.recouvrement.channel.ContactPolicy.ContactHistory;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.kernel.time.Territory;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

/** Walking the calendar with the deployed contact-policy table. */
class ContactPolicyTest {
  final ProcessEngine engine = ProcessTestEngine.get();
  final ContactPolicy policy =
      new ContactPolicy(
          new fr.recouvrement.engine.LatestDecisionTables(
              engine, new fr.recouvrement.kernel.process.LatestDecisions(engine)));
  static final ContactHistory NONE = new ContactHistory(List.of(), List.of());

  static ZonedDateTime paris(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(CaseClock.PARIS);
  }

  @Test
  void anSmsDueAtDawnWaitsForTenOClock() {
    assertThat(policy.nextAllowed("SMS", paris("2026-11-24T07:12"), NONE))
        .isEqualTo(paris("2026-11-24T10:00"));
  }

  @Test
  void aCallDueAtLunchWaitsForTwoOClockAndOneDueAtNightForTheNextMorning() {
    assertThat(policy.nextAllowed("PHONE_CALL", paris("2026-11-24T13:05"), NONE))
        .isEqualTo(paris("2026-11-24T14:00"));
    assertThat(policy.nextAllowed("PHONE_CALL", paris("2026-11-24T20:30"), NONE))
        .isEqualTo(paris("2026-11-25T10:00"));
  }

  @Test
  void aStepFallingOnAWeekendOrAHolidayMovesToTheNextWorkingDay() {
    // Friday 25 December 2026 is Christmas, then a weekend: Monday 28 at 08:00 for an email
    assertThat(policy.nextAllowed("EMAIL", paris("2026-12-24T19:30"), NONE))
        .isEqualTo(paris("2026-12-28T08:00"));
    // Whit Monday 2026 is 25 May
    assertThat(policy.nextAllowed("SMS", paris("2026-05-25T11:00"), NONE))
        .isEqualTo(paris("2026-05-26T10:00"));
  }

  @Test
  void aSecondContactTheSameDayWaitsForTheNextDay() {
    ContactHistory emailedThisMorning =
        new ContactHistory(List.of(paris("2026-11-24T09:00").toInstant()), List.of());
    assertThat(policy.check("SMS", paris("2026-11-24T11:00"), emailedThisMorning).allowed())
        .isFalse();
    assertThat(policy.nextAllowed("SMS", paris("2026-11-24T11:00"), emailedThisMorning))
        .isEqualTo(paris("2026-11-25T10:00"));
  }

  @Test
  void aFifthCallWaitsUntilTheOldestOfTheLastFourIsThirtyDaysOld() {
    List<Instant> calls =
        List.of(
            paris("2026-11-02T10:30").toInstant(), paris("2026-11-09T10:30").toInstant(),
            paris("2026-11-16T10:30").toInstant(), paris("2026-11-23T10:30").toInstant());
    ContactHistory fourCalls = new ContactHistory(calls, calls);
    ContactPolicy.Verdict now = policy.check("PHONE_CALL", paris("2026-11-24T11:00"), fourCalls);
    assertThat(now.allowed()).isFalse();
    assertThat(now.reason()).contains("4 tentatives");
    // the call of 2 November 10:30 leaves the 30-day window on 2 December at 10:30
    assertThat(policy.nextAllowed("PHONE_CALL", paris("2026-11-24T11:00"), fourCalls))
        .isEqualTo(paris("2026-12-02T10:30"));
  }

  @Test
  void anOverseasDebtorIsContactedOnItsOwnClock() {
    // Tuesday 24 November 2026, 10:00 in Pointe-à-Pitre (UTC-4) is 15:00 in Paris: an SMS due at
    // 07:12 Paris time (02:12 there) waits for 10:00 there
    ZonedDateTime tenInGuadeloupe =
        LocalDateTime.parse("2026-11-24T10:00").atZone(ZoneId.of("America/Guadeloupe"));
    assertThat(
            policy
                .nextAllowed("SMS", paris("2026-11-24T07:12"), NONE, Territory.GUADELOUPE)
                .toInstant())
        .isEqualTo(tenInGuadeloupe.toInstant());
    assertThat(paris("2026-11-24T15:00").toInstant()).isEqualTo(tenInGuadeloupe.toInstant());
    // noon in Paris (UTC+1) is 15:00 in Saint-Denis de La Réunion (UTC+4): allowed; 19:30 Paris is
    // 22:30 there: refused
    assertThat(policy.check("SMS", paris("2026-11-24T12:00"), NONE, Territory.REUNION).allowed())
        .isTrue();
    assertThat(policy.check("SMS", paris("2026-11-24T19:30"), NONE, Territory.REUNION).allowed())
        .isFalse();
    assertThat(policy.check("SMS", paris("2026-11-24T19:30"), NONE).allowed()).isTrue();
  }

  @Test
  void anOverseasDebtorIsLeftAloneOnItsLocalHoliday() {
    // Wednesday 27 May 2026, abolition of slavery in Guadeloupe: an SMS waits for Thursday 10:00
    // there
    ZonedDateTime guadeloupe =
        LocalDateTime.parse("2026-05-27T11:00").atZone(ZoneId.of("America/Guadeloupe"));
    assertThat(policy.nextAllowed("SMS", guadeloupe, NONE, Territory.GUADELOUPE))
        .isEqualTo(LocalDateTime.parse("2026-05-28T10:00").atZone(ZoneId.of("America/Guadeloupe")));
    assertThat(policy.check("SMS", guadeloupe, NONE).allowed()).isTrue();
  }
}

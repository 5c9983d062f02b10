package fr.recouvrement.kernel.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The French calendar per territory: jollyday's France, plus what it lacks (one table). */
class FrenchHolidaysTest {
  static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void theNationalHolidaysApplyEverywhereIncludingTheMovableOnes() {
    assertThat(FrenchHolidays.easterSunday(2026)).isEqualTo(day("2026-04-05"));
    assertThat(FrenchHolidays.easterSunday(2027)).isEqualTo(day("2027-03-28"));
    for (Territory t : Territory.values()) {
      assertThat(FrenchHolidays.isHoliday(day("2026-04-06"), t))
          .as("lundi de Pâques, %s", t)
          .isTrue();
      assertThat(FrenchHolidays.isHoliday(day("2026-05-14"), t)).as("Ascension, %s", t).isTrue();
      assertThat(FrenchHolidays.isHoliday(day("2026-07-14"), t)).as("14 juillet, %s", t).isTrue();
    }
    assertThat(FrenchHolidays.isHoliday(day("2026-07-15"))).isFalse();
    // Good Friday and 26 December are no holidays in Paris
    assertThat(FrenchHolidays.isHoliday(day("2026-04-03"))).isFalse();
    assertThat(FrenchHolidays.isHoliday(day("2025-12-26"))).isFalse();
  }

  @Test
  void basRhinAndHautRhinKeepGoodFridayAndSaintStephensDay() {
    for (Territory t : new Territory[] {Territory.BAS_RHIN, Territory.HAUT_RHIN}) {
      assertThat(FrenchHolidays.isHoliday(day("2026-04-03"), t))
          .as("Vendredi saint, %s", t)
          .isTrue();
      assertThat(FrenchHolidays.isHoliday(day("2025-12-26"), t))
          .as("Saint-Étienne, %s", t)
          .isTrue();
    }
  }

  @Test
  void moselleKeepsGoodFridayThatJollydayLacksAndSaintStephensDay() {
    assertThat(FrenchHolidays.isHoliday(day("2026-04-03"), Territory.MOSELLE)).isTrue();
    // Good Friday 2027: Easter is 28 March
    assertThat(FrenchHolidays.isHoliday(day("2027-03-26"), Territory.MOSELLE)).isTrue();
    assertThat(FrenchHolidays.isHoliday(day("2025-12-26"), Territory.MOSELLE)).isTrue();
  }

  @Test
  void guadeloupeCommemoratesTheAbolitionOfSlaveryOn27May() {
    assertThat(FrenchHolidays.isHoliday(day("2026-05-27"), Territory.GUADELOUPE)).isTrue();
    assertThat(FrenchHolidays.isHoliday(day("2026-05-27"), Territory.METROPOLE)).isFalse();
    assertThat(FrenchHolidays.isHoliday(day("2026-05-22"), Territory.GUADELOUPE)).isFalse();
  }

  @Test
  void martiniqueCommemoratesTheAbolitionOfSlaveryOn22May() {
    assertThat(FrenchHolidays.isHoliday(day("2026-05-22"), Territory.MARTINIQUE)).isTrue();
    assertThat(FrenchHolidays.isHoliday(day("2026-05-27"), Territory.MARTINIQUE)).isFalse();
  }

  @Test
  void guyaneCommemoratesTheAbolitionOfSlaveryOn10June() {
    assertThat(FrenchHolidays.isHoliday(day("2026-06-10"), Territory.GUYANE)).isTrue();
    assertThat(FrenchHolidays.isHoliday(day("2026-06-10"), Territory.REUNION)).isFalse();
  }

  @Test
  void laReunionCommemoratesTheAbolitionOfSlaveryOn20December() {
    assertThat(FrenchHolidays.isHoliday(day("2027-12-20"), Territory.REUNION)).isTrue();
    // Monday 20 December 2027 is a working day in Mayotte, next door
    assertThat(FrenchHolidays.isWorkingDay(day("2027-12-20"), Territory.MAYOTTE)).isTrue();
  }

  @Test
  void mayotteCommemoratesTheAbolitionOfSlaveryOn27AprilWhichJollydayLacks() {
    assertThat(FrenchHolidays.isHoliday(day("2026-04-27"), Territory.MAYOTTE)).isTrue();
    assertThat(FrenchHolidays.isHoliday(day("2026-04-27"), Territory.REUNION)).isFalse();
  }

  @Test
  void aDeadlineOnALocalHolidayRunsToTheNextWorkingDay() {
    // Friday 3 April 2026 is Good Friday in Strasbourg, then a weekend and Easter Monday: Tuesday 7
    // April
    assertThat(FrenchHolidays.nextWorkingDay(day("2026-04-03"), Territory.BAS_RHIN))
        .isEqualTo(day("2026-04-07"));
    assertThat(FrenchHolidays.nextWorkingDay(day("2026-04-03"), Territory.METROPOLE))
        .isEqualTo(day("2026-04-03"));
    // Wednesday 27 May 2026 in Pointe-à-Pitre: Thursday 28
    assertThat(FrenchHolidays.nextWorkingDay(day("2026-05-27"), Territory.GUADELOUPE))
        .isEqualTo(day("2026-05-28"));
  }

  @Test
  void theTerritoryComesFromTheAddress() {
    assertThat(Territory.of("FR", "67000")).isEqualTo(Territory.BAS_RHIN);
    assertThat(Territory.of(null, "68100")).isEqualTo(Territory.HAUT_RHIN);
    assertThat(Territory.of("", "57000")).isEqualTo(Territory.MOSELLE);
    assertThat(Territory.of("FR", "97110")).isEqualTo(Territory.GUADELOUPE);
    assertThat(Territory.of("FR", "97133")).isEqualTo(Territory.SAINT_BARTHELEMY);
    assertThat(Territory.of("FR", "97200")).isEqualTo(Territory.MARTINIQUE);
    assertThat(Territory.of("FR", "97300")).isEqualTo(Territory.GUYANE);
    assertThat(Territory.of("FR", "97400")).isEqualTo(Territory.REUNION);
    assertThat(Territory.of("FR", "97600")).isEqualTo(Territory.MAYOTTE);
    assertThat(Territory.of("GP", "97110")).isEqualTo(Territory.GUADELOUPE);
    assertThat(Territory.of("FR", "69003")).isEqualTo(Territory.METROPOLE);
    assertThat(Territory.of("BE", "1000")).isEqualTo(Territory.ETRANGER);
    assertThat(Territory.GUADELOUPE.zone()).isEqualTo(ZoneId.of("America/Guadeloupe"));
    assertThat(Territory.REUNION.zone()).isEqualTo(ZoneId.of("Indian/Reunion"));
  }
}

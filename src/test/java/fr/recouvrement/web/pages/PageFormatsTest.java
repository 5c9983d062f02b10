package fr.recouvrement.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PageFormatsTest {
  final PageFormats fmt = PageFormats.FRENCH;

  @Test
  void amountsAndDatesAreWrittenTheFrenchWay() {
    assertThat(fmt.amount(new BigDecimal("1850"))).isEqualTo("1\u00a0850,00\u00a0€");
    assertThat(fmt.amount(new BigDecimal("1234567.005"))).isEqualTo("1\u00a0234\u00a0567,01\u00a0€");
    assertThat(fmt.amount(new BigDecimal("-40"))).isEqualTo("-40,00\u00a0€");
    assertThat(fmt.date(LocalDate.of(2026, 2, 4))).isEqualTo("04/02/2026");
    // an instant is shown at Paris time: 23:30 UTC on 31 January is already 1 February in winter
    assertThat(fmt.date(Instant.parse("2026-01-31T23:30:00Z"))).isEqualTo("01/02/2026");
    assertThat(fmt.dateTime(Instant.parse("2026-07-01T12:00:05Z"))).isEqualTo("01/07/2026 14:00:05");
  }

  @Test
  void ratesRatiosAndDays() {
    assertThat(fmt.percent(0.4523)).isEqualTo("45,2\u00a0%");
    assertThat(fmt.percent(12.5)).isEqualTo("1\u00a0250,0\u00a0%");
    assertThat(fmt.ratio(0.0834)).isEqualTo("0,08");
    assertThat(fmt.perEuro(0.0834)).isEqualTo("0,08\u00a0€");
    assertThat(fmt.perEuro(null)).isEqualTo("—");
    assertThat(fmt.days(23.25)).isEqualTo("23,3\u00a0jours");
    assertThat(fmt.percent(null)).isEqualTo("—");
    assertThat(fmt.amount(null)).isEqualTo("—");
  }
}

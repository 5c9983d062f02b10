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
    assertThat(fmt.amount(new BigDecimal("1234567.005")))
        .isEqualTo("1\u00a0234\u00a0567,01\u00a0€");
    assertThat(fmt.amount(new BigDecimal("-40"))).isEqualTo("-40,00\u00a0€");
    assertThat(fmt.date(LocalDate.of(2026, 2, 4))).isEqualTo("04/02/2026");
    // an instant is shown at Paris time: 23:30 UTC on 31 January is already 1 February in winter
    assertThat(fmt.date(Instant.parse("2026-01-31T23:30:00Z"))).isEqualTo("01/02/2026");
    assertThat(fmt.dateTime(Instant.parse("2026-07-01T12:00:05Z")))
        .isEqualTo("01/07/2026 14:00:05");
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

  @Test
  void aRecordedDetailReadsInParisTimeAndFrenchWhereverItSits() {
    // what the engine recorded in UTC is shown at Paris time, as the date column is: 08:00Z is
    // 10:00 in summer
    assertThat(fmt.detail("2026-07-01T08:00:00Z")).isEqualTo("01/07/2026 10:00:00");
    assertThat(fmt.detail(Instant.parse("2026-01-15T08:00:00Z"))).isEqualTo("15/01/2026 09:00:00");
    assertThat(fmt.detail("2026-03-31")).isEqualTo("31/03/2026");
    assertThat(fmt.detail(new BigDecimal("1850.50"))).isEqualTo("1850,50");
    assertThat(fmt.detail(false)).isEqualTo("non");
    assertThat(fmt.detail(null)).isEqualTo("—");
    java.util.Map<String, Object> form = new java.util.LinkedHashMap<>();
    form.put("callOutcome", "PROMISE");
    form.put("promiseDate", "2026-03-31");
    form.put("sentAt", "2026-03-02T08:00:00Z");
    assertThat(fmt.detail(form))
        .isEqualTo(
            "callOutcome : PROMISE ; promiseDate : 31/03/2026 ; sentAt : 02/03/2026 09:00:00");
    assertThat(fmt.detail(java.util.List.of("collectors", "supervisors")))
        .isEqualTo("collectors, supervisors");
    assertThat(fmt.detail("DOS-2026-000123")).isEqualTo("DOS-2026-000123");
  }
}

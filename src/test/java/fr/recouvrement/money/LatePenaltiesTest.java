package fr.recouvrement.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Penalty arithmetic against figures computed by hand (amount × rate × days / 365, rounded once).
 */
class LatePenaltiesTest {
  final LatePenalties published = new LatePenalties(FixedRates.published());

  @Test
  void thirtyDaysLateIn2026H1AtTheEcbRatePlusTenPoints() {
    // 1,000.00 × 12.15 % × 30 / 365 = 9.9863 → 9.99; days 2 to 31 January
    InvoiceAccount invoice = invoice("1000.00", "2026-01-01");

    assertThat(published.accrued(invoice, date("2026-01-31"))).isEqualByComparingTo("9.99");
    assertThat(published.recoveryIndemnity(invoice, date("2026-01-31")))
        .isEqualByComparingTo("40.00");
  }

  @Test
  void nothingIsOwedOnTheDueDateItselfAndTheIndemnityFromTheDayAfter() {
    InvoiceAccount invoice = invoice("1000.00", "2026-01-01");

    assertThat(published.accrued(invoice, date("2026-01-01"))).isEqualByComparingTo("0.00");
    assertThat(published.isLate(invoice, date("2026-01-01"))).isFalse();
    assertThat(published.recoveryIndemnity(invoice, date("2026-01-01"))).isEqualByComparingTo("0");
    assertThat(published.accrued(invoice, date("2026-01-02")))
        .isEqualByComparingTo("0.33"); // 1000 × 12.15 % / 365
    assertThat(published.recoveryIndemnity(invoice, date("2026-01-02")))
        .isEqualByComparingTo("40.00");
  }

  @Test
  void aDelaySpanningTwoHalfYearsTakesEachHalfYearsRate2025H2To2026H1() {
    // 31 days of December 2025 at max(2.15 + 10, 3 × 2.76) = 12.15 %, 59 days of 2026 at max(2.15 +
    // 10, 3 × 2.62) = 12.15 %
    // 2,500.00 × 12.15 % × 90 / 365 = 74.8973 → 74.90
    assertThat(published.accrued(invoice("2500.00", "2025-11-30"), date("2026-02-28")))
        .isEqualByComparingTo("74.90");
  }

  @Test
  void aDelaySpanningTwoHalfYearsWithDifferentRates2025H1To2025H2() {
    // 15 days of June at 13.15 %, 15 days of July at 12.15 %: 1,000 × (13.15 × 15 + 12.15 × 15) /
    // 36,500 = 10.397 → 10.40
    // (one rate for the whole delay would give 10.81 or 9.99)
    assertThat(published.accrued(invoice("1000.00", "2025-06-15"), date("2025-07-15")))
        .isEqualByComparingTo("10.40");
  }

  /**
   * One line per case: amount, due date, value date, contractual rate (blank: none), expected
   * penalty, how.
   */
  @ParameterizedTest(name = "{0} due {1}, paid {2}, contract {3} % → {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # L441-10 II, no contract: exactly ECB + 10 points, no floor. 2024-H1: 4.50 + 10 = 14.50 %
          # 1 Jan – 30 Jun 2024 = 31+29+31+30+31+30 = 182 days; 10,000 × 14.50 % × 182 / 365 = 723.0137 → 723.01
          10000.00 | 2023-12-31 | 2024-06-30 |      | 723.01
          # contract at 5 %: below 3 × 5.07 = 15.21 %, the floor applies: 10,000 × 15.21 % × 182 / 365 = 758.4164 → 758.42
          10000.00 | 2023-12-31 | 2024-06-30 | 5    | 758.42
          # contract at 18 %, above the floor: 10,000 × 18 % × 182 / 365 = 897.5342 → 897.53
          10000.00 | 2023-12-31 | 2024-06-30 | 18   | 897.53
          # 2024-H2, no contract: 4.25 + 10 = 14.25 % (not 3 × 4.92 = 14.76 %); 1 Jul – 30 Jul = 30 days
          # 1,000 × 14.25 % × 30 / 365 = 11.7123 → 11.71
          1000.00  | 2024-06-30 | 2024-07-30 |      | 11.71
          # 2024-H2, contract at 10 %: floor 3 × 4.92 = 14.76 %; 1,000 × 14.76 % × 30 / 365 = 12.1315 → 12.13
          1000.00  | 2024-06-30 | 2024-07-30 | 10   | 12.13
          """)
  void theStatutoryRateIsEcbPlusTenAndTheFloorLimitsOnlyAContractualRate(
      String amount, LocalDate due, LocalDate paid, BigDecimal contractual, String expected) {
    InvoiceAccount invoice =
        new InvoiceAccount(
            1,
            due,
            new BigDecimal(amount),
            List.of(Settlement.principal(paid, new BigDecimal(amount))),
            contractual,
            false,
            null);

    assertThat(published.accrued(invoice, paid)).isEqualByComparingTo(expected);
    // the payment stops it: nothing more a year later; the €40 indemnity is owed on top
    assertThat(published.accrued(invoice, paid.plusYears(1))).isEqualByComparingTo(expected);
    assertThat(published.recoveryIndemnity(invoice, paid)).isEqualByComparingTo("40.00");
  }

  @Test
  void theFloorOfThreeTimesTheLegalRateIsNotTheDefaultEvenWhenTheEcbRateIsLow() {
    // crafted: ECB 0 %, legal rate 4 %: no contract → 0 + 10 = 10 %; 1,000 × 10 % × 30 / 365 =
    // 8.219 → 8.22
    LatePenalties lowEcb =
        new LatePenalties(new FixedRates().row("2026-H1", "0.00", "7.00", "4.00"));
    assertThat(lowEcb.accrued(invoice("1000.00", "2026-01-01"), date("2026-01-31")))
        .isEqualByComparingTo("8.22");
    // a contract at 8 % is raised to 3 × 4 = 12 %: 1,000 × 12 % × 30 / 365 = 9.863 → 9.86
    InvoiceAccount contract =
        invoice("1000.00", "2026-01-01").withTerms(new BigDecimal("8"), false, null);
    assertThat(lowEcb.accrued(contract, date("2026-01-31"))).isEqualByComparingTo("9.86");
  }

  @Test
  void aPartialPaymentLowersTheBaseAfterItsDate() {
    // 400 paid on 11 January: 10 days on 1,000 (2–11 Jan), then 20 days on 600 (12–31 Jan)
    // (1,000 × 10 + 600 × 20) × 12.15 % / 365 = 7.323 → 7.32
    InvoiceAccount invoice =
        new InvoiceAccount(
            1,
            date("2026-01-01"),
            new BigDecimal("1000.00"),
            List.of(Settlement.principal(date("2026-01-11"), new BigDecimal("400.00"))));

    assertThat(published.accrued(invoice, date("2026-01-31"))).isEqualByComparingTo("7.32");
  }

  @Test
  void aFullyPaidInvoiceStopsAccruingAndAnInvoicePaidOnTimeOwesNothing() {
    InvoiceAccount paidLate =
        new InvoiceAccount(
            1,
            date("2026-01-01"),
            new BigDecimal("1000.00"),
            List.of(Settlement.principal(date("2026-01-31"), new BigDecimal("1000.00"))));
    assertThat(published.accrued(paidLate, date("2026-06-30"))).isEqualByComparingTo("9.99");
    assertThat(published.recoveryIndemnity(paidLate, date("2026-06-30")))
        .isEqualByComparingTo("40.00");

    InvoiceAccount paidOnTime =
        new InvoiceAccount(
            2,
            date("2026-01-01"),
            new BigDecimal("1000.00"),
            List.of(Settlement.principal(date("2026-01-01"), new BigDecimal("1000.00"))));
    assertThat(published.accrued(paidOnTime, date("2026-06-30"))).isEqualByComparingTo("0");
    assertThat(published.isLate(paidOnTime, date("2026-06-30"))).isFalse();
    assertThat(published.recoveryIndemnity(paidOnTime, date("2026-06-30")))
        .isEqualByComparingTo("0");
  }

  @Test
  void theSumIsRoundedOnceToTheCentHalfUp() {
    // 18.25 × 10 % × 1 / 365 = 0.005 exactly → 0.01 (half up; half even would give 0.00)
    LatePenalties tenPercent =
        new LatePenalties(new FixedRates().row("2026-H1", "0.00", "0.00", "0.00"));
    assertThat(tenPercent.accrued(invoice("18.25", "2026-01-01"), date("2026-01-02")))
        .isEqualByComparingTo("0.01");
  }

  static InvoiceAccount invoice(String amount, String due) {
    return new InvoiceAccount(1, date(due), new BigDecimal(amount), List.of());
  }

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }
}

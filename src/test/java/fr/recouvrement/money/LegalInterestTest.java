package fr.recouvrement.money;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.money.Rates.Creditor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Legal interest from the formal notice (B2C), figures computed by hand. */
class LegalInterestTest {
  final LegalInterest legal = new LegalInterest(FixedRates.published());
  final BigDecimal thousand = new BigDecimal("1000.00");

  @Test
  void aProfessionalCreditorGetsTheOtherCasesRateAndAnIndividualTheHigherOne() {
    LocalDate notice = LocalDate.parse("2026-01-15");
    LocalDate asOf = LocalDate.parse("2026-02-14"); // 30 days

    // 1,000 × 2.62 % × 30 / 365 = 2.153 → 2.15
    assertThat(legal.interest(thousand, notice, asOf, Creditor.PROFESSIONAL))
        .isEqualByComparingTo("2.15");
    // 1,000 × 6.67 % × 30 / 365 = 5.482 → 5.48
    assertThat(legal.interest(thousand, notice, asOf, Creditor.INDIVIDUAL))
        .isEqualByComparingTo("5.48");
  }

  @Test
  void nothingRunsBeforeOrOnTheDayOfTheNotice() {
    LocalDate notice = LocalDate.parse("2026-01-15");
    assertThat(legal.interest(thousand, notice, notice, Creditor.PROFESSIONAL))
        .isEqualByComparingTo("0");
    assertThat(legal.interest(thousand, notice, notice.minusDays(5), Creditor.PROFESSIONAL))
        .isEqualByComparingTo("0");
  }

  @Test
  void eachHalfYearHasItsOwnLegalRate() {
    // 30 days of December 2025 at 2.76 %, 31 days of January 2026 at 2.62 %:
    // 1,000 × (2.76 × 30 + 2.62 × 31) / 36,500 = 4.494 → 4.49
    assertThat(
            legal.interest(
                thousand,
                LocalDate.parse("2025-12-01"),
                LocalDate.parse("2026-01-31"),
                Creditor.PROFESSIONAL))
        .isEqualByComparingTo("4.49");
  }

  @Test
  void aPaymentAfterTheNoticeLowersTheBase() {
    // 500 paid on 25 January: 10 days on 1,000 then 20 days on 500 at 2.62 %: (10,000 + 10,000) ×
    // 2.62 / 36,500 = 1.436 → 1.44
    List<Settlement> paid =
        List.of(Settlement.principal(LocalDate.parse("2026-01-25"), new BigDecimal("500.00")));
    assertThat(
            legal.interest(
                thousand,
                paid,
                LocalDate.parse("2026-01-15"),
                LocalDate.parse("2026-02-14"),
                Creditor.PROFESSIONAL))
        .isEqualByComparingTo("1.44");
  }
}

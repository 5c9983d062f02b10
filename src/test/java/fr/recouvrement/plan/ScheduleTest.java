package fr.recouvrement.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 15);

  static Schedule monthly(String balance, String down, int count, LocalDate first) {
    return Schedule.compute(
        new BigDecimal(balance), new BigDecimal(down), count, first, Frequency.MONTHLY, TODAY);
  }

  @Test
  void shouldSplitToTheCentWithTheLastInstalmentAbsorbingTheRounding() {
    Schedule s = monthly("1000", "0", 3, LocalDate.of(2027, 1, 10));
    assertThat(s.instalments())
        .extracting(Schedule.Instalment::amount)
        .containsExactly(
            new BigDecimal("333.33"), new BigDecimal("333.33"), new BigDecimal("333.34"));
    assertThat(s.total()).isEqualByComparingTo("1000");
  }

  @Test
  void shouldPutTheDownPaymentFirstOnTheDayThePlanIsAgreed() {
    Schedule s = monthly("1850.00", "185.00", 4, LocalDate.of(2027, 1, 10));
    assertThat(s.instalments()).hasSize(5);
    Schedule.Instalment down = s.instalments().get(0);
    assertThat(down.kind()).isEqualTo(Schedule.Kind.DOWN_PAYMENT);
    assertThat(down.due()).isEqualTo(TODAY);
    assertThat(down.amount()).isEqualByComparingTo("185.00");
    assertThat(s.instalments().subList(1, 5))
        .extracting(Schedule.Instalment::amount)
        .containsExactly(
            new BigDecimal("416.25"),
            new BigDecimal("416.25"),
            new BigDecimal("416.25"),
            new BigDecimal("416.25"));
    assertThat(s.instalments())
        .extracting(Schedule.Instalment::number)
        .containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void shouldKeepTheDayOfMonthAndClampToTheMonthsEnd() {
    assertThat(monthly("400", "0", 4, LocalDate.of(2027, 1, 31)).instalments())
        .extracting(Schedule.Instalment::due)
        .containsExactly(
            LocalDate.of(2027, 1, 31),
            LocalDate.of(2027, 2, 28),
            LocalDate.of(2027, 3, 31),
            LocalDate.of(2027, 4, 30));
    assertThat(monthly("300", "0", 3, LocalDate.of(2028, 1, 31)).instalments())
        .extracting(Schedule.Instalment::due)
        .containsExactly(
            LocalDate.of(2028, 1, 31), LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31));
  }

  @Test
  void shouldFallDueEveryWeek() {
    Schedule s =
        Schedule.compute(
            new BigDecimal("100"),
            BigDecimal.ZERO,
            3,
            LocalDate.of(2026, 12, 28),
            Frequency.WEEKLY,
            TODAY);
    assertThat(s.instalments())
        .extracting(Schedule.Instalment::due)
        .containsExactly(
            LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 11));
    assertThat(s.instalments())
        .extracting(Schedule.Instalment::amount)
        .containsExactly(new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.34"));
  }

  @Test
  void shouldRefuseADownPaymentThatCoversTheWholeBalance() {
    assertThatThrownBy(() -> monthly("100", "100", 2, LocalDate.of(2027, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

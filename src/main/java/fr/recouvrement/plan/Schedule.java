package fr.recouvrement.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of a plan: the down payment first (due on the day the plan is agreed), then {@code
 * count} equal instalments to the cent, the last one absorbing the rounding. Monthly dates keep the
 * first date's day of month, clamped to the month's end (31 Jan → 28/29 Feb → 31 Mar).
 */
record Schedule(List<Instalment> instalments) {
  enum Kind {
    DOWN_PAYMENT,
    INSTALMENT
  }

  record Instalment(int number, Kind kind, LocalDate due, BigDecimal amount) {}

  static Schedule compute(
      BigDecimal balance,
      BigDecimal downPayment,
      int count,
      LocalDate first,
      Frequency frequency,
      LocalDate agreedOn) {
    BigDecimal total = balance.setScale(2, RoundingMode.HALF_UP);
    BigDecimal down =
        (downPayment == null ? BigDecimal.ZERO : downPayment).setScale(2, RoundingMode.HALF_UP);
    if (count < 1) {
      throw new IllegalArgumentException("A plan needs at least one instalment, not " + count);
    }
    if (down.signum() < 0 || down.compareTo(total) >= 0) {
      throw new IllegalArgumentException(
          "Down payment " + down + " must be at least 0 and less than the balance " + total);
    }
    List<Instalment> rows = new ArrayList<>();
    if (down.signum() > 0) {
      rows.add(new Instalment(1, Kind.DOWN_PAYMENT, agreedOn, down));
    }
    BigDecimal rest = total.subtract(down);
    BigDecimal each = rest.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
    for (int i = 0; i < count; i++) {
      BigDecimal amount =
          i == count - 1 ? rest.subtract(each.multiply(BigDecimal.valueOf(count - 1))) : each;
      rows.add(new Instalment(rows.size() + 1, Kind.INSTALMENT, due(first, frequency, i), amount));
    }
    return new Schedule(List.copyOf(rows));
  }

  /**
   * The i-th date (0-based) from the first: plusMonths clamps to the month's end, from the first
   * date's day.
   */
  static LocalDate due(LocalDate first, Frequency frequency, int i) {
    return frequency == Frequency.WEEKLY ? first.plusWeeks(i) : first.plusMonths(i);
  }

  BigDecimal total() {
    return instalments.stream().map(Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}

package fr.recouvrement.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * Simple interest, Actual/365, on a principal that goes down as it is paid, at the rate of each
 * half-year. Interest runs for every day after {@code start} up to and including {@code asOf}; a
 * payment stops the interest on the amount it paid after its own date (an invoice due on 1 January
 * and paid on 31 January bears 30 days). The exact sum is rounded once, to the cent, half up.
 */
final class SimpleInterest {
  private static final BigDecimal PERCENT_DAYS_PER_YEAR = BigDecimal.valueOf(36_500);

  private SimpleInterest() {}

  static BigDecimal accrue(
      BigDecimal principal,
      List<Settlement> settlements,
      LocalDate start,
      LocalDate asOf,
      Function<HalfYear, BigDecimal> ratePercent) {
    List<Settlement> byDate =
        settlements.stream().sorted((a, b) -> a.date().compareTo(b.date())).toList();
    BigDecimal sum = BigDecimal.ZERO; // Σ base × rate(%) × days, exact
    BigDecimal base = principal;
    int next = 0;
    LocalDate day = start.plusDays(1);
    while (!day.isAfter(asOf)) {
      while (next < byDate.size() && byDate.get(next).date().isBefore(day)) {
        base = base.subtract(byDate.get(next).principal());
        next++;
      }
      if (base.signum() <= 0) {
        break; // the base never goes up again
      }
      HalfYear halfYear = HalfYear.of(day);
      LocalDate end = asOf.isBefore(halfYear.lastDay()) ? asOf : halfYear.lastDay();
      if (next < byDate.size()) {
        LocalDate lastDayAtThisBase =
            byDate.get(next).date(); // the next payment lowers the base the day after
        if (lastDayAtThisBase.isBefore(end)) {
          end = lastDayAtThisBase;
        }
      }
      long days = ChronoUnit.DAYS.between(day, end) + 1;
      sum = sum.add(base.multiply(ratePercent.apply(halfYear)).multiply(BigDecimal.valueOf(days)));
      day = end.plusDays(1);
    }
    return sum.divide(PERCENT_DAYS_PER_YEAR, 2, RoundingMode.HALF_UP);
  }
}

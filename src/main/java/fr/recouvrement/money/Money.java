package fr.recouvrement.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Euro amounts: two decimals, rounded half up where rounding is needed. */
final class Money {
  static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private Money() {}

  static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }
}

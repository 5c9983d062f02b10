package fr.recouvrement.payment;

import java.math.BigDecimal;

/**
 * Euros ↔ cents, exactly: Stripe counts amounts in the currency's smallest unit (an integer of
 * cents for EUR). A euro amount with more than 2 decimals is refused rather than rounded.
 */
final class Cents {
  private Cents() {}

  static long of(BigDecimal euros) {
    if (euros == null || euros.signum() <= 0) {
      throw new IllegalArgumentException("amount must be greater than 0, was " + euros);
    }
    try {
      return euros
          .movePointRight(2)
          .setScale(0, java.math.RoundingMode.UNNECESSARY)
          .longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "amount must have at most 2 decimals, was " + euros.toPlainString(), e);
    }
  }

  static BigDecimal toEuros(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }
}

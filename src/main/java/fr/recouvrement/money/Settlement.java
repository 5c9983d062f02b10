package fr.recouvrement.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What one payment paid on one invoice, by kind, on the payment's value date: a row of {@code
 * payment_allocation} seen from the invoice.
 */
public record Settlement(
    LocalDate date,
    BigDecimal principal,
    BigDecimal penalty,
    BigDecimal indemnity,
    BigDecimal interest) {
  public Settlement {
    Objects.requireNonNull(date);
    Objects.requireNonNull(principal);
    Objects.requireNonNull(penalty);
    Objects.requireNonNull(indemnity);
    Objects.requireNonNull(interest);
  }

  public Settlement(
      LocalDate date, BigDecimal principal, BigDecimal penalty, BigDecimal indemnity) {
    this(date, principal, penalty, indemnity, BigDecimal.ZERO);
  }

  public static Settlement principal(LocalDate date, BigDecimal amount) {
    return new Settlement(date, amount, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
  }
}

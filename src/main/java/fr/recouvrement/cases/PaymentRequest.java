package fr.recouvrement.cases;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code POST /api/cases/{reference}/payments}. {@code source}: who paid, one of {@link
 * PaymentSource} (absent: the debtor).
 */
public record PaymentRequest(
    @NotNull(message = "is required")
        @Positive(message = "must be greater than 0")
        @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals")
        BigDecimal amount,
    @NotNull(message = "is required") LocalDate date,
    @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String reference,
    String source) {

  public PaymentRequest(BigDecimal amount, LocalDate date, String reference) {
    this(amount, date, reference, null);
  }

  /** The payer, or a problem naming the field. */
  PaymentSource payer() {
    if (source == null || source.isBlank()) {
      return PaymentSource.DEBTOR;
    }
    try {
      return PaymentSource.valueOf(source.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          java.util.List.of(new InvalidRequestException.FieldProblem("source", "must be one of " + java.util.Arrays.toString(PaymentSource.values()))));
    }
  }
}

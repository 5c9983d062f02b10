package fr.recouvrement.cases;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /api/cases/{reference}/payments}. {@code source}: who paid, one of {@link
 * PaymentSource} (absent: the debtor). {@code invoiceNumbers} (optional): the invoices the debtor
 * says it pays; the payment goes to them first (C. civ. 1342-10).
 */
public record PaymentRequest(
    @NotNull(message = "is required")
        @Positive(message = "must be greater than 0")
        @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals")
        BigDecimal amount,
    @NotNull(message = "is required") LocalDate date,
    @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
        String reference,
    String source,
    List<
            @NotBlank(message = "must not be blank")
            @Size(max = 64, message = "must be at most 64 characters") String>
        invoiceNumbers) {

  public PaymentRequest(BigDecimal amount, LocalDate date, String reference) {
    this(amount, date, reference, (String) null, null);
  }

  /** A payment by that payer, to no invoice in particular. */
  public PaymentRequest(BigDecimal amount, LocalDate date, String reference, String source) {
    this(amount, date, reference, source, null);
  }

  /** A debtor's payment naming the invoices it pays. */
  public PaymentRequest(
      BigDecimal amount, LocalDate date, String reference, List<String> invoiceNumbers) {
    this(amount, date, reference, null, invoiceNumbers);
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
          java.util.List.of(
              new InvalidRequestException.FieldProblem(
                  "source",
                  "must be one of " + java.util.Arrays.toString(PaymentSource.values()))));
    }
  }

  public List<String> namedInvoices() {
    return invoiceNumbers == null ? List.of() : invoiceNumbers.stream().map(String::trim).toList();
  }
}

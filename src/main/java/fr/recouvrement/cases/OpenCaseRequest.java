package fr.recouvrement.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /api/cases}, and what one CSV line of an import becomes. */
public record OpenCaseRequest(
    @NotNull(message = "is required") @Valid Debtor debtor,
    @NotEmpty(message = "must list at least one invoice")
        List<@NotNull(message = "is required") @Valid Invoice> invoices) {

  public record Debtor(
      @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
          String externalId,
      @NotBlank(message = "is required")
          @Pattern(regexp = "BUSINESS|CONSUMER", message = "must be BUSINESS or CONSUMER")
          String type,
      @NotBlank(message = "is required")
          @Size(max = 255, message = "must be at most 255 characters")
          String name,
      @Siren String siren,
      @Email(regexp = ".+@[^@]+\\.[^@]+", message = "is not a valid email address")
          @Size(max = 320, message = "must be at most 320 characters")
          String email,
      @Pattern(
              regexp = "\\+[1-9][0-9]{7,14}",
              message = "must be in international E.164 format, e.g. +33612345678")
          String phone,
      @Valid Address address,
      Boolean commercial) {

    /** Without {@code commercial}: the intake's default (see {@link #commercialOrDefault()}). */
    public Debtor(
        String externalId,
        String type,
        String name,
        String siren,
        String email,
        String phone,
        Address address) {
      this(externalId, type, name, siren, email, phone, address, null);
    }

    public DebtorType debtorType() {
      return DebtorType.valueOf(type);
    }

    /**
     * Is the debtor a trader (commerçant)? As sent, else the default: a business with a SIREN is
     * taken for one (most are companies registered to trade), a business without a SIREN is not
     * (nothing shows it is registered, and the tribunal judiciaire, the court of general
     * jurisdiction, is the safe choice), a consumer never is. A non-trading business with a SIREN
     * (SCI, association, liberal profession, farmer) must be sent with {@code false}.
     */
    public boolean commercialOrDefault() {
      return commercial != null ? commercial : defaultCommercial(type, siren);
    }

    static boolean defaultCommercial(String type, String siren) {
      return "BUSINESS".equals(type) && siren != null && !siren.isBlank();
    }
  }

  public record Address(
      @Size(max = 255, message = "must be at most 255 characters") String line1,
      @Size(max = 16, message = "must be at most 16 characters") String postalCode,
      @Size(max = 128, message = "must be at most 128 characters") String city,
      @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter ISO country code, e.g. FR")
          String country) {}

  /**
   * {@code contractualPenaltyRate}: the B2B late-penalty rate the contract sets, percent a year
   * (optional; absent = ECB + 10 points); {@code vatAmount}: the VAT included in {@code amount}
   * (optional), recoverable if the claim becomes irrecoverable (CGI 272).
   */
  public record Invoice(
      @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
          String number,
      @NotNull(message = "is required") LocalDate issueDate,
      @NotNull(message = "is required") LocalDate dueDate,
      @NotNull(message = "is required")
          @Positive(message = "must be greater than 0")
          @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals")
          BigDecimal amount,
      @DecimalMin(value = "0", message = "must not be negative")
          @DecimalMax(value = "100", message = "must be a percentage a year, at most 100")
          @Digits(integer = 3, fraction = 3, message = "must have at most 3 decimals")
          BigDecimal contractualPenaltyRate,
      @DecimalMin(value = "0", message = "must not be negative")
          @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals")
          BigDecimal vatAmount) {

    public Invoice(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal amount) {
      this(number, issueDate, dueDate, amount, null, null);
    }
  }
}

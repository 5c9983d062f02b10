package fr.recouvrement.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One row of the {@code interest-rates} decision: the figures in force for a half-year, rates in
 * percent. {@code row} is the half-year of the row actually used, which differs from {@code
 * halfYear} when the table had no row for it and the nearest one stood in.
 */
public record Rates(
    HalfYear halfYear,
    HalfYear row,
    BigDecimal ecbRate,
    BigDecimal legalRateIndividual,
    BigDecimal legalRateProfessional,
    BigDecimal penaltyMarginPoints,
    BigDecimal legalRateFloorFactor,
    BigDecimal recoveryIndemnity) {

  public Rates {
    Objects.requireNonNull(halfYear);
    Objects.requireNonNull(row);
    Objects.requireNonNull(ecbRate);
    Objects.requireNonNull(legalRateIndividual);
    Objects.requireNonNull(legalRateProfessional);
    Objects.requireNonNull(penaltyMarginPoints);
    Objects.requireNonNull(legalRateFloorFactor);
    Objects.requireNonNull(recoveryIndemnity);
  }

  /**
   * The statutory B2B late-penalty rate in percent (C. com. L441-10 II), when the contract sets
   * none: exactly the ECB rate of the half-year plus the margin. The floor of 3 × the legal rate
   * limits a contractual rate only, never this one.
   */
  public BigDecimal latePenaltyRate() {
    return ecbRate.add(penaltyMarginPoints);
  }

  /**
   * The B2B late-penalty rate in percent for an invoice whose contract sets {@code contractualRate}
   * (null: none): the contractual rate, but never below the floor factor times the legal interest
   * rate of the half-year for a professional creditor (C. com. L441-10 II); without one, {@link
   * #latePenaltyRate()}.
   */
  public BigDecimal latePenaltyRate(BigDecimal contractualRate) {
    if (contractualRate == null) {
      return latePenaltyRate();
    }
    return contractualRate.max(contractualRateFloor());
  }

  /** The lowest rate a contract may set: floor factor × legal rate "autres cas" (L441-10 II). */
  public BigDecimal contractualRateFloor() {
    return legalRateFloorFactor.multiply(legalRateProfessional);
  }

  /** Whether these figures are the half-year's own row, not a stand-in for a missing one. */
  public boolean confirmed() {
    return halfYear.equals(row);
  }

  /** The legal interest rate in percent for a creditor of that kind (C. mon. fin. L313-2). */
  public BigDecimal legalRate(Creditor creditor) {
    return creditor == Creditor.INDIVIDUAL ? legalRateIndividual : legalRateProfessional;
  }

  /** The same figures standing in for another half-year (the table lacks a row for it). */
  Rates standingInFor(HalfYear other) {
    return new Rates(
        other,
        row,
        ecbRate,
        legalRateIndividual,
        legalRateProfessional,
        penaltyMarginPoints,
        legalRateFloorFactor,
        recoveryIndemnity);
  }

  /** Who is owed the money, which picks the legal interest rate. */
  public enum Creditor {
    /** A natural person not acting for professional needs: the higher rate. */
    INDIVIDUAL,
    /** Every other case (a company, a professional): the lower rate. */
    PROFESSIONAL
  }
}

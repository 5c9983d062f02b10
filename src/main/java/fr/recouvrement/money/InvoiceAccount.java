package fr.recouvrement.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One invoice and everything paid on it so far: what the money rules need to know about it. {@code
 * contractualPenaltyRate}: the B2B penalty rate the contract sets (percent, null: the statutory
 * one); {@code disputed}: under an open dispute; {@code chargesWaived}: penalties or interest the
 * creditor gave up (a kept payment plan whose terms waive them).
 */
public record InvoiceAccount(
    long invoiceId,
    LocalDate dueDate,
    BigDecimal amount,
    List<Settlement> settlements,
    BigDecimal contractualPenaltyRate,
    boolean disputed,
    BigDecimal chargesWaived) {
  static final Comparator<InvoiceAccount> OLDEST_FIRST =
      Comparator.comparing(InvoiceAccount::dueDate).thenComparingLong(InvoiceAccount::invoiceId);

  public InvoiceAccount {
    settlements = settlements.stream().sorted(Comparator.comparing(Settlement::date)).toList();
    chargesWaived = chargesWaived == null ? BigDecimal.ZERO : chargesWaived;
  }

  /** An undisputed invoice at the statutory rate, nothing waived. */
  public InvoiceAccount(
      long invoiceId, LocalDate dueDate, BigDecimal amount, List<Settlement> settlements) {
    this(invoiceId, dueDate, amount, settlements, null, false, BigDecimal.ZERO);
  }

  public InvoiceAccount withTerms(
      BigDecimal contractualRate, boolean isDisputed, BigDecimal waived) {
    return new InvoiceAccount(
        invoiceId, dueDate, amount, settlements, contractualRate, isDisputed, waived);
  }

  /**
   * The account of an invoice whose paid principal is {@code principalPaid}. Principal paid before
   * allocations were recorded (rows written before the money rules existed) has no date: it is
   * taken as paid on the due date, so it never bears a penalty — the reading that never
   * overcharges.
   */
  public static InvoiceAccount of(
      long invoiceId,
      LocalDate dueDate,
      BigDecimal amount,
      BigDecimal principalPaid,
      List<Settlement> settlements) {
    BigDecimal recorded = sum(settlements, Settlement::principal);
    BigDecimal undated = principalPaid.subtract(recorded);
    if (undated.signum() <= 0) {
      return new InvoiceAccount(invoiceId, dueDate, amount, settlements);
    }
    List<Settlement> all = new ArrayList<>(settlements);
    all.add(Settlement.principal(dueDate, undated));
    return new InvoiceAccount(invoiceId, dueDate, amount, all);
  }

  public BigDecimal principalPaid() {
    return sum(settlements, Settlement::principal);
  }

  public BigDecimal penaltyPaid() {
    return sum(settlements, Settlement::penalty);
  }

  public BigDecimal interestPaid() {
    return sum(settlements, Settlement::interest);
  }

  public BigDecimal indemnityPaid() {
    return sum(settlements, Settlement::indemnity);
  }

  public BigDecimal principalOutstanding() {
    return amount.subtract(principalPaid()).max(BigDecimal.ZERO);
  }

  /**
   * The principal still unpaid during {@code day}: payments count from the day after their date.
   */
  BigDecimal principalOutstandingDuring(LocalDate day) {
    BigDecimal paidBefore =
        settlements.stream()
            .filter(s -> s.date().isBefore(day))
            .map(Settlement::principal)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return amount.subtract(paidBefore).max(BigDecimal.ZERO);
  }

  private static BigDecimal sum(
      List<Settlement> settlements, Function<Settlement, BigDecimal> part) {
    return settlements.stream().map(part).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}

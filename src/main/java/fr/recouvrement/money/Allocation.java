package fr.recouvrement.money;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a payment was spread over a case's invoices, and what was left over. {@code ratesVersion}
 * names the rate table the penalties were computed with, so an auditor can replay it.
 */
public record Allocation(List<Part> parts, BigDecimal unallocated, String ratesVersion) {

  /**
   * What the payment paid on one invoice, by kind; {@code interest}: a consumer's legal interest.
   */
  public record Part(
      long invoiceId,
      BigDecimal principal,
      BigDecimal penalty,
      BigDecimal indemnity,
      BigDecimal interest) {
    public Part(long invoiceId, BigDecimal principal, BigDecimal penalty, BigDecimal indemnity) {
      this(invoiceId, principal, penalty, indemnity, Money.ZERO);
    }

    public BigDecimal total() {
      return principal.add(penalty).add(indemnity).add(interest);
    }
  }
}

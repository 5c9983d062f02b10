package fr.recouvrement.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Rows of our own tables, as the repository reads them. */
final class CaseRecords {
  private CaseRecords() {}

  record DebtorRow(
      long id,
      String externalId,
      DebtorType type,
      String name,
      String siren,
      String email,
      String phone,
      String addressLine1,
      String postalCode,
      String city,
      String country,
      boolean commercial) {}

  record CaseRow(
      long id,
      String reference,
      long debtorId,
      CaseStatus status,
      String segment,
      String processInstanceId,
      Instant openedAt,
      Instant closedAt,
      String closingReason,
      LocalDate prescriptionDate,
      // consumers: the formal notice's date, from which legal interest runs
      LocalDate legalInterestFrom,
      // the case whose declared or titled claims this one's later invoices must not mix with
      Long followsCaseId) {}

  /** {@code creditedAmount}: cancelled by credit notes (avoirs) after a dispute; no longer owed. */
  record InvoiceRow(
      long id,
      long caseId,
      String number,
      LocalDate issueDate,
      LocalDate dueDate,
      BigDecimal amount,
      BigDecimal paidAmount,
      BigDecimal creditedAmount,
      // percent a year agreed in the contract (B2B), null: ECB + 10 points
      BigDecimal contractualPenaltyRate,
      BigDecimal vatAmount,
      BigDecimal chargesWaived) {
    /** What the debtor owes on it: the amount after credit notes. */
    BigDecimal due() {
      return amount.subtract(creditedAmount);
    }

    BigDecimal outstanding() {
      return due().subtract(paidAmount);
    }
  }

  record PromiseRow(
      LocalDate promisedOn,
      BigDecimal amount,
      String status,
      Instant recordedAt,
      String recordedBy) {}

  record PaymentRow(
      long id,
      String reference,
      BigDecimal amount,
      BigDecimal unallocated,
      LocalDate paidOn,
      Instant recordedAt,
      String recordedBy,
      PaymentSource source) {}

  /** A line of the listing with the case's id, which the summary does not show. */
  /**
   * {@code legalInterestFrom}: a consumer's formal notice, from which legal interest runs (null
   * otherwise).
   */
  record ListedCase(long id, CaseView.Summary summary, LocalDate legalInterestFrom) {}

  record Listing(List<ListedCase> rows, long total) {}
}

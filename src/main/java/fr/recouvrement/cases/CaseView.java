package fr.recouvrement.cases;

import fr.recouvrement.money.AmountPursued;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as the API shows it. {@code principal} is the unpaid invoice amounts, {@code penalties}
 * the late penalties and recovery indemnities owed on them (B2B only), {@code legalInterest} the
 * legal interest a consumer owes since the formal notice of {@code legalInterestFrom} (zero and
 * null otherwise), {@code balance} their sum. {@code prescriptionDate} is the last day the claim
 * can be acted on (prescribed from the next day), null when nothing is owed. {@code amountPursued}
 * is what a formal notice, a court claim or a bailiff would claim today: the due, undisputed
 * invoices with their charges, invoice by invoice, and the unpaid ones left out with the reason.
 */
public record CaseView(
    String reference,
    CaseStatus status,
    String segment,
    BigDecimal balance,
    BigDecimal principal,
    BigDecimal penalties,
    Debtor debtor,
    List<Invoice> invoices,
    List<Payment> payments,
    List<Promise> promises,
    String processInstanceId,
    NextAction nextAction,
    Instant openedAt,
    Instant closedAt,
    String closingReason,
    LocalDate prescriptionDate,
    BigDecimal legalInterest,
    LocalDate legalInterestFrom,
    AmountPursued.Statement amountPursued) {

  public record Debtor(
      String externalId, DebtorType type, String name, String siren, String email, String phone, Address address) {}

  public record Address(String line1, String postalCode, String city, String country) {}

  /**
   * One invoice: {@code outstanding} is unpaid principal; for a BUSINESS debtor {@code latePenalty}
   * (pénalités de retard, L441-10) and {@code recoveryIndemnity} (the €40 of D441-5) are still
   * owed on top; both are always zero for a consumer. {@code credited} is the part cancelled by
   * credit notes after a dispute. {@code disputed}: under an open dispute, so reminders must not
   * chase it until the dispute is resolved.
   */
  public record Invoice(
      String number,
      LocalDate issueDate,
      LocalDate dueDate,
      BigDecimal amount,
      BigDecimal paid,
      BigDecimal credited,
      BigDecimal outstanding,
      BigDecimal latePenalty,
      BigDecimal recoveryIndemnity,
      boolean disputed) {
    /** Principal, penalty and indemnity still owed on this invoice. */
    public BigDecimal owed() {
      return outstanding.add(latePenalty).add(recoveryIndemnity);
    }
  }

  /** The invoices reminders may chase: those not under an open dispute. */
  public List<Invoice> undisputedInvoices() {
    return invoices.stream().filter(i -> !i.disputed()).toList();
  }

  /**
   * The balance reminders may chase: {@link #balance} less what is owed on disputed invoices — the
   * amount pursued and the invoices not yet due, a consumer's legal interest included, so that the
   * cadence and the reminder it sends work on the same figure.
   */
  public BigDecimal undisputedBalance() {
    return amountPursued.total()
        .add(
            amountPursued.leftOut().stream()
                .filter(o -> o.reason() == AmountPursued.Reason.NOT_DUE)
                .map(AmountPursued.LeftOut::owed)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  public record Payment(
      String reference, BigDecimal amount, BigDecimal unallocated, LocalDate date, Instant recordedAt, String recordedBy) {}

  /**
   * A promise to pay taken during a call: PENDING until its check date (the promised day plus the
   * grace days of the model), then KEPT when the payments since reach the amount, else BROKEN.
   */
  public record Promise(LocalDate date, BigDecimal amount, PromiseStatus status, Instant recordedAt, String recordedBy) {}

  public enum PromiseStatus {
    PENDING,
    KEPT,
    BROKEN
  }

  public record NextAction(String what, LocalDate due) {}

  /** A line of {@code GET /api/cases}: no invoice or payment lists. */
  public record Summary(
      String reference,
      CaseStatus status,
      String segment,
      String debtorExternalId,
      String debtorName,
      DebtorType debtorType,
      BigDecimal balance,
      Instant openedAt,
      Instant closedAt) {}

  public record Page(List<Summary> items, int page, int size, long total) {}
}

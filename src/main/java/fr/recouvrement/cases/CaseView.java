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
 * can be acted on (prescribed from the next day), null when nothing is owed. {@code
 * chargesStoppedOn}: the opening judgment of a procédure collective, after which no penalty accrues
 * (C. com. L622-28); the figures are those of that day less what was paid since. {@code
 * followsCase}: the case whose claims were declared or titled when this one was opened for the
 * debtor's later invoices. {@code amountPursued} is what a formal notice, a court claim or a
 * bailiff would claim today: the due, undisputed invoices with their charges, invoice by invoice,
 * and the unpaid ones left out with the reason (null on a view built without it).
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
    LocalDate chargesStoppedOn,
    String followsCase,
    List<String> ratesToConfirm,
    List<RecoverableVat> recoverableVat,
    AmountPursued.Statement amountPursued) {

  /**
   * The VAT recorded as recoverable when the claim became irrecoverable (write-off, liquidation),
   * per invoice: the unpaid amount (VAT included) and its VAT, for the corrective invoice (CGI
   * 272).
   */
  public record RecoverableVat(
      String invoiceNumber,
      BigDecimal unpaid,
      BigDecimal vat,
      LocalDate recordedOn,
      String reason) {}

  /**
   * {@code ratesToConfirm}: the half-years ("2026-H2") whose rates a figure of this case used while
   * the {@code interest-rates} table has no row for them: the figure stands on the nearest row
   * until an analyst adds it. Empty when every figure is confirmed.
   */
  public CaseView {
    ratesToConfirm = ratesToConfirm == null ? List.of() : List.copyOf(ratesToConfirm);
    recoverableVat = recoverableVat == null ? List.of() : List.copyOf(recoverableVat);
  }

  /** A case under no procédure collective and following no other case. */
  public CaseView(
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
      LocalDate legalInterestFrom) {
    this(
        reference,
        status,
        segment,
        balance,
        principal,
        penalties,
        debtor,
        invoices,
        payments,
        promises,
        processInstanceId,
        nextAction,
        openedAt,
        closedAt,
        closingReason,
        prescriptionDate,
        legalInterest,
        legalInterestFrom,
        (AmountPursued.Statement) null);
  }

  /** A case under no procédure collective and following no other case, with its amount pursued. */
  public CaseView(
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
    this(
        reference,
        status,
        segment,
        balance,
        principal,
        penalties,
        debtor,
        invoices,
        payments,
        promises,
        processInstanceId,
        nextAction,
        openedAt,
        closedAt,
        closingReason,
        prescriptionDate,
        legalInterest,
        legalInterestFrom,
        null,
        null,
        List.of(),
        List.of(),
        amountPursued);
  }

  /**
   * {@code commercial}: the debtor is a trader (commerçant); decides the court of an order to pay.
   */
  @io.swagger.v3.oas.annotations.media.Schema(
      name = "CaseDebtor",
      description = "The debtor as the case shows it")
  public record Debtor(
      String externalId,
      DebtorType type,
      String name,
      String siren,
      String email,
      String phone,
      Address address,
      boolean commercial) {
    /**
     * A debtor with the intake's default for {@code commercial} (a business with a SIREN is a
     * trader).
     */
    public Debtor(
        String externalId,
        DebtorType type,
        String name,
        String siren,
        String email,
        String phone,
        Address address) {
      this(
          externalId,
          type,
          name,
          siren,
          email,
          phone,
          address,
          OpenCaseRequest.Debtor.defaultCommercial(type == null ? null : type.name(), siren));
    }
  }

  @io.swagger.v3.oas.annotations.media.Schema(name = "CaseAddress")
  public record Address(String line1, String postalCode, String city, String country) {}

  /**
   * One invoice: {@code outstanding} is unpaid principal; for a BUSINESS debtor {@code latePenalty}
   * (pénalités de retard, L441-10) and {@code recoveryIndemnity} (the €40 of D441-5) are still owed
   * on top; both are always zero for a consumer. {@code credited} is the part cancelled by credit
   * notes after a dispute. {@code disputed}: under an open dispute, so reminders must not chase it
   * until the dispute is resolved. {@code prescriptionDate}: the last day this invoice's claim can
   * be acted on, set by {@code prescriptionAct} (a {@code fr.recouvrement.legal.PrescriptionAct}
   * code, {@code prescriptionActLabel} in French); the date is null while a court claim interrupts
   * it (until the proceedings end) and both are null once nothing is owed on the invoice. {@code
   * contractualPenaltyRate} (percent a year) and {@code vatAmount} are null when the creditor gave
   * none.
   */
  @io.swagger.v3.oas.annotations.media.Schema(
      name = "CaseInvoice",
      description = "An invoice of the case with what it owes today")
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
      boolean disputed,
      LocalDate prescriptionDate,
      String prescriptionAct,
      String prescriptionActLabel,
      BigDecimal contractualPenaltyRate,
      BigDecimal vatAmount) {
    /** An invoice whose prescription is not known here (letters, tests). */
    public Invoice(
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
      this(
          number,
          issueDate,
          dueDate,
          amount,
          paid,
          credited,
          outstanding,
          latePenalty,
          recoveryIndemnity,
          disputed,
          null,
          null,
          null,
          null,
          null);
    }

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
    if (amountPursued
        == null) { // a view built without it: principal and B2B charges of the undisputed invoices
      return invoices.stream()
          .filter(i -> !i.disputed())
          .map(Invoice::owed)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
    return undisputed(amountPursued);
  }

  /** The amount pursued and the invoices not yet due: what reminders may chase. */
  static BigDecimal undisputed(AmountPursued.Statement amountPursued) {
    return amountPursued
        .total()
        .add(
            amountPursued.leftOut().stream()
                .filter(o -> o.reason() == AmountPursued.Reason.NOT_DUE)
                .map(AmountPursued.LeftOut::owed)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  /** {@code source}: who paid (DEBTOR, MANDATAIRE, PLAN, GUARANTOR). */
  public record Payment(
      String reference,
      BigDecimal amount,
      BigDecimal unallocated,
      LocalDate date,
      Instant recordedAt,
      String recordedBy,
      PaymentSource source) {}

  /**
   * A promise to pay taken during a call: PENDING until its check date (the promised day plus the
   * grace days of the model), then KEPT when the payments since reach the amount, else BROKEN.
   */
  public record Promise(
      LocalDate date,
      BigDecimal amount,
      PromiseStatus status,
      Instant recordedAt,
      String recordedBy) {}

  public enum PromiseStatus {
    PENDING,
    KEPT,
    BROKEN
  }

  public record NextAction(String what, LocalDate due) {}

  /** A line of {@code GET /api/cases}: no invoice or payment lists. */
  /**
   * A line of the case list; {@code oldestUnpaidDue}: the due date of its oldest unpaid invoice
   * (null when none).
   */
  public record Summary(
      String reference,
      CaseStatus status,
      String segment,
      String debtorExternalId,
      String debtorName,
      DebtorType debtorType,
      BigDecimal balance,
      Instant openedAt,
      Instant closedAt,
      LocalDate oldestUnpaidDue) {
    public Summary(
        String reference,
        CaseStatus status,
        String segment,
        String debtorExternalId,
        String debtorName,
        DebtorType debtorType,
        BigDecimal balance,
        Instant openedAt,
        Instant closedAt) {
      this(
          reference,
          status,
          segment,
          debtorExternalId,
          debtorName,
          debtorType,
          balance,
          openedAt,
          closedAt,
          null);
    }

    /**
     * Days since the oldest unpaid invoice fell due, on that day; 0 when nothing unpaid is overdue.
     */
    public long daysOverdue(LocalDate today) {
      return oldestUnpaidDue == null || !oldestUnpaidDue.isBefore(today)
          ? 0
          : java.time.temporal.ChronoUnit.DAYS.between(oldestUnpaidDue, today);
    }
  }

  /**
   * How the case list is ordered: the most recent first, the largest balance first, or the longest
   * overdue first.
   */
  public enum Sort {
    RECENT,
    BALANCE,
    OVERDUE
  }

  public record Page(List<Summary> items, int page, int size, long total) {}
}

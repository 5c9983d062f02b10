package fr.recouvrement.cases;

import fr.recouvrement.cases.CaseRecords.CaseRow;
import fr.recouvrement.cases.CaseRecords.DebtorRow;
import fr.recouvrement.cases.CaseRecords.InvoiceRow;
import fr.recouvrement.cases.CaseRecords.ListedCase;
import fr.recouvrement.cases.CaseRecords.Listing;
import fr.recouvrement.cases.CaseRecords.PaymentRow;
import fr.recouvrement.legal.PrescriptionService;
import fr.recouvrement.legal.notice.NoticeLines;
import fr.recouvrement.money.Allocation;
import fr.recouvrement.money.AmountPursued;
import fr.recouvrement.money.CaseBalance;
import fr.recouvrement.money.InterestRates;
import fr.recouvrement.money.InvoiceAccount;
import fr.recouvrement.money.Ledger;
import fr.recouvrement.money.NoticedInvoice;
import fr.recouvrement.money.PaymentAllocations;
import fr.recouvrement.money.Settlement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens cases, adds invoices, records payments. Each operation writes our rows and moves the
 * process in one transaction: if either fails, neither happened.
 */
@Service("collectionCaseService") // "caseService" is Camunda's CMMN service bean
public class CaseService {
  public static final String PROCESS_KEY = "collection-case";
  public static final String MESSAGE_PAYMENT_RECEIVED = "PaymentReceived";
  public static final String MESSAGE_INVOICE_ADDED = "InvoiceAdded";
  private static final Logger log = LoggerFactory.getLogger(CaseService.class);

  private final CaseRepository repository;
  private final CaseRequestValidator validator;
  private final RuntimeService runtimeService;
  private final TransactionTemplate tx;
  private final NextActionResolver nextActions;
  private final InterestRates interestRates;
  private final PaymentAllocations allocations;
  private final PrescriptionService prescription;
  private final NoticeLines noticeLines;

  CaseService(
      CaseRepository repository,
      CaseRequestValidator validator,
      RuntimeService runtimeService,
      TransactionTemplate tx,
      NextActionResolver nextActions,
      InterestRates interestRates,
      PaymentAllocations allocations,
      PrescriptionService prescription,
      NoticeLines noticeLines) {
    this.repository = repository;
    this.validator = validator;
    this.runtimeService = runtimeService;
    this.tx = tx;
    this.nextActions = nextActions;
    this.interestRates = interestRates;
    this.allocations = allocations;
    this.prescription = prescription;
    this.noticeLines = noticeLines;
  }

  /** What opening did: a new case, or invoices added to the debtor's open case. */
  public record Opened(String reference, boolean created, int invoicesAdded) {}

  public record Recorded(CaseView view, boolean duplicate) {}

  /**
   * Opens a case for the debtor, or adds the invoices to its open case. Retried once when a
   * concurrent request opened the same debtor's case first.
   */
  public Opened open(OpenCaseRequest request, String actor) {
    validator.check(request);
    try {
      return tx.execute(status -> openValidated(request, actor));
    } catch (DuplicateKeyException raceLost) {
      log.debug("Concurrent opening for debtor {}, retrying", request.debtor().externalId());
      return tx.execute(status -> openValidated(request, actor));
    }
  }

  /** Opens or extends several cases in one transaction (a chunk of an import). */
  List<Opened> openAll(List<OpenCaseRequest> requests, String actor) {
    return tx.execute(
        status -> {
          List<Opened> result = new ArrayList<>(requests.size());
          for (OpenCaseRequest r : requests) {
            result.add(openValidated(r, actor));
          }
          return result;
        });
  }

  private Opened openValidated(OpenCaseRequest request, String actor) {
    Instant now = CaseClock.now();
    OpenCaseRequest.Debtor d = request.debtor();
    long debtorId;
    Optional<DebtorRow> known = repository.findDebtorByExternalId(d.externalId().trim());
    if (known.isPresent()) {
      if (known.get().type() != d.debtorType()) {
        throw new CaseConflictException(
            "Debtor %s is recorded as %s and cannot become %s"
                .formatted(d.externalId(), known.get().type(), d.debtorType()));
      }
      debtorId = known.get().id();
      repository.updateDebtor(debtorId, d, now);
    } else {
      debtorId = repository.insertDebtor(d, now);
    }

    List<String> numbers = request.invoices().stream().map(i -> i.number().trim()).toList();
    Map<String, InvoiceRow> recorded = repository.invoicesOfDebtor(debtorId, numbers);
    List<OpenCaseRequest.Invoice> fresh = new ArrayList<>();
    for (OpenCaseRequest.Invoice invoice : request.invoices()) {
      InvoiceRow same = recorded.get(invoice.number().trim());
      if (same == null) {
        fresh.add(invoice);
      } else if (same.amount().compareTo(invoice.amount()) != 0
          || !same.dueDate().equals(invoice.dueDate())
          || !same.issueDate().equals(invoice.issueDate())) {
        throw new CaseConflictException(
            "Invoice %s is already recorded for debtor %s with amount %s, issued %s, due %s"
                .formatted(same.number(), d.externalId(), same.amount(), same.issueDate(), same.dueDate()));
      }
    }

    Optional<CaseRow> open = repository.findOpenCaseOfDebtor(debtorId);
    if (open.isPresent()) {
      repository.insertInvoices(open.get().id(), debtorId, fresh, now);
      if (!fresh.isEmpty()) {
        // a newer invoice never makes the case prescribe earlier, but a case with nothing unpaid left had no date
        prescription.refresh(open.get().id());
        // the strategy re-evaluates the debtor's segment with the new amount
        runtimeService.createMessageCorrelation(MESSAGE_INVOICE_ADDED).processInstanceId(open.get().processInstanceId()).correlateAll();
      }
      return new Opened(open.get().reference(), false, fresh.size());
    }
    if (fresh.isEmpty()) {
      // every invoice is known and its case is closed: nothing to reopen
      long caseId = recorded.values().iterator().next().caseId();
      return new Opened(repository.findCase(caseId).reference(), false, 0);
    }

    String reference = repository.nextReference(Year.from(CaseClock.today()));
    long caseId = repository.insertCase(reference, debtorId, now, actor);
    repository.insertInvoices(caseId, debtorId, fresh, now);
    // invoices already late carry their B2B charges from the start; nothing is paid yet, and the
    // accounts are built from the request (numbered in order) so an import adds no query per case
    List<InvoiceAccount> unpaid = new ArrayList<>();
    for (OpenCaseRequest.Invoice i : fresh) {
      unpaid.add(new InvoiceAccount(unpaid.size(), i.dueDate(), i.amount(), List.of()));
    }
    BigDecimal balance =
        new Ledger(interestRates.current()).balance(d.debtorType() == DebtorType.BUSINESS, unpaid, CaseClock.today()).total();
    VariableMap variables =
        Variables.createVariables()
            .putValue("caseReference", reference)
            .putValue("debtorType", d.debtorType().name())
            .putValue("balance", balance.doubleValue())
            .putValue("openedBy", actor);
    // the process starts with its prescription timers' dates (no instance to update yet)
    prescription.refresh(caseId).ifPresent(date -> variables.putAll(PrescriptionService.timerVariables(date)));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, reference, variables);
    repository.setProcessInstance(caseId, instance.getId());
    return new Opened(reference, true, fresh.size());
  }

  /**
   * Records a payment, allocates it to the oldest invoices first and tells the case process. A
   * payment reference already recorded is not counted twice.
   */
  public Recorded recordPayment(String reference, PaymentRequest payment, String actor) {
    return tx.execute(
        status -> {
          CaseRow c = repository.lockCase(reference).orElseThrow(() -> new CaseNotFoundException(reference));
          String paymentRef = payment.reference().trim();
          Optional<PaymentRow> same = repository.findPayment(c.id(), paymentRef);
          if (same.isPresent()) {
            if (same.get().amount().compareTo(payment.amount()) != 0 || !same.get().paidOn().equals(payment.date())) {
              throw new CaseConflictException(
                  "Payment %s is already recorded on case %s with amount %s on %s"
                      .formatted(paymentRef, reference, same.get().amount(), same.get().paidOn()));
            }
            return new Recorded(view(c), true);
          }
          if (c.status().isClosed()) {
            throw new CaseConflictException(
                "Case %s is closed (%s): record this payment against the debtor's open case or refund it"
                    .formatted(reference, c.status()));
          }
          if (payment.date().isAfter(CaseClock.today())) {
            throw new InvalidRequestException(
                List.of(new InvalidRequestException.FieldProblem("date", "must not be in the future")));
          }
          boolean professional = repository.findDebtor(c.debtorId()).type() == DebtorType.BUSINESS;
          Ledger ledger = new Ledger(interestRates.current());
          List<InvoiceRow> invoices = repository.invoicesOfCase(c.id());
          Allocation allocation =
              ledger.allocate(professional, accounts(invoices, settlementsOf(c.id())), payment.amount(), payment.date());
          Map<Long, InvoiceRow> byId = invoices.stream().collect(Collectors.toMap(InvoiceRow::id, Function.identity()));
          for (Allocation.Part part : allocation.parts()) {
            if (part.principal().signum() > 0) {
              InvoiceRow invoice = byId.get(part.invoiceId());
              repository.setPaidAmount(invoice.id(), invoice.paidAmount().add(part.principal()));
            }
          }
          long paymentId =
              repository.insertPayment(
                  c.id(), paymentRef, payment.amount(), allocation.unallocated(), payment.date(), actor, CaseClock.now());
          allocations.record(paymentId, allocation);
          // a payment acknowledges the debt it pays (C. civ. 2240): prescription restarts for those invoices
          prescription.refresh(c.id());
          List<InvoiceAccount> after = accounts(repository.invoicesOfCase(c.id()), settlementsOf(c.id()));
          BigDecimal balance =
              ledger
                  .balance(professional, after, CaseClock.today(), noticed(c.id(), c.legalInterestFrom(), after), unallocated(repository.paymentsOfCase(c.id())))
                  .total();
          Map<String, Object> facts =
              Map.of(
                  "balance", balance.doubleValue(),
                  "fullyPaid", balance.signum() == 0,
                  "lastPaymentAmount", payment.amount().doubleValue(),
                  "lastPaymentDate", payment.date().toString());
          boolean heard =
              !runtimeService
                  .createMessageCorrelation(MESSAGE_PAYMENT_RECEIVED)
                  .processInstanceId(c.processInstanceId())
                  .setVariables(facts)
                  .correlateAllWithResult()
                  .isEmpty();
          if (!heard) {
            settleWithoutTheProcess(c, balance, facts);
          }
          return new Recorded(view(repository.findCase(c.id())), false);
        });
  }

  /**
   * Called by the write-off process once a supervisor confirmed it: the case ends as WRITTEN_OFF
   * with the reason, and the debtor may have a new case later.
   */
  public void closeAsWrittenOff(String reference, String reason) {
    repository.close(reference, CaseStatus.WRITTEN_OFF, reason, CaseClock.now());
  }

  /**
   * A payment arrived while the case process was at a step that does not listen for payments (a
   * supervisor confirming a write-off, say). The payment is kept all the same; the process sees the
   * new balance, and a payment that settles everything closes the case and ends its process.
   */
  private void settleWithoutTheProcess(CaseRow c, BigDecimal balance, Map<String, Object> facts) {
    boolean running =
        c.processInstanceId() != null
            && runtimeService.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).count() > 0;
    if (running) {
      runtimeService.setVariables(c.processInstanceId(), facts);
    }
    if (balance.signum() == 0) {
      log.info("Case {} settled by a payment its process was not waiting for: closed as PAID", c.reference());
      closeAsPaid(c.reference());
      if (running) {
        runtimeService.deleteProcessInstance(c.processInstanceId(), "Dossier soldé par un paiement reçu hors attente du processus");
      }
    }
  }

  /**
   * A formal notice was sent to the debtor on {@code noticeDate}: for a consumer, legal interest
   * runs from that date (C. civ. 1231-6, 1344-1); the first notice counts, a later one does not move
   * it. A professional owes late penalties instead: nothing changes. Returns whether it started now.
   */
  public boolean startLegalInterest(String reference, LocalDate noticeDate) {
    CaseRow c = repository.findCase(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    if (repository.findDebtor(c.debtorId()).type() == DebtorType.BUSINESS) {
      return false;
    }
    return repository.startLegalInterest(c.id(), noticeDate);
  }

  /** Called by the process when the balance is settled. */
  void closeAsPaid(String reference) {
    repository.close(reference, CaseStatus.PAID, "Solde réglé", CaseClock.now());
  }

  /**
   * What reminders may chase now: the balance less what is owed on invoices under an open dispute
   * (principal and, for a professional, their penalties).
   */
  public BigDecimal undisputedBalance(String reference) {
    return view(repository.findCase(reference).orElseThrow(() -> new CaseNotFoundException(reference)), false)
        .undisputedBalance();
  }

  public CaseView get(String reference) {
    return view(repository.findCase(reference).orElseThrow(() -> new CaseNotFoundException(reference)));
  }

  /** What the debtor owes now (principal and, for a professional, penalties), as the process sees it. */
  public BigDecimal balance(String reference) {
    return view(repository.findCase(reference).orElseThrow(() -> new CaseNotFoundException(reference)), false).balance();
  }

  /**
   * A page of cases. Each balance includes the B2B charges, computed for the whole page with two
   * queries (its invoices, their allocations), not one per line.
   */
  public CaseView.Page list(CaseStatus status, String segment, int page, int size) {
    Listing listing = repository.listCases(status, segment, page, size);
    // the listing's balance is principal only: a professional adds penalties and indemnities, a
    // consumer under formal notice legal interest, computed as the case view computes them
    List<Long> charged =
        listing.rows().stream()
            .filter(r -> r.summary().debtorType() == DebtorType.BUSINESS || r.legalInterestFrom() != null)
            .map(ListedCase::id)
            .toList();
    Map<Long, List<InvoiceRow>> invoicesByCase =
        repository.invoicesOfCases(charged).stream().collect(Collectors.groupingBy(InvoiceRow::caseId));
    Map<Long, List<Settlement>> settlements = allocations.settlementsOfCases(charged);
    Ledger ledger = charged.isEmpty() ? null : new Ledger(interestRates.current());
    List<CaseView.Summary> items =
        listing.rows().stream()
            .map(r -> {
              CaseView.Summary s = r.summary();
              boolean professional = s.debtorType() == DebtorType.BUSINESS;
              if (!professional && r.legalInterestFrom() == null) {
                return s;
              }
              List<InvoiceAccount> accounts = accounts(invoicesByCase.getOrDefault(r.id(), List.of()), settlements);
              BigDecimal balance =
                  professional
                      ? ledger.balance(true, accounts, asOf(s.closedAt())).total()
                      : ledger
                          .balance(
                              false,
                              accounts,
                              asOf(s.closedAt()),
                              noticed(r.id(), r.legalInterestFrom(), accounts),
                              unallocated(repository.paymentsOfCase(r.id())))
                          .total();
              return new CaseView.Summary(
                  s.reference(), s.status(), s.segment(), s.debtorExternalId(), s.debtorName(), s.debtorType(), balance,
                  s.openedAt(), s.closedAt());
            })
            .toList();
    return new CaseView.Page(items, page, size, listing.total());
  }


  private CaseView view(CaseRow c) {
    return view(c, true);
  }

  private CaseView view(CaseRow c, boolean withNextAction) {
    DebtorRow d = repository.findDebtor(c.debtorId());
    List<InvoiceRow> invoices = repository.invoicesOfCase(c.id());
    List<PaymentRow> payments = repository.paymentsOfCase(c.id());
    java.util.Set<Long> disputed = repository.disputedInvoiceIds(c.id());
    CaseBalance owed = balance(c, d, invoices, payments, asOf(c.closedAt()));
    return new CaseView(
        c.reference(),
        c.status(),
        c.segment(),
        owed.total(),
        owed.principal(),
        owed.penalties(),
        new CaseView.Debtor(
            d.externalId(),
            d.type(),
            d.name(),
            d.siren(),
            d.email(),
            d.phone(),
            new CaseView.Address(d.addressLine1(), d.postalCode(), d.city(), d.country())),
        invoices.stream()
            .map(i -> {
              CaseBalance.InvoiceBalance b = owed.invoice(i.id()).orElseThrow();
              return new CaseView.Invoice(
                  i.number(), i.issueDate(), i.dueDate(), i.amount(), i.paidAmount(), i.creditedAmount(), i.outstanding(),
                  b.latePenalty(), b.recoveryIndemnity(), disputed.contains(i.id()));
            })
            .toList(),
        payments.stream()
            .map(p -> new CaseView.Payment(p.reference(), p.amount(), p.unallocated(), p.paidOn(), p.recordedAt(), p.recordedBy()))
            .toList(),
        repository.promisesOfCase(c.id()).stream()
            .map(p -> new CaseView.Promise(
                p.promisedOn(), p.amount(), CaseView.PromiseStatus.valueOf(p.status()), p.recordedAt(), p.recordedBy()))
            .toList(),
        c.processInstanceId(),
        c.status().isClosed() || !withNextAction ? null : nextActions.resolve(c.reference()).orElse(null),
        c.openedAt(),
        c.closedAt(),
        c.closingReason(),
        c.prescriptionDate(),
        owed.legalInterest(),
        d.type() == DebtorType.BUSINESS ? null : c.legalInterestFrom(),
        pursued(asOf(c.closedAt()), invoices, disputed, owed));
  }

  /**
   * The amount pursued on {@code day} (a formal notice, a court claim, a bailiff mission, a proof
   * of claim): the due, undisputed invoices with their penalties and indemnities (a professional) or
   * legal interest (a consumer), invoice by invoice, computed by {@link AmountPursued}; the disputed
   * and not-yet-due invoices are listed apart. A closed case is taken as of the day it closed.
   */
  public AmountPursued.Statement pursued(String reference, LocalDate day) {
    CaseRow c = repository.findCase(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    DebtorRow d = repository.findDebtor(c.debtorId());
    List<InvoiceRow> invoices = repository.invoicesOfCase(c.id());
    LocalDate on = c.closedAt() == null || day.isBefore(asOf(c.closedAt())) ? day : asOf(c.closedAt());
    CaseBalance owed = balance(c, d, invoices, repository.paymentsOfCase(c.id()), on);
    return pursued(on, invoices, repository.disputedInvoiceIds(c.id()), owed);
  }

  private static AmountPursued.Statement pursued(LocalDate day, List<InvoiceRow> invoices, java.util.Set<Long> disputed, CaseBalance owed) {
    return AmountPursued.on(
        day,
        invoices.stream()
            .map(i -> new AmountPursued.Invoice(i.id(), i.number(), i.issueDate(), i.dueDate(), disputed.contains(i.id())))
            .toList(),
        owed);
  }

  /** The amount pursued today. */
  public AmountPursued.Statement pursued(String reference) {
    return pursued(reference, CaseClock.today());
  }

  private CaseBalance balance(CaseRow c, DebtorRow d, List<InvoiceRow> invoices, List<PaymentRow> payments, LocalDate asOf) {
    List<InvoiceAccount> accounts = accounts(invoices, settlementsOf(c.id()));
    return new Ledger(interestRates.current())
        .balance(d.type() == DebtorType.BUSINESS, accounts, asOf, noticed(c.id(), c.legalInterestFrom(), accounts), unallocated(payments));
  }

  /**
   * The invoices a formal notice sent to a consumer claimed, on which legal interest runs: from the
   * case's legal-interest date for the first notice, from its own sending for a later one. A notice
   * sent before notices recorded their lines ({@code formal_notice_line}) is taken to have claimed
   * every invoice due before its date.
   */
  private List<NoticedInvoice> noticed(long caseId, LocalDate legalInterestFrom, List<InvoiceAccount> accounts) {
    if (legalInterestFrom == null) {
      return List.of();
    }
    List<NoticedInvoice> claimed = new ArrayList<>();
    for (NoticedInvoice n : noticeLines.claimedBySentNotices(caseId)) {
      LocalDate from = n.noticeDate().isBefore(legalInterestFrom) ? legalInterestFrom : n.noticeDate();
      claimed.add(new NoticedInvoice(n.invoiceId(), from, n.principalClaimed()));
    }
    boolean earlierNoticeWithoutLines = claimed.stream().allMatch(n -> n.noticeDate().isAfter(legalInterestFrom));
    if (earlierNoticeWithoutLines) {
      claimed.addAll(Ledger.claimedByANoticeOf(accounts, legalInterestFrom));
    }
    return claimed;
  }

  /** What payments brought beyond the principal they settled: for a consumer, it pays legal interest. */
  private static BigDecimal unallocated(List<PaymentRow> payments) {
    return payments.stream().map(PaymentRow::unallocated).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private Map<Long, List<Settlement>> settlementsOf(long caseId) {
    return allocations.settlementsOfCases(List.of(caseId));
  }

  private static List<InvoiceAccount> accounts(List<InvoiceRow> invoices, Map<Long, List<Settlement>> settlements) {
    return invoices.stream()
        .map(i -> InvoiceAccount.of(i.id(), i.dueDate(), i.due(), i.paidAmount(), settlements.getOrDefault(i.id(), List.of())))
        .toList();
  }

  /** An open case is owed as of today; a closed one as of the day it closed, its figures frozen. */
  private static LocalDate asOf(Instant closedAt) {
    return closedAt == null ? CaseClock.today() : LocalDate.ofInstant(closedAt, CaseClock.PARIS);
  }
}

package fr.recouvrement.cases;

import fr.recouvrement.cases.CaseRecords.CaseRow;
import fr.recouvrement.cases.CaseRecords.DebtorRow;
import fr.recouvrement.cases.CaseRecords.InvoiceRow;
import fr.recouvrement.cases.CaseRecords.ListedCase;
import fr.recouvrement.cases.CaseRecords.Listing;
import fr.recouvrement.cases.CaseRecords.PaymentRow;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.money.Allocation;
import fr.recouvrement.money.AmountPursued;
import fr.recouvrement.money.CaseBalance;
import fr.recouvrement.money.InterestRates;
import fr.recouvrement.money.InvoiceAccount;
import fr.recouvrement.money.Ledger;
import fr.recouvrement.money.NoticedInvoice;
import fr.recouvrement.money.OpenDebts;
import fr.recouvrement.money.PaymentAllocationRules;
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
public class CaseService implements OpenDebts {
  public static final String PROCESS_KEY = "collection-case";
  public static final String MESSAGE_PAYMENT_RECEIVED = "PaymentReceived";
  public static final String MESSAGE_INVOICE_ADDED = "InvoiceAdded";

  /**
   * The case process's second start, for bulk and asynchronous intake: its start event is {@code
   * camunda:asyncAfter}, so starting the process writes the instance and one job, and the
   * segmentation, the first reminder's decision and timer run on the job executor after the commit
   * (issue 14).
   */
  public static final String MESSAGE_CASE_IMPORTED = "CaseImported";

  private static final Logger log = LoggerFactory.getLogger(CaseService.class);

  private final CaseRepository repository;
  private final CaseRequestValidator validator;
  private final RuntimeService runtimeService;
  private final TransactionTemplate tx;
  private final NextActionResolver nextActions;
  private final InterestRates interestRates;
  private final PaymentAllocations allocations;
  private final LegalStanding legal;
  private final CollectiveProceedings proceedings;
  private final OverIndebtednessFiles overIndebtedness;
  private final PaymentAllocationRules allocationRules;
  private final CaseStrategies strategies;

  CaseService(
      CaseRepository repository,
      CaseRequestValidator validator,
      RuntimeService runtimeService,
      TransactionTemplate tx,
      NextActionResolver nextActions,
      InterestRates interestRates,
      PaymentAllocations allocations,
      LegalStanding legal,
      CollectiveProceedings proceedings,
      OverIndebtednessFiles overIndebtedness,
      PaymentAllocationRules allocationRules,
      CaseStrategies strategies) {
    this.allocationRules = allocationRules;
    this.strategies = strategies;
    this.repository = repository;
    this.validator = validator;
    this.runtimeService = runtimeService;
    this.tx = tx;
    this.nextActions = nextActions;
    this.interestRates = interestRates;
    this.allocations = allocations;
    this.legal = legal;
    this.proceedings = proceedings;
    this.overIndebtedness = overIndebtedness;
  }

  /**
   * What opening did: a new case, or invoices added to the debtor's open case; {@code
   * continuesLater}: the new case's first steps run on the job executor after the commit.
   */
  public record Opened(
      String reference, boolean created, int invoicesAdded, boolean continuesLater) {
    Opened(String reference, boolean created, int invoicesAdded) {
      this(reference, created, invoicesAdded, false);
    }
  }

  public record Recorded(CaseView view, boolean duplicate) {}

  /** Tries of an opening that raced with another one for the same debtor. */
  private static final int OPEN_TRIES = 5;

  /**
   * Opens a case for the debtor, or adds the invoices to its open case. When concurrent requests
   * for the same debtor race (a retrying ERP, a double click), the loser finds the winner's rows on
   * a retry: a unique key taken, a row locked or updated under it (H2 reports that as a transient
   * error, PostgreSQL as a serialization or lock failure) is tried again, a few times with a short
   * random pause; still racing after that, it answers a conflict (409) rather than a server error.
   */
  public Opened open(OpenCaseRequest request, String actor) {
    return open(request, actor, false, false).opened();
  }

  /**
   * As {@link #open(OpenCaseRequest, String)}, a new case's process started through {@link
   * #MESSAGE_CASE_IMPORTED} when {@code later}: the request's transaction writes our rows, the
   * process instance and one job; the segmentation and the reminders' first step run on the job
   * executor after the commit.
   */
  Opened open(OpenCaseRequest request, String actor, boolean later) {
    return open(request, actor, false, later).opened();
  }

  /** What {@link #openAndShow} answers: what opening did and the case as it stands after it. */
  public record Shown(Opened opened, CaseView view) {}

  /**
   * Opens as {@link #open} does and reads the case view in the same transaction, so that the answer
   * costs no second round of connections and commits (issue 14, P1).
   */
  public Shown openAndShow(OpenCaseRequest request, String actor) {
    return open(request, actor, true, false);
  }

  /**
   * {@link #openAndShow(OpenCaseRequest, String)}, a new case's process continuing after the answer
   * when {@code later} ({@code Prefer: respond-async}): the view then has no segment yet and says «
   * Segmentation en cours » as its next action.
   */
  public Shown openAndShow(OpenCaseRequest request, String actor, boolean later) {
    return open(request, actor, true, later);
  }

  private Shown open(OpenCaseRequest request, String actor, boolean show, boolean later) {
    validator.check(request);
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.execute(
            status -> {
              Opened opened = openValidated(request, actor, later && asyncStartDeployed());
              return new Shown(
                  opened,
                  show
                      ? view(
                          repository
                              .findCase(opened.reference())
                              .orElseThrow(() -> new CaseNotFoundException(opened.reference())))
                      : null);
            });
      } catch (DuplicateKeyException
          | org.springframework.dao.TransientDataAccessException
          | org.camunda.bpm.engine.OptimisticLockingException raceLost) {
        // the last: the job executor ran the case's continuation while an invoice was added to it
        if (attempt == OPEN_TRIES) {
          throw new ConcurrentOpeningException(
              "Debtor %s is being opened by concurrent requests; send the request again"
                  .formatted(request.debtor().externalId()));
        }
        log.debug(
            "Concurrent opening for debtor {}, try {} of {}",
            request.debtor().externalId(),
            attempt,
            OPEN_TRIES);
        try {
          Thread.sleep(
              java.util.concurrent.ThreadLocalRandom.current().nextLong(10, 60L * attempt));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CaseConflictException(
              "Interrupted while opening debtor " + request.debtor().externalId());
        }
      }
    }
  }

  /**
   * Opens or extends several cases in one transaction (a chunk of an import), the new cases'
   * processes continuing on the job executor after the commit ({@link #MESSAGE_CASE_IMPORTED}).
   */
  List<Opened> openAll(List<OpenCaseRequest> requests, String actor) {
    return tx.execute(
        status -> {
          List<Opened> result = new ArrayList<>(requests.size());
          boolean later = asyncStartDeployed();
          for (OpenCaseRequest r : requests) {
            result.add(openValidated(r, actor, later));
          }
          return result;
        });
  }

  /**
   * Whether the deployed case process has its « Dossier importé » start: an analyst's version
   * without it makes the import and {@code Prefer: respond-async} open cases synchronously, as
   * before, rather than fail.
   */
  private boolean asyncStartDeployed() {
    return runtimeService
            .createEventSubscriptionQuery()
            .eventType("message")
            .eventName(MESSAGE_CASE_IMPORTED)
            .count()
        > 0;
  }

  private Opened openValidated(OpenCaseRequest request, String actor, boolean later) {
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
                .formatted(
                    same.number(),
                    d.externalId(),
                    same.amount(),
                    same.issueDate(),
                    same.dueDate()));
      }
    }

    Optional<CaseRow> open = repository.findOpenCaseOfDebtor(debtorId);
    Long follows = null;
    // a claim born before the debtor's opening judgment, sent only now, is under the procedure too
    Optional<LocalDate> debtorJudgment =
        open.flatMap(o -> proceedings.debtorOpeningJudgment(o.id()));
    boolean bornBeforeJudgment =
        debtorJudgment.isPresent()
            && fresh.stream().anyMatch(i -> i.issueDate().isBefore(debtorJudgment.get()));
    if (open.isPresent()
        && !fresh.isEmpty()
        && (closedToNewClaims(open.get().id())
            || bornBeforeJudgment && proceedings.openingJudgment(open.get().id()).isEmpty())) {
      // declared or titled claims are not mixed with later ones: the later invoices get a case, a
      // prescription and a path of their own, and a bailiff's claim under the title never covers
      // them
      repository.releaseNewInvoices(open.get().id());
      follows = open.get().id();
      open = Optional.empty();
    }
    if (open.isPresent()) {
      repository.insertInvoices(open.get().id(), debtorId, fresh, now);
      if (!fresh.isEmpty()) {
        // a newer invoice never makes the case prescribe earlier, but a case with nothing unpaid
        // left had no date
        legal.refreshPrescription(open.get().id());
        // the strategy re-evaluates the debtor's segment with the new amount
        runtimeService
            .createMessageCorrelation(MESSAGE_INVOICE_ADDED)
            .processInstanceId(open.get().processInstanceId())
            .correlateAll();
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
    if (follows != null) {
      repository.setFollows(caseId, follows);
    }
    repository.insertInvoices(caseId, debtorId, fresh, now);
    // invoices already late carry their B2B charges from the start; nothing is paid yet, and the
    // accounts are built from the request (numbered in order) so an import adds no query per case
    List<InvoiceAccount> unpaid = new ArrayList<>();
    for (OpenCaseRequest.Invoice i : fresh) {
      unpaid.add(
          new InvoiceAccount(
              unpaid.size(),
              i.dueDate(),
              i.amount(),
              List.of(),
              i.contractualPenaltyRate(),
              false,
              BigDecimal.ZERO));
    }
    BigDecimal balance =
        new Ledger(interestRates.current())
            .balance(d.debtorType() == DebtorType.BUSINESS, unpaid, CaseClock.today())
            .total();
    VariableMap variables =
        Variables.createVariables()
            .putValue("caseReference", reference)
            .putValue("debtorType", d.debtorType().name())
            .putValue("balance", balance.doubleValue())
            .putValue("openedBy", actor);
    // the process starts with its prescription timers' dates (no instance to update yet)
    legal
        .refreshPrescription(caseId)
        .ifPresent(date -> variables.putAll(legal.prescriptionTimers(date)));
    ProcessInstance instance =
        later
            ? runtimeService.startProcessInstanceByMessage(
                MESSAGE_CASE_IMPORTED, reference, variables)
            : runtimeService.startProcessInstanceByKey(PROCESS_KEY, reference, variables);
    repository.setProcessInstance(caseId, instance.getId());
    strategies.record(caseId, instance);
    if (follows != null && bornBeforeJudgment) {
      proceedings.extendToLaterCase(caseId, reference, instance.getId(), actor);
    }
    return new Opened(reference, true, fresh.size(), later);
  }

  /**
   * Records a payment, allocates it as the {@code payment-allocation} decision orders (the invoices
   * it names first, C. civ. 1342-10; interest and penalties before principal, 1343-1) and tells the
   * case process. A payment reference already recorded is not counted twice. A payment that settles
   * the case closes it: only a caller who {@code maySettle} (a supervisor, an administrator) may
   * record that one; for anyone else nothing is recorded (security review L2).
   */
  /**
   * A payment older than any invoice of the case, or than 10 years, is a typing error (1900 for
   * 2026): refused (review L10).
   */
  static final int MAX_PAYMENT_AGE_YEARS = 10;

  private static void checkNotBackDated(LocalDate date, List<InvoiceRow> invoices) {
    LocalDate floor = CaseClock.today().minusYears(MAX_PAYMENT_AGE_YEARS);
    Optional<LocalDate> firstIssue =
        invoices.stream().map(InvoiceRow::issueDate).min(LocalDate::compareTo);
    if (date.isBefore(floor) || firstIssue.isPresent() && date.isBefore(firstIssue.get())) {
      throw new InvalidRequestException(
          List.of(
              new InvalidRequestException.FieldProblem(
                  "date",
                  "must not be before the case's first invoice (issued %s) nor more than %d years ago"
                      .formatted(
                          firstIssue.map(LocalDate::toString).orElse("-"),
                          MAX_PAYMENT_AGE_YEARS))));
    }
  }

  public Recorded recordPayment(
      String reference, PaymentRequest payment, String actor, boolean maySettle) {
    return tx.execute(
        status -> {
          CaseRow c =
              repository
                  .lockCase(reference)
                  .orElseThrow(() -> new CaseNotFoundException(reference));
          String paymentRef = payment.reference().trim();
          Optional<PaymentRow> same = repository.findPayment(c.id(), paymentRef);
          if (same.isPresent()) {
            if (same.get().amount().compareTo(payment.amount()) != 0
                || !same.get().paidOn().equals(payment.date())) {
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
                List.of(
                    new InvalidRequestException.FieldProblem("date", "must not be in the future")));
          }
          PaymentSource source = payment.payer();
          Optional<LocalDate> judgment = proceedings.openingJudgment(c.id());
          // the debtor's judgment, recorded on this case or on the one whose claims it declared
          Optional<LocalDate> debtorJudgment = proceedings.debtorOpeningJudgment(c.id());
          List<InvoiceRow> invoices = repository.invoicesOfCase(c.id());
          checkNotBackDated(payment.date(), invoices);
          if (debtorJudgment.isPresent()
              && !source.allowedDuringProceedings()
              && bornBefore(invoices, debtorJudgment.get())) {
            throw new CaseConflictException(
                ("Case %s is under a procédure collective opened on %s: the debtor may not pay a claim born before the"
                        + " opening judgment (C. com. L622-7 I; such a payment can be annulled, L622-7 III). Nothing was"
                        + " recorded. A dividend of the mandataire judiciaire, a payment under the adopted plan or a"
                        + " guarantor's payment is recorded with source MANDATAIRE, PLAN or GUARANTOR.")
                    .formatted(reference, debtorJudgment.get()));
          }
          Optional<LocalDate> admissibility = overIndebtedness.pendingAdmissibility(c.id());
          if (admissibility.isPresent()
              && source == PaymentSource.DEBTOR
              && bornBefore(invoices, admissibility.get())) {
            throw new CaseConflictException(
                ("The over-indebtedness file of case %s was found admissible on %s: while the commission decides, the"
                        + " debtor may not pay a debt born before it (C. consom. L722-5). Nothing was recorded. A guarantor's"
                        + " payment is recorded with source GUARANTOR.")
                    .formatted(reference, admissibility.get()));
          }
          boolean professional = repository.findDebtor(c.debtorId()).type() == DebtorType.BUSINESS;
          Ledger ledger = ledger(judgment);
          java.util.Set<Long> named = namedInvoices(c, invoices, payment);
          List<InvoiceAccount> before =
              accounts(invoices, settlementsOf(c.id()), repository.disputedInvoiceIds(c.id()));
          Allocation allocation =
              ledger.allocateAfterNotices(
                  professional,
                  before,
                  payment.amount(),
                  payment.date(),
                  noticed(c.id(), c.legalInterestFrom(), before),
                  named,
                  allocationRules.current());
          Map<Long, InvoiceRow> byId =
              invoices.stream().collect(Collectors.toMap(InvoiceRow::id, Function.identity()));
          for (Allocation.Part part : allocation.parts()) {
            if (part.principal().signum() > 0) {
              InvoiceRow invoice = byId.get(part.invoiceId());
              repository.setPaidAmount(invoice.id(), invoice.paidAmount().add(part.principal()));
            }
          }
          long paymentId =
              repository.insertPayment(
                  c.id(),
                  paymentRef,
                  payment.amount(),
                  allocation.unallocated(),
                  payment.date(),
                  source,
                  actor,
                  CaseClock.now());
          allocations.record(paymentId, allocation);
          // a payment acknowledges the debt it pays (C. civ. 2240): prescription restarts for those
          // invoices
          legal.refreshPrescription(c.id());
          List<InvoiceAccount> after =
              accounts(repository.invoicesOfCase(c.id()), settlementsOf(c.id()));
          BigDecimal balance =
              ledger
                  .balance(
                      professional,
                      after,
                      CaseClock.today(),
                      noticed(c.id(), c.legalInterestFrom(), after),
                      unallocated(repository.paymentsOfCase(c.id())))
                  .total();
          if (balance.signum() == 0 && !maySettle) {
            // thrown inside the transaction: the payment and its allocations are rolled back
            throw new fr.recouvrement.security.RoleRequiredException(
                "This payment would settle case %s and close it: a supervisor records it."
                    .formatted(reference));
          }
          Map<String, Object> facts =
              Map.of(
                  "balance", balance.doubleValue(),
                  "fullyPaid", balance.signum() == 0,
                  "lastPaymentAmount", payment.amount().doubleValue(),
                  "lastPaymentDate", payment.date().toString(),
                  "lastPaymentSource", source.name());
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
   * The ids of the invoices the payment names; a number that is not an invoice of the case is
   * refused.
   */
  private static java.util.Set<Long> namedInvoices(
      CaseRow c, List<InvoiceRow> invoices, PaymentRequest payment) {
    Map<String, Long> ids =
        invoices.stream().collect(Collectors.toMap(InvoiceRow::number, InvoiceRow::id));
    java.util.Set<Long> named = new java.util.HashSet<>();
    List<InvalidRequestException.FieldProblem> problems = new ArrayList<>();
    List<String> numbers = payment.namedInvoices();
    for (int i = 0; i < numbers.size(); i++) {
      Long id = ids.get(numbers.get(i));
      if (id == null) {
        problems.add(
            new InvalidRequestException.FieldProblem(
                "invoiceNumbers[" + i + "]",
                "is not an invoice of case " + c.reference() + ": " + numbers.get(i)));
      } else {
        named.add(id);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return named;
  }

  /**
   * Collection starts again after a phase that stopped it for good in the running case process (an
   * over-indebtedness file rejected by the commission): a new instance of the case process, from
   * the debtor's segmentation, with the case's prescription timers; the case points to it from now
   * on. Called by the old instance, which ends right after, in the same transaction.
   */
  public String restartCollection(String reference, String actor) {
    CaseRow c =
        repository.findCase(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    DebtorRow d = repository.findDebtor(c.debtorId());
    VariableMap variables =
        Variables.createVariables()
            .putValue("caseReference", reference)
            .putValue("debtorType", d.type().name())
            .putValue("balance", balance(reference).doubleValue())
            .putValue("openedBy", actor);
    legal
        .refreshPrescription(c.id())
        .ifPresent(date -> variables.putAll(legal.prescriptionTimers(date)));
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, reference, variables);
    repository.setProcessInstance(c.id(), instance.getId());
    strategies.record(c.id(), instance);
    repository.setStatus(reference, CaseStatus.AMICABLE);
    return instance.getId();
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
            && runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceId(c.processInstanceId())
                    .count()
                > 0;
    if (running) {
      runtimeService.setVariables(c.processInstanceId(), facts);
    }
    if (balance.signum() == 0) {
      log.info(
          "Case {} settled by a payment its process was not waiting for: closed as PAID",
          c.reference());
      closeAsPaid(c.reference());
      if (running) {
        runtimeService.deleteProcessInstance(
            c.processInstanceId(), "Dossier soldé par un paiement reçu hors attente du processus");
      }
    }
  }

  /**
   * A formal notice was sent to the debtor on {@code noticeDate}: for a consumer, legal interest
   * runs from that date (C. civ. 1231-6, 1344-1); the first notice counts, a later one does not
   * move it. A professional owes late penalties instead: nothing changes. Returns whether it
   * started now.
   */
  public boolean startLegalInterest(String reference, LocalDate noticeDate) {
    CaseRow c =
        repository.findCase(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    if (repository.findDebtor(c.debtorId()).type() == DebtorType.BUSINESS) {
      return false;
    }
    return repository.startLegalInterest(c.id(), noticeDate);
  }

  /**
   * A payment plan was kept and its terms waive the charges of its duration: the late penalties
   * (B2B) or legal interest (consumer) each invoice accrued from {@code since} (the plan's start)
   * to today are no longer owed. Returns what the debtor still owes afterwards.
   */
  public BigDecimal waiveChargesAccruedSince(String reference, LocalDate since) {
    return tx.execute(
        status -> {
          CaseRow c =
              repository
                  .lockCase(reference)
                  .orElseThrow(() -> new CaseNotFoundException(reference));
          boolean professional = repository.findDebtor(c.debtorId()).type() == DebtorType.BUSINESS;
          List<InvoiceRow> invoices = repository.invoicesOfCase(c.id());
          List<InvoiceAccount> accounts = accounts(invoices, settlementsOf(c.id()));
          Map<Long, BigDecimal> waived =
              new Ledger(interestRates.current())
                  .chargesAccrued(
                      professional,
                      accounts,
                      since,
                      CaseClock.today(),
                      noticed(c.id(), c.legalInterestFrom(), accounts));
          waived.forEach(repository::addChargesWaived);
          if (!waived.isEmpty()) {
            log.info(
                "Case {}: payment plan kept, {} € of charges accrued since {} waived as its terms say",
                reference,
                waived.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                since);
          }
          return view(repository.findCase(c.id()), false).balance();
        });
  }

  @Override
  public Optional<LocalDate> oldestUnpaidDueDate() {
    return Optional.ofNullable(repository.oldestUnpaidDueDate());
  }

  /** The VAT of an invoice's unpaid part, for the corrective invoice (CGI 272). */
  public record VatLine(
      String invoiceNumber, LocalDate issueDate, BigDecimal unpaid, BigDecimal vat) {}

  /**
   * What the creditor could recover from the Treasury if the claim became irrecoverable now: for
   * each invoice with a VAT amount and something unpaid, the VAT of the unpaid part, prorated on
   * the invoice amount (VAT included) and rounded to the cent. Penalties and the €40 indemnity bear
   * no VAT.
   */
  public List<VatLine> recoverableVat(String reference) {
    CaseRow c =
        repository.findCase(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    List<VatLine> lines = new ArrayList<>();
    for (InvoiceRow i : repository.invoicesOfCase(c.id())) {
      if (i.vatAmount() != null && i.vatAmount().signum() > 0 && i.outstanding().signum() > 0) {
        BigDecimal vat =
            i.vatAmount()
                .multiply(i.outstanding())
                .divide(i.amount(), 2, java.math.RoundingMode.HALF_UP);
        lines.add(new VatLine(i.number(), i.issueDate(), i.outstanding(), vat));
      }
    }
    return lines;
  }

  /**
   * The claim became irrecoverable (a confirmed write-off, a liquidation judgment): records, once
   * per invoice, the VAT the creditor may now recover with a corrective invoice (CGI 272). Returns
   * the total.
   */
  public BigDecimal recordRecoverableVat(String reference, String reason) {
    CaseRow c =
        repository.findCase(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    List<VatLine> lines = recoverableVat(reference);
    repository.recordRecoverableVat(c.id(), lines, CaseClock.today(), reason);
    return lines.stream().map(VatLine::vat).reduce(BigDecimal.ZERO, BigDecimal::add);
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
    return CaseView.undisputed(
        owed(repository.findCase(reference).orElseThrow(() -> new CaseNotFoundException(reference)))
            .pursued());
  }

  /** A case's money alone, as its view computes it. */
  private record Owed(CaseBalance balance, AmountPursued.Statement pursued) {}

  /**
   * What the case view computes for the money, without what only a reader of the whole case needs
   * (prescription dates, promises, recorded VAT, the case it follows, the next action): the steps
   * that read the balance (segmenting, preparing a reminder) run once or twice at each opening and
   * each reminder, and paid those queries for nothing (issue 14).
   */
  private Owed owed(CaseRow c) {
    DebtorRow d = repository.findDebtor(c.debtorId());
    List<InvoiceRow> invoices = repository.invoicesOfCase(c.id());
    List<PaymentRow> payments = repository.paymentsOfCase(c.id());
    java.util.Set<Long> disputed = repository.disputedInvoiceIds(c.id());
    LocalDate asOf = asOf(c.closedAt());
    CaseBalance owed =
        balance(
            ledger(proceedings.openingJudgment(c.id())), c, d, invoices, disputed, payments, asOf);
    return new Owed(owed, pursued(asOf, invoices, disputed, owed));
  }

  public CaseView get(String reference) {
    java.util.function.Supplier<CaseView> read =
        () ->
            view(
                repository
                    .findCase(reference)
                    .orElseThrow(() -> new CaseNotFoundException(reference)));
    if (org.springframework.transaction.support.TransactionSynchronizationManager
        .isActualTransactionActive()) {
      // inside a caller's transaction (a step, a listener): its reads share it already, and an
      // unknown case it catches must not mark that transaction rollback-only
      return read.get();
    }
    // one transaction for the dozen reads of a view (ours and the engine's for the next action):
    // one connection and one commit instead of one per read (issue 14, GET during a reminder wave)
    return tx.execute(status -> read.get());
  }

  /**
   * The case as a message to the debtor shows it: everything but the next action, which reads the
   * running processes (an activity-instance tree while a step runs) and which no message prints.
   */
  public CaseView withoutNextAction(String reference) {
    return view(
        repository.findCase(reference).orElseThrow(() -> new CaseNotFoundException(reference)),
        false);
  }

  /**
   * What the debtor owes now (principal and, for a professional, penalties), as the process sees
   * it.
   */
  public BigDecimal balance(String reference) {
    return owed(repository
            .findCase(reference)
            .orElseThrow(() -> new CaseNotFoundException(reference)))
        .balance()
        .total();
  }

  /**
   * A page of cases. Each balance includes the B2B charges, computed for the whole page with two
   * queries (its invoices, their allocations), not one per line.
   */
  public CaseView.Page list(CaseStatus status, String segment, int page, int size) {
    return list(status, segment, null, CaseView.Sort.RECENT, page, size);
  }

  /** A page of the case list, filtered by a part of the debtor's name too, in that order. */
  public CaseView.Page list(
      CaseStatus status,
      String segment,
      String debtorName,
      CaseView.Sort sort,
      int page,
      int size) {
    Listing listing = repository.listCases(status, segment, debtorName, sort, page, size);
    // the listing's balance is principal only: a professional adds penalties and indemnities, a
    // consumer under formal notice legal interest, computed as the case view computes them
    List<Long> charged =
        listing.rows().stream()
            .filter(
                r ->
                    r.summary().debtorType() == DebtorType.BUSINESS
                        || r.legalInterestFrom() != null)
            .map(ListedCase::id)
            .toList();
    Map<Long, List<InvoiceRow>> invoicesByCase =
        repository.invoicesOfCases(charged).stream()
            .collect(Collectors.groupingBy(InvoiceRow::caseId));
    Map<Long, List<Settlement>> settlements = allocations.settlementsOfCases(charged);
    Ledger ledger = charged.isEmpty() ? null : new Ledger(interestRates.current());
    Map<Long, LocalDate> judgments = proceedings.openingJudgments(charged);
    List<CaseView.Summary> items =
        listing.rows().stream()
            .map(
                r -> {
                  CaseView.Summary s = r.summary();
                  boolean professional = s.debtorType() == DebtorType.BUSINESS;
                  if (!professional && r.legalInterestFrom() == null) {
                    return s;
                  }
                  List<InvoiceAccount> accounts =
                      accounts(invoicesByCase.getOrDefault(r.id(), List.of()), settlements);
                  Ledger rules =
                      judgments.containsKey(r.id())
                          ? ledger.chargesStoppedOn(judgments.get(r.id()))
                          : ledger;
                  BigDecimal balance =
                      professional
                          ? rules.balance(true, accounts, asOf(s.closedAt())).total()
                          : rules
                              .balance(
                                  false,
                                  accounts,
                                  asOf(s.closedAt()),
                                  noticed(r.id(), r.legalInterestFrom(), accounts),
                                  unallocated(repository.paymentsOfCase(r.id())))
                              .total();
                  return new CaseView.Summary(
                      s.reference(),
                      s.status(),
                      s.segment(),
                      s.debtorExternalId(),
                      s.debtorName(),
                      s.debtorType(),
                      balance,
                      s.openedAt(),
                      s.closedAt(),
                      s.oldestUnpaidDue());
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
    Map<String, LegalStanding.InvoicePrescription> prescriptions =
        legal.prescriptionByInvoice(c.id());
    Optional<LocalDate> judgment = proceedings.openingJudgment(c.id());
    Ledger ledger = ledger(judgment);
    CaseBalance owed = balance(ledger, c, d, invoices, disputed, payments, asOf(c.closedAt()));
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
            new CaseView.Address(d.addressLine1(), d.postalCode(), d.city(), d.country()),
            d.commercial()),
        invoices.stream()
            .map(
                i -> {
                  CaseBalance.InvoiceBalance b = owed.invoice(i.id()).orElseThrow();
                  LegalStanding.InvoicePrescription p = prescriptions.get(i.number());
                  return new CaseView.Invoice(
                      i.number(),
                      i.issueDate(),
                      i.dueDate(),
                      i.amount(),
                      i.paidAmount(),
                      i.creditedAmount(),
                      i.outstanding(),
                      b.latePenalty(),
                      b.recoveryIndemnity(),
                      disputed.contains(i.id()),
                      p == null ? null : p.date(),
                      p == null ? null : p.act(),
                      p == null ? null : p.actLabel(),
                      i.contractualPenaltyRate(),
                      i.vatAmount());
                })
            .toList(),
        payments.stream()
            .map(
                p ->
                    new CaseView.Payment(
                        p.reference(),
                        p.amount(),
                        p.unallocated(),
                        p.paidOn(),
                        p.recordedAt(),
                        p.recordedBy(),
                        p.source()))
            .toList(),
        repository.promisesOfCase(c.id()).stream()
            .map(
                p ->
                    new CaseView.Promise(
                        p.promisedOn(),
                        p.amount(),
                        CaseView.PromiseStatus.valueOf(p.status()),
                        p.recordedAt(),
                        p.recordedBy()))
            .toList(),
        c.processInstanceId(),
        c.status().isClosed() || !withNextAction
            ? null
            : nextActions.resolve(c.reference(), c.segment() == null).orElse(null),
        c.openedAt(),
        c.closedAt(),
        c.closingReason(),
        c.prescriptionDate(),
        owed.legalInterest(),
        d.type() == DebtorType.BUSINESS ? null : c.legalInterestFrom(),
        judgment.orElse(null),
        c.followsCaseId() == null ? null : repository.findCase(c.followsCaseId()).reference(),
        ledger.ratesToConfirm().stream().map(Object::toString).toList(),
        repository.recordedVat(c.id()),
        pursued(asOf(c.closedAt()), invoices, disputed, owed));
  }

  /**
   * The amount pursued on {@code day} (a formal notice, a court claim, a bailiff mission, a proof
   * of claim): the due, undisputed invoices with their penalties and indemnities (a professional)
   * or legal interest (a consumer), invoice by invoice, computed by {@link AmountPursued}; the
   * disputed and not-yet-due invoices are listed apart. A closed case is taken as of the day it
   * closed.
   */
  public AmountPursued.Statement pursued(String reference, LocalDate day) {
    CaseRow c =
        repository.findCase(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    DebtorRow d = repository.findDebtor(c.debtorId());
    List<InvoiceRow> invoices = repository.invoicesOfCase(c.id());
    LocalDate on =
        c.closedAt() == null || day.isBefore(asOf(c.closedAt())) ? day : asOf(c.closedAt());
    java.util.Set<Long> disputed = repository.disputedInvoiceIds(c.id());
    Ledger ledger = ledger(proceedings.openingJudgment(c.id()));
    CaseBalance owed =
        balance(ledger, c, d, invoices, disputed, repository.paymentsOfCase(c.id()), on);
    return pursued(on, invoices, disputed, owed);
  }

  private static AmountPursued.Statement pursued(
      LocalDate day, List<InvoiceRow> invoices, java.util.Set<Long> disputed, CaseBalance owed) {
    return AmountPursued.on(day, facts(invoices, disputed), owed);
  }

  private static List<AmountPursued.Invoice> facts(
      List<InvoiceRow> invoices, java.util.Set<Long> disputed) {
    return invoices.stream()
        .map(
            i ->
                new AmountPursued.Invoice(
                    i.id(), i.number(), i.issueDate(), i.dueDate(), disputed.contains(i.id())))
        .toList();
  }

  /**
   * The claim to declare in a procédure collective opened on {@code judgment} ({@link
   * AmountPursued#toDeclare}): what was owed at the end of that day, charges stopped then (C. com.
   * L622-28) and counting only the payments made by then — a dividend paid later does not lower
   * what was declared —, the invoices not yet due included (L622-24), a disputed one named apart.
   */
  public AmountPursued.Statement toDeclare(String reference, LocalDate judgment) {
    CaseRow c =
        repository.findCase(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    DebtorRow d = repository.findDebtor(c.debtorId());
    List<InvoiceRow> invoices = repository.invoicesOfCase(c.id());
    java.util.Set<Long> disputed = repository.disputedInvoiceIds(c.id());
    Map<Long, List<Settlement>> all = settlementsOf(c.id());
    List<InvoiceAccount> accounts = new ArrayList<>();
    for (InvoiceRow i : invoices) {
      List<Settlement> settled = all.getOrDefault(i.id(), List.of());
      List<Settlement> byThen = settled.stream().filter(x -> !x.date().isAfter(judgment)).toList();
      // principal paid before allocations were recorded has no date: taken as paid by its due date
      BigDecimal undated = i.paidAmount().subtract(principal(settled)).max(BigDecimal.ZERO);
      accounts.add(
          InvoiceAccount.of(i.id(), i.dueDate(), i.due(), undated.add(principal(byThen)), byThen)
              .withTerms(i.contractualPenaltyRate(), disputed.contains(i.id()), i.chargesWaived()));
    }
    List<PaymentRow> paidByThen =
        repository.paymentsOfCase(c.id()).stream()
            .filter(p -> !p.paidOn().isAfter(judgment))
            .toList();
    CaseBalance owed =
        ledger(Optional.of(judgment))
            .balance(
                d.type() == DebtorType.BUSINESS,
                accounts,
                judgment,
                noticed(c.id(), c.legalInterestFrom(), accounts),
                unallocated(paidByThen));
    return AmountPursued.toDeclare(judgment, facts(invoices, disputed), owed);
  }

  /** The amount pursued today. */
  public AmountPursued.Statement pursued(String reference) {
    return pursued(reference, CaseClock.today());
  }

  private CaseBalance balance(
      Ledger ledger,
      CaseRow c,
      DebtorRow d,
      List<InvoiceRow> invoices,
      java.util.Set<Long> disputed,
      List<PaymentRow> payments,
      LocalDate asOf) {
    List<InvoiceAccount> accounts = accounts(invoices, settlementsOf(c.id()), disputed);
    return ledger.balance(
        d.type() == DebtorType.BUSINESS,
        accounts,
        asOf,
        noticed(c.id(), c.legalInterestFrom(), accounts),
        unallocated(payments));
  }

  /**
   * The invoices a formal notice sent to a consumer claimed, on which legal interest runs: from the
   * case's legal-interest date for the first notice, from its own sending for a later one. A notice
   * sent before notices recorded their lines ({@code formal_notice_line}) is taken to have claimed
   * every invoice due before its date.
   */
  private List<NoticedInvoice> noticed(
      long caseId, LocalDate legalInterestFrom, List<InvoiceAccount> accounts) {
    if (legalInterestFrom == null) {
      return List.of();
    }
    List<NoticedInvoice> claimed = new ArrayList<>();
    for (NoticedInvoice n : legal.claimedBySentNotices(caseId)) {
      LocalDate from =
          n.noticeDate().isBefore(legalInterestFrom) ? legalInterestFrom : n.noticeDate();
      claimed.add(new NoticedInvoice(n.invoiceId(), from, n.principalClaimed()));
    }
    boolean earlierNoticeWithoutLines =
        claimed.stream().allMatch(n -> n.noticeDate().isAfter(legalInterestFrom));
    if (earlierNoticeWithoutLines) {
      claimed.addAll(Ledger.claimedByANoticeOf(accounts, legalInterestFrom));
    }
    return claimed;
  }

  /** The money rules, with charges stopped at an opening judgment (C. com. L622-28). */
  private Ledger ledger(Optional<LocalDate> openingJudgment) {
    Ledger ledger = new Ledger(interestRates.current());
    return openingJudgment.map(ledger::chargesStoppedOn).orElse(ledger);
  }

  /** Whether one of the invoices was issued (its claim born) before that day. */
  private static boolean bornBefore(List<InvoiceRow> invoices, LocalDate day) {
    return invoices.stream().anyMatch(i -> i.issueDate().isBefore(day));
  }

  /**
   * Whether the case's claims were declared in a procédure collective or titled (an enforceable
   * title covers the invoices it was given on, CPCE L111-2): later invoices go to a case of their
   * own.
   */
  private boolean closedToNewClaims(long caseId) {
    return proceedings.openingJudgment(caseId).isPresent() || legal.titled(caseId);
  }

  /** One invoice's part of what was owed on a given day. */
  public record OwedOn(
      String invoiceNumber,
      BigDecimal principal,
      BigDecimal latePenalty,
      BigDecimal recoveryIndemnity) {}

  /**
   * What was owed on each invoice at the end of {@code day}, counting only payments made by then:
   * for a procédure collective, the claim to declare as of the opening judgment (L622-28),
   * penalties to that day and the recovery indemnity of each late invoice.
   */
  public List<OwedOn> owedOn(String reference, LocalDate day) {
    CaseRow c =
        repository.findCase(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    boolean professional = repository.findDebtor(c.debtorId()).type() == DebtorType.BUSINESS;
    List<InvoiceRow> invoices = repository.invoicesOfCase(c.id());
    Map<Long, List<Settlement>> all = settlementsOf(c.id());
    List<InvoiceAccount> accounts = new ArrayList<>();
    for (InvoiceRow i : invoices) {
      List<Settlement> settled = all.getOrDefault(i.id(), List.of());
      List<Settlement> byThen = settled.stream().filter(x -> !x.date().isAfter(day)).toList();
      // principal paid before allocations were recorded has no date: taken as paid by its due date
      BigDecimal undated = i.paidAmount().subtract(principal(settled)).max(BigDecimal.ZERO);
      accounts.add(
          InvoiceAccount.of(i.id(), i.dueDate(), i.due(), undated.add(principal(byThen)), byThen));
    }
    CaseBalance owed = new Ledger(interestRates.current()).balance(professional, accounts, day);
    Map<Long, String> numbers =
        invoices.stream().collect(Collectors.toMap(InvoiceRow::id, InvoiceRow::number));
    return owed.invoices().stream()
        .map(
            b ->
                new OwedOn(
                    numbers.get(b.invoiceId()),
                    b.principal(),
                    b.latePenalty(),
                    b.recoveryIndemnity()))
        .toList();
  }

  private static BigDecimal principal(List<Settlement> settlements) {
    return settlements.stream().map(Settlement::principal).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * What payments brought beyond the principal they settled: for a consumer, it pays legal
   * interest.
   */
  private static BigDecimal unallocated(List<PaymentRow> payments) {
    return payments.stream().map(PaymentRow::unallocated).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private Map<Long, List<Settlement>> settlementsOf(long caseId) {
    return allocations.settlementsOfCases(List.of(caseId));
  }

  private static List<InvoiceAccount> accounts(
      List<InvoiceRow> invoices, Map<Long, List<Settlement>> settlements) {
    return accounts(invoices, settlements, java.util.Set.of());
  }

  private static List<InvoiceAccount> accounts(
      List<InvoiceRow> invoices,
      Map<Long, List<Settlement>> settlements,
      java.util.Set<Long> disputed) {
    return invoices.stream()
        .map(
            i ->
                InvoiceAccount.of(
                        i.id(),
                        i.dueDate(),
                        i.due(),
                        i.paidAmount(),
                        settlements.getOrDefault(i.id(), List.of()))
                    .withTerms(
                        i.contractualPenaltyRate(), disputed.contains(i.id()), i.chargesWaived()))
        .toList();
  }

  /** An open case is owed as of today; a closed one as of the day it closed, its figures frozen. */
  private static LocalDate asOf(Instant closedAt) {
    return closedAt == null ? CaseClock.today() : LocalDate.ofInstant(closedAt, CaseClock.PARIS);
  }
}

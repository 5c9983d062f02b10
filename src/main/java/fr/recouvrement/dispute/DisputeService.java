package fr.recouvrement.dispute;

import fr.recouvrement.cases.CaseConflictException;
import fr.recouvrement.cases.CaseNotFoundException;
import fr.recouvrement.cases.CaseStatus;
import fr.recouvrement.cases.InvalidRequestException;
import fr.recouvrement.cases.InvalidRequestException.FieldProblem;
import fr.recouvrement.dispute.DisputeRepository.CaseFacts;
import fr.recouvrement.dispute.DisputeRepository.DisputeRow;
import fr.recouvrement.dispute.DisputeRepository.InvoiceFacts;
import fr.recouvrement.kernel.time.CaseClock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records disputes and carries out their outcome. Raising one writes our rows and tells the case
 * process in one transaction: if the process does not take the message, nothing is recorded.
 */
@Service
public class DisputeService {
  public static final String MESSAGE_DISPUTE_RAISED = "DisputeRaised";
  private static final int MAX_COMMENT = 4000;

  private final DisputeRepository repository;
  private final RuntimeService runtimeService;
  private final TransactionTemplate tx;

  DisputeService(
      DisputeRepository repository, RuntimeService runtimeService, TransactionTemplate tx) {
    this.repository = repository;
    this.runtimeService = runtimeService;
    this.tx = tx;
  }

  /**
   * What the dispute process needs to route and show a dispute. {@code caseCreditExposure} is what
   * credit notes could take off the whole case: what was already credited on its invoices plus what
   * is still owed on every invoice under an open dispute, this one included. Routing on it, not on
   * one dispute's amount, means splitting a dispute across invoices or disputes escapes no ceiling.
   */
  public record Facts(
      long disputeId,
      String caseReference,
      String category,
      String comment,
      String debtorType,
      String debtorName,
      BigDecimal disputedAmount,
      List<String> invoiceNumbers,
      BigDecimal caseCreditExposure,
      String raisedBy) {}

  /**
   * A dispute raised through the API or the debtor portal: recorded, then the case process is told
   * (message DisputeRaised).
   */
  public DisputeView raise(String reference, DisputeRequest request, String actor) {
    return view(record(reference, request, actor, true));
  }

  /**
   * A dispute the debtor raised on the phone, on every invoice of the case still owed and not yet
   * disputed; the case process runs the dispute process itself, so no message is sent.
   */
  public long recordFromCall(String reference, String category, String comment, String actor) {
    List<String> numbers =
        tx.execute(
            status -> {
              CaseFacts c =
                  repository
                      .lockCase(reference)
                      .orElseThrow(() -> new CaseNotFoundException(reference));
              return repository.invoicesOfCase(c.id()).stream()
                  .filter(i -> !i.disputed() && i.outstanding().signum() > 0)
                  .map(InvoiceFacts::number)
                  .toList();
            });
    return record(
        reference,
        new DisputeRequest(
            category,
            numbers,
            comment == null || comment.isBlank()
                ? "Contestation exprimée lors d'un appel"
                : comment),
        actor,
        false);
  }

  private long record(String reference, DisputeRequest request, String actor, boolean tellTheCase) {
    DisputeCategory category = check(request);
    List<String> numbers = request.invoiceNumbers().stream().map(String::trim).distinct().toList();
    return tx.execute(
        status -> {
          CaseFacts c =
              repository
                  .lockCase(reference)
                  .orElseThrow(() -> new CaseNotFoundException(reference));
          if (CaseStatus.valueOf(c.status()).isClosed()) {
            throw new CaseConflictException(
                "Case %s is closed (%s): there is nothing left to dispute"
                    .formatted(reference, c.status()));
          }
          Map<String, InvoiceFacts> invoices =
              repository.invoicesOfCase(c.id()).stream()
                  .collect(Collectors.toMap(InvoiceFacts::number, Function.identity()));
          List<FieldProblem> unknown = new ArrayList<>();
          for (int i = 0; i < request.invoiceNumbers().size(); i++) {
            String n = request.invoiceNumbers().get(i);
            if (n == null || !invoices.containsKey(n.trim())) {
              unknown.add(
                  new FieldProblem(
                      "invoiceNumbers[" + i + "]", "is not an invoice of case " + reference));
            }
          }
          if (!unknown.isEmpty()) {
            throw new InvalidRequestException(unknown);
          }
          List<String> alreadyDisputed =
              numbers.stream().filter(n -> invoices.get(n).disputed()).toList();
          if (!alreadyDisputed.isEmpty()) {
            throw new CaseConflictException(
                "Invoices %s of case %s are already under an open dispute"
                    .formatted(alreadyDisputed, reference));
          }
          long id =
              repository.insert(
                  c.id(),
                  category.name(),
                  blankToNull(request.comment()),
                  numbers.stream().map(n -> invoices.get(n).id()).toList(),
                  actor,
                  CaseClock.now());
          if (tellTheCase) {
            runtimeService
                .createMessageCorrelation(MESSAGE_DISPUTE_RAISED)
                .processInstanceId(c.processInstanceId())
                .setVariable("disputeId", id)
                .correlateWithResult();
          }
          return id;
        });
  }

  /** Every dispute of a case, oldest first, as the API shows each. */
  public java.util.List<DisputeView> ofCase(String reference) {
    return repository.idsOfCase(reference).stream().map(this::view).toList();
  }

  public DisputeView view(long disputeId) {
    DisputeRow d =
        repository
            .find(disputeId)
            .orElseThrow(() -> new IllegalArgumentException("No dispute " + disputeId));
    List<InvoiceFacts> invoices = repository.invoicesOfDispute(disputeId);
    return new DisputeView(
        d.id(),
        d.caseReference(),
        DisputeCategory.valueOf(d.category()),
        d.comment(),
        d.status(),
        invoices.stream().map(InvoiceFacts::number).toList(),
        outstanding(invoices),
        d.outcome(),
        d.creditedAmount(),
        d.creditNoteNumber(),
        d.rejectionReason(),
        d.raisedAt(),
        d.raisedBy(),
        d.resolvedAt());
  }

  public Facts facts(long disputeId) {
    DisputeRow d =
        repository
            .find(disputeId)
            .orElseThrow(() -> new IllegalArgumentException("No dispute " + disputeId));
    CaseFacts c = repository.caseFacts(d.caseId());
    List<InvoiceFacts> invoices = repository.invoicesOfDispute(disputeId);
    return new Facts(
        disputeId,
        c.reference(),
        d.category(),
        d.comment(),
        c.debtorType(),
        c.debtorName(),
        outstanding(invoices),
        invoices.stream().map(InvoiceFacts::number).toList(),
        repository.creditExposure(d.caseId()),
        d.raisedBy());
  }

  /**
   * A credit note or a partial acceptance: cancels {@code amount} on the disputed invoices, oldest
   * first, never more than is still owed on them. Done once: a dispute already resolved is left
   * alone.
   */
  public void credit(
      long disputeId,
      DisputeOutcome outcome,
      BigDecimal amount,
      String creditNoteNumber,
      String actor) {
    tx.executeWithoutResult(
        status -> {
          DisputeRow d =
              repository
                  .find(disputeId)
                  .orElseThrow(() -> new IllegalArgumentException("No dispute " + disputeId));
          if (d.outcome() != null) {
            return;
          }
          List<InvoiceFacts> invoices = repository.invoicesOfDispute(disputeId);
          BigDecimal owed = outstanding(invoices);
          if (amount == null
              || amount.signum() <= 0
              || amount.scale() > 2
              || amount.compareTo(owed) > 0) {
            throw new IllegalArgumentException(
                "Dispute %d: the amount to credit must be between 0.01 and %s €, what is still owed on the disputed invoices (was %s)"
                    .formatted(disputeId, owed, amount));
          }
          BigDecimal left = amount;
          for (InvoiceFacts i : invoices) {
            BigDecimal part = left.min(i.outstanding());
            if (part.signum() > 0) {
              repository.credit(disputeId, i.id(), part);
              left = left.subtract(part);
            }
          }
          repository.recordOutcome(
              disputeId, outcome.name(), amount, creditNoteNumber, null, actor, CaseClock.now());
        });
  }

  public void reject(long disputeId, String reason, String actor) {
    tx.executeWithoutResult(
        status ->
            repository.recordOutcome(
                disputeId,
                DisputeOutcome.REJECTED.name(),
                null,
                null,
                reason,
                actor,
                CaseClock.now()));
  }

  /** Reminders chase the dispute's invoices again. */
  public void release(long disputeId) {
    tx.executeWithoutResult(status -> repository.release(disputeId, CaseClock.now()));
  }

  private static DisputeCategory check(DisputeRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    DisputeCategory category = null;
    if (request.category() == null || request.category().isBlank()) {
      problems.add(
          new FieldProblem(
              "category", "is required: one of " + Arrays.toString(DisputeCategory.values())));
    } else {
      try {
        category = DisputeCategory.valueOf(request.category().trim().toUpperCase());
      } catch (IllegalArgumentException e) {
        problems.add(
            new FieldProblem(
                "category", "must be one of " + Arrays.toString(DisputeCategory.values())));
      }
    }
    if (request.invoiceNumbers() == null || request.invoiceNumbers().isEmpty()) {
      problems.add(
          new FieldProblem("invoiceNumbers", "must name at least one invoice of the case"));
    } else {
      Set<String> seen = new LinkedHashSet<>();
      for (int i = 0; i < request.invoiceNumbers().size(); i++) {
        String n = request.invoiceNumbers().get(i);
        if (n == null || n.isBlank()) {
          problems.add(new FieldProblem("invoiceNumbers[" + i + "]", "must not be blank"));
        } else {
          seen.add(n.trim());
        }
      }
    }
    if (request.comment() != null && request.comment().length() > MAX_COMMENT) {
      problems.add(new FieldProblem("comment", "must be at most " + MAX_COMMENT + " characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return category;
  }

  private static BigDecimal outstanding(List<InvoiceFacts> invoices) {
    return invoices.stream()
        .map(InvoiceFacts::outstanding)
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}

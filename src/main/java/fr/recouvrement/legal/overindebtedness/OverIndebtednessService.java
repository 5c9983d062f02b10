package fr.recouvrement.legal.overindebtedness;

import fr.recouvrement.cases.CaseConflictException;
import fr.recouvrement.cases.CaseNotFoundException;
import fr.recouvrement.cases.CaseStatus;
import fr.recouvrement.cases.DebtorType;
import fr.recouvrement.cases.InvalidRequestException;
import fr.recouvrement.cases.InvalidRequestException.FieldProblem;
import fr.recouvrement.cases.UnprocessableCaseException;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.legal.LockedCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A consumer's over-indebtedness file (surendettement, C. consom. L711-1 ff.): its admissibility
 * stops reminders and enforcement (L722-2) while the commission decides, then its outcome. The row,
 * the legal event and the message to the case process go in one transaction: if the process does
 * not take the message, nothing is recorded.
 */
@Service
public class OverIndebtednessService {
  public static final String MESSAGE_ADMITTED = "OverIndebtednessAdmitted";
  public static final String MESSAGE_OUTCOME = "OverIndebtednessOutcome";

  private final OverIndebtednessRepository repository;
  private final LegalEvents legalEvents;
  private final RuntimeService runtimeService;
  private final TransactionTemplate tx;

  OverIndebtednessService(
      OverIndebtednessRepository repository,
      LegalEvents legalEvents,
      RuntimeService runtimeService,
      TransactionTemplate tx) {
    this.repository = repository;
    this.legalEvents = legalEvents;
    this.runtimeService = runtimeService;
    this.tx = tx;
  }

  OverIndebtednessView admit(String reference, OverIndebtednessRequest request, String actor) {
    check(request);
    String commission = request.commission().trim();
    tx.executeWithoutResult(
        status -> {
          LockedCase c =
              repository
                  .lockCase(reference)
                  .orElseThrow(() -> new CaseNotFoundException(reference));
          if (!DebtorType.CONSUMER.name().equals(c.debtorType())) {
            throw new UnprocessableCaseException(
                ("The debtor of case %s is %s: over-indebtedness (surendettement, C. consom. L711-1) concerns consumers only;"
                        + " a business debtor's collective proceeding is recorded with POST /api/cases/%s/insolvency")
                    .formatted(reference, c.debtorType(), reference),
                Map.of("debtorType", c.debtorType()));
          }
          if (CaseStatus.valueOf(c.status()).isClosed()) {
            throw new CaseConflictException(
                "Case %s is closed (%s): an over-indebtedness file no longer concerns it"
                    .formatted(reference, c.status()));
          }
          if (repository.find(reference).isPresent()) {
            throw new CaseConflictException(
                "An over-indebtedness file is already recorded on case %s".formatted(reference));
          }
          repository.insert(
              c.id(), commission, request.admissibilityDate(), CaseClock.now(), actor);
          legalEvents.record(
              c.id(),
              LegalEventType.OVER_INDEBTEDNESS_ADMITTED,
              request.admissibilityDate(),
              null,
              "Dossier de surendettement déclaré recevable le %s par %s : relances et procédures d'exécution suspendues (C. consom. L722-2)"
                  .formatted(request.admissibilityDate(), commission),
              actor);
          if (c.processInstanceId() == null) {
            throw notWaiting(reference);
          }
          try {
            runtimeService
                .createMessageCorrelation(MESSAGE_ADMITTED)
                .processInstanceId(c.processInstanceId())
                .setVariable("admissibilityDate", request.admissibilityDate().toString())
                .setVariable("commission", commission)
                .correlateWithResult();
          } catch (MismatchingMessageCorrelationException e) {
            throw notWaiting(reference);
          }
        });
    return repository.find(reference).orElseThrow();
  }

  OverIndebtednessView decide(String reference, OutcomeRequest request, String actor) {
    OverIndebtednessOutcome outcome = checkOutcome(request);
    tx.executeWithoutResult(
        status -> {
          LockedCase c =
              repository
                  .lockCase(reference)
                  .orElseThrow(() -> new CaseNotFoundException(reference));
          OverIndebtednessView file =
              repository
                  .find(reference)
                  .orElseThrow(
                      () ->
                          new CaseConflictException(
                              "No over-indebtedness file is recorded on case %s: record its admissibility first"
                                  .formatted(reference)));
          if (file.outcome() != null) {
            throw new CaseConflictException(
                "The over-indebtedness file of case %s already has its outcome (%s on %s)"
                    .formatted(reference, file.outcome(), file.outcomeDate()));
          }
          if (request.date().isBefore(file.admissibilityDate())) {
            throw new InvalidRequestException(
                List.of(
                    new FieldProblem(
                        "date",
                        "must not be before the admissibility date " + file.admissibilityDate())));
          }
          String details =
              request.details() == null || request.details().isBlank()
                  ? null
                  : request.details().trim();
          repository.outcome(c.id(), outcome, request.date(), details);
          legalEvents.record(
              c.id(),
              LegalEventType.OVER_INDEBTEDNESS_DECIDED,
              request.date(),
              null,
              "Surendettement : %s le %s%s"
                  .formatted(
                      outcome.label(), request.date(), details == null ? "" : " (" + details + ")"),
              actor);
          try {
            runtimeService
                .createMessageCorrelation(MESSAGE_OUTCOME)
                .processInstanceBusinessKey(reference)
                .setVariable("overIndebtednessOutcome", outcome.name())
                .setVariable("overIndebtednessOutcomeDate", request.date().toString())
                .correlateWithResult();
          } catch (MismatchingMessageCorrelationException e) {
            throw new CaseConflictException(
                "The process of case %s is not waiting for the commission's outcome; nothing was recorded"
                    .formatted(reference));
          }
        });
    return repository.find(reference).orElseThrow();
  }

  private static CaseConflictException notWaiting(String reference) {
    return new CaseConflictException(
        "The process of case %s does not take an over-indebtedness file (no %s subscription); nothing was recorded"
            .formatted(reference, MESSAGE_ADMITTED));
  }

  private static void check(OverIndebtednessRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request.admissibilityDate() == null) {
      problems.add(
          new FieldProblem(
              "admissibilityDate",
              "is required (YYYY-MM-DD): the commission's admissibility decision"));
    } else if (request.admissibilityDate().isAfter(CaseClock.today())) {
      problems.add(new FieldProblem("admissibilityDate", "must not be in the future"));
    }
    if (request.commission() == null || request.commission().isBlank()) {
      problems.add(
          new FieldProblem(
              "commission", "is required: the commission de surendettement (département)"));
    } else if (request.commission().trim().length() > 200) {
      problems.add(new FieldProblem("commission", "must be at most 200 characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private static OverIndebtednessOutcome checkOutcome(OutcomeRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    OverIndebtednessOutcome outcome = null;
    if (request.outcome() == null || request.outcome().isBlank()) {
      problems.add(
          new FieldProblem(
              "outcome",
              "is required: one of " + Arrays.toString(OverIndebtednessOutcome.values())));
    } else {
      try {
        outcome = OverIndebtednessOutcome.valueOf(request.outcome().trim().toUpperCase());
      } catch (IllegalArgumentException e) {
        problems.add(
            new FieldProblem(
                "outcome", "must be one of " + Arrays.toString(OverIndebtednessOutcome.values())));
      }
    }
    if (request.date() == null) {
      problems.add(new FieldProblem("date", "is required (YYYY-MM-DD): the date of the decision"));
    } else if (request.date().isAfter(CaseClock.today())) {
      problems.add(new FieldProblem("date", "must not be in the future"));
    }
    if (request.details() != null && request.details().length() > 1000) {
      problems.add(new FieldProblem("details", "must be at most 1000 characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return outcome;
  }
}

package fr.recouvrement.legal.insolvency;

import fr.recouvrement.cases.CaseConflictException;
import fr.recouvrement.cases.CaseNotFoundException;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseStatus;
import fr.recouvrement.cases.DebtorType;
import fr.recouvrement.cases.InvalidRequestException;
import fr.recouvrement.cases.InvalidRequestException.FieldProblem;
import fr.recouvrement.cases.UnprocessableCaseException;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.LegalDeadlines;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.legal.LegalRule;
import fr.recouvrement.legal.LockedCase;
import fr.recouvrement.legal.Residence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a collective proceeding and tells the case process, which stops every phase and files the
 * proof of claim. The row, the legal event and the message go in one transaction: if the case
 * process does not take the message, nothing is recorded.
 */
@Service
public class InsolvencyService {
  public static final String MESSAGE_INSOLVENCY_OPENED = "InsolvencyOpened";

  private final InsolvencyRepository repository;
  private final LegalEvents legalEvents;
  private final RuntimeService runtimeService;
  private final TransactionTemplate tx;
  private final LegalDeadlines legalDeadlines;
  private final CaseService cases;

  InsolvencyService(
      InsolvencyRepository repository,
      LegalEvents legalEvents,
      RuntimeService runtimeService,
      TransactionTemplate tx,
      LegalDeadlines legalDeadlines,
      CaseService cases) {
    this.cases = cases;
    this.repository = repository;
    this.legalEvents = legalEvents;
    this.runtimeService = runtimeService;
    this.tx = tx;
    this.legalDeadlines = legalDeadlines;
  }

  /**
   * The last day to file the proof of claim: legal-deadlines' PROOF_OF_CLAIM period (C. com.
   * R622-24: 2 months from the BODACC publication, 2 more for a creditor established outside
   * metropolitan France) from the publication.
   */
  LocalDate claimDeadline(LocalDate publication, boolean overseas) {
    return legalDeadlines
        .find(
            LegalRule.PROOF_OF_CLAIM,
            publication,
            overseas ? Residence.OUTRE_MER : Residence.METROPOLE)
        .endFrom(publication);
  }

  /**
   * The last day to ask the juge-commissaire for a relevé de forclusion (L622-26: 6 months from the
   * publication).
   */
  LocalDate reliefDeadline(LocalDate publication) {
    return legalDeadlines.find(LegalRule.RELEVE_DE_FORCLUSION, publication).endFrom(publication);
  }

  public InsolvencyView open(String reference, InsolvencyRequest request, String actor) {
    InsolvencyProcedure procedure = check(request);
    boolean overseas = Boolean.TRUE.equals(request.overseas());
    LocalDate deadline = claimDeadline(request.publicationDate(), overseas);
    LocalDate relief = reliefDeadline(request.publicationDate());
    tx.executeWithoutResult(
        status -> {
          LockedCase c =
              repository
                  .lockCase(reference)
                  .orElseThrow(() -> new CaseNotFoundException(reference));
          if (DebtorType.CONSUMER.name().equals(c.debtorType())) {
            throw new UnprocessableCaseException(
                ("The debtor of case %s is a CONSUMER: a consumer is never put into a procédure collective (C. com."
                        + " L620-2, L631-2, L640-2); an over-indebtedness file is recorded with POST /api/cases/%s/over-indebtedness"
                        + " (C. consom. L711-1)")
                    .formatted(reference, reference),
                Map.of("debtorType", c.debtorType()));
          }
          if (CaseStatus.valueOf(c.status()).isClosed()) {
            throw new CaseConflictException(
                "Case %s is closed (%s): an insolvency no longer concerns it"
                    .formatted(reference, c.status()));
          }
          if (repository.exists(c.id())) {
            throw new CaseConflictException(
                "An insolvency is already recorded on case %s".formatted(reference));
          }
          repository.insert(
              c.id(),
              procedure,
              request.judgmentDate(),
              request.publicationDate(),
              overseas,
              deadline,
              relief,
              CaseClock.now(),
              actor);
          legalEvents.record(
              c.id(),
              LegalEventType.INSOLVENCY_OPENED,
              request.judgmentDate(),
              null,
              "%s, jugement du %s publié au BODACC le %s ; déclaration de créance avant le %s"
                  .formatted(
                      procedure.label(),
                      request.judgmentDate(),
                      request.publicationDate(),
                      deadline),
              actor);
          if (procedure == InsolvencyProcedure.LIQUIDATION) {
            // a liquidation judgment makes the claim irrecoverable for VAT purposes: its VAT may be
            // recovered (CGI 272)
            cases.recordRecoverableVat(reference, "LIQUIDATION");
          }
          tellTheCase(
              c, procedure, request.judgmentDate(), request.publicationDate(), deadline, relief);
        });
    return repository.find(reference).orElseThrow();
  }

  /**
   * What {@code GET /api/cases/{reference}/insolvency} answers: the proceeding and the claim frozen
   * at its judgment.
   */
  record Recorded(InsolvencyView insolvency, ClaimAtJudgment claim) {}

  /**
   * The procédure collective recorded on a case, if any, with its deadlines (for the case page).
   */
  public java.util.Optional<InsolvencyView> ofCase(String reference) {
    return repository
        .find(reference)
        .map(
            view ->
                view.reliefDeadline() != null
                    ? view
                    : new InsolvencyView(
                        view.caseReference(),
                        view.procedure(),
                        view.judgmentDate(),
                        view.publicationDate(),
                        view.overseas(),
                        view.claimDeadline(),
                        reliefDeadline(view.publicationDate()),
                        view.claimFiledOn(),
                        view.outcome(),
                        view.recordedAt(),
                        view.recordedBy()));
  }

  Recorded find(String reference) {
    cases.get(reference); // 404 for an unknown case
    InsolvencyView view = repository.find(reference).orElseThrow(() -> new NoInsolvency(reference));
    if (view.reliefDeadline() == null) {
      // recorded before the relief window was kept: the same table gives it
      view =
          new InsolvencyView(
              view.caseReference(),
              view.procedure(),
              view.judgmentDate(),
              view.publicationDate(),
              view.overseas(),
              view.claimDeadline(),
              reliefDeadline(view.publicationDate()),
              view.claimFiledOn(),
              view.outcome(),
              view.recordedAt(),
              view.recordedBy());
    }
    return new Recorded(
        view,
        ClaimAtJudgment.of(view.judgmentDate(), cases.owedOn(reference, view.judgmentDate())));
  }

  static final class NoInsolvency extends CaseNotFoundException {
    NoInsolvency(String reference) {
      super(reference, "No procédure collective is recorded on case " + reference);
    }
  }

  private void tellTheCase(
      LockedCase c,
      InsolvencyProcedure procedure,
      LocalDate judgment,
      LocalDate publication,
      LocalDate deadline,
      LocalDate relief) {
    String notWaiting =
        "The process of case %s does not take an insolvency (no InsolvencyOpened subscription); nothing was recorded"
            .formatted(c.reference());
    if (c.processInstanceId() == null) {
      throw new CaseConflictException(notWaiting);
    }
    try {
      runtimeService
          .createMessageCorrelation(MESSAGE_INSOLVENCY_OPENED)
          .processInstanceId(c.processInstanceId())
          .setVariable("insolvencyProcedure", procedure.name())
          .setVariable("publicationDate", publication.toString())
          .setVariable("claimDeadline", deadline.toString())
          .setVariable("judgmentDate", judgment.toString())
          .setVariable("reliefDeadline", relief.toString())
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new CaseConflictException(notWaiting);
    }
  }

  private static InsolvencyProcedure check(InsolvencyRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    InsolvencyProcedure procedure = null;
    if (request.procedure() == null || request.procedure().isBlank()) {
      problems.add(
          new FieldProblem(
              "procedure", "is required: one of " + Arrays.toString(InsolvencyProcedure.values())));
    } else {
      try {
        procedure = InsolvencyProcedure.valueOf(request.procedure().trim().toUpperCase());
      } catch (IllegalArgumentException e) {
        problems.add(
            new FieldProblem(
                "procedure", "must be one of " + Arrays.toString(InsolvencyProcedure.values())));
      }
    }
    LocalDate today = CaseClock.today();
    if (request.judgmentDate() == null) {
      problems.add(new FieldProblem("judgmentDate", "is required (YYYY-MM-DD)"));
    } else if (request.judgmentDate().isAfter(today)) {
      problems.add(new FieldProblem("judgmentDate", "must not be in the future"));
    }
    if (request.publicationDate() == null) {
      problems.add(
          new FieldProblem(
              "publicationDate",
              "is required (YYYY-MM-DD): the BODACC publication starts the claim deadline"));
    } else if (request.publicationDate().isAfter(today)) {
      problems.add(new FieldProblem("publicationDate", "must not be in the future"));
    } else if (request.judgmentDate() != null
        && request.publicationDate().isBefore(request.judgmentDate())) {
      problems.add(new FieldProblem("publicationDate", "must not be before the judgment date"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return procedure;
  }
}

package fr.recouvrement.legal.insolvency;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.money.AmountPursued;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Préparer la déclaration de créance": the amount to declare — the claim as owed at the end of the
 * opening judgment's day ({@link CaseService#toDeclare(String, LocalDate)}: the amount pursued that
 * day, charges stopped then, C. com. L622-28, payments made by then, plus the invoices not yet due,
 * which are declared too, L622-24) — with its parts (principal, penalties to the judgment, the €40
 * recovery indemnity of each late invoice) and its breakdown per invoice ({@code claimBreakdown}),
 * which also names a disputed invoice left out so that the collector can mention it to the
 * mandataire as a claim under dispute (R622-23); the task's due date (the claim deadline), the
 * supervisor's warning date ({@code claimWarningDays} before it, set in the model), the day after
 * the deadline (when a missed claim needs a relevé de forclusion) and the last day to ask for it;
 * and the missions handed over by hand that the insolvency withdrew, so the collector tells the
 * bailiff to stop.
 */
@Component("prepareProofOfClaim")
class PrepareProofOfClaim implements JavaDelegate {
  private final CaseService cases;
  private final InsolvencyRepository repository;
  private final InsolvencyService insolvencies;

  PrepareProofOfClaim(
      CaseService cases, InsolvencyRepository repository, InsolvencyService insolvencies) {
    this.cases = cases;
    this.repository = repository;
    this.insolvencies = insolvencies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    String reference = variables.caseReference();
    LocalDate deadline = variables.optionalDate("claimDeadline").orElse(null);
    int warningDays = variables.integer("claimWarningDays");
    InsolvencyView insolvency =
        repository
            .find(reference)
            .orElseThrow(
                () -> new IllegalStateException("No insolvency recorded on case " + reference));
    LocalDate judgment = insolvency.judgmentDate();
    execution.setVariable("judgmentDate", judgment.toString());
    AmountPursued.Statement claim = cases.toDeclare(reference, judgment);
    execution.setVariable("principalToDeclare", claim.principal().doubleValue());
    execution.setVariable("penaltiesToDeclare", claim.latePenalties().doubleValue());
    execution.setVariable("indemnitiesToDeclare", claim.recoveryIndemnities().doubleValue());
    execution.setVariable("amountToDeclare", claim.total().doubleValue());
    execution.setVariable("amountDeclared", claim.total().doubleValue());
    execution.setVariable(
        "claimInvoicesText",
        claim.lines().stream()
            .map(
                o ->
                    "Facture %s : principal %s, pénalités %s, indemnité %s"
                        .formatted(
                            o.number(),
                            ClaimTexts.euros(o.principal()),
                            ClaimTexts.euros(o.latePenalty()),
                            ClaimTexts.euros(o.recoveryIndemnity())))
            .collect(Collectors.joining("\n")));
    execution.setVariable("claimBreakdown", claim.breakdown());
    // rows recorded before the relief window was kept have none: the same table gives it
    LocalDate relief =
        insolvency.reliefDeadline() != null
            ? insolvency.reliefDeadline()
            : insolvencies.reliefDeadline(insolvency.publicationDate());
    execution.setVariable("claimLateAt", CaseClock.startOf(deadline.plusDays(1)));
    execution.setVariable("reliefDueAt", CaseClock.startOf(relief));
    execution.setVariable("reliefDeadlineText", ClaimTexts.french(relief));
    execution.setVariable("claimDueAt", CaseClock.startOf(deadline));
    execution.setVariable("claimWarningAt", CaseClock.startOf(deadline.minusDays(warningDays)));
    execution.setVariable("claimDeadlineText", ClaimTexts.french(deadline));
    execution.setVariable(
        "manualMissionsToStop",
        repository.withdrawnManualMissions(reference).stream()
            .map(
                m ->
                    "Mission n° %d (%s) confiée le %s"
                        .formatted(
                            m.id(),
                            missionLabel(m.missionType()),
                            ClaimTexts.french(m.requestedAt())))
            .collect(Collectors.joining("\n")));
  }

  private static String missionLabel(String type) {
    return switch (type) {
      case "BANK_SEIZURE" -> "saisie-attribution";
      case "WAGE_SEIZURE" -> "saisie des rémunérations";
      case "GOODS_SEIZURE" -> "saisie-vente";
      case "SMALL_CLAIMS" -> "petite créance";
      case "SERVICE" -> "signification";
      default -> type;
    };
  }
}

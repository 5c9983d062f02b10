package fr.recouvrement.legal.insolvency;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.money.AmountPursued;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Préparer la déclaration de créance": the amount to declare — the amount pursued ({@link
 * fr.recouvrement.money.AmountPursued}: due, undisputed invoices with their penalties, indemnities or
 * legal interest) — and its breakdown per invoice ({@code claimBreakdown}), which also names the
 * invoices left out (disputed, not yet due) so that the collector can mention them to the
 * mandataire as the declaration allows (sums to fall due, a claim under dispute, C. com. L622-24,
 * R622-23), the task's due date (the claim deadline) and the supervisor's warning date
 * ({@code claimWarningDays} before it, set in the model), and the missions handed over by hand that
 * the insolvency withdrew, so the collector tells the bailiff to stop.
 */
@Component("prepareProofOfClaim")
class PrepareProofOfClaim implements JavaDelegate {
  private final CaseService cases;
  private final InsolvencyRepository repository;

  PrepareProofOfClaim(CaseService cases, InsolvencyRepository repository) {
    this.cases = cases;
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = ClaimVariables.required(execution, "caseReference");
    LocalDate deadline = ClaimVariables.date(execution, "claimDeadline");
    int warningDays = ((Number) execution.getVariable("claimWarningDays")).intValue();
    AmountPursued.Statement pursued = cases.pursued(reference);
    double owed = pursued.total().doubleValue();
    execution.setVariable("amountToDeclare", owed);
    execution.setVariable("amountDeclared", owed);
    execution.setVariable("claimBreakdown", pursued.breakdown());
    execution.setVariable("claimDueAt", ClaimVariables.startOf(deadline));
    execution.setVariable("claimWarningAt", ClaimVariables.startOf(deadline.minusDays(warningDays)));
    execution.setVariable("claimDeadlineText", ClaimVariables.french(deadline));
    execution.setVariable(
        "manualMissionsToStop",
        repository.withdrawnManualMissions(reference).stream()
            .map(m -> "Mission n° %d (%s) confiée le %s".formatted(m.id(), missionLabel(m.missionType()), ClaimVariables.french(m.requestedAt())))
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

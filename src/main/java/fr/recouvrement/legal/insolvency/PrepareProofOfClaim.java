package fr.recouvrement.legal.insolvency;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseService.OwedOn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Préparer la déclaration de créance": the amount to declare, as owed at the end of the opening
 * judgment's day (interest and penalties stop then, C. com. L622-28), with its breakdown (principal,
 * penalties to the judgment, the €40 recovery indemnity of each late invoice); the task's due date
 * (the claim deadline), the supervisor's warning date ({@code claimWarningDays} before it, set in
 * the model), the day after the deadline (when a missed claim needs a relevé de forclusion) and the
 * last day to ask for it; and the missions handed over by hand that the insolvency withdrew, so the
 * collector tells the bailiff to stop.
 */
@Component("prepareProofOfClaim")
class PrepareProofOfClaim implements JavaDelegate {
  private final CaseService cases;
  private final InsolvencyRepository repository;
  private final InsolvencyService insolvencies;

  PrepareProofOfClaim(CaseService cases, InsolvencyRepository repository, InsolvencyService insolvencies) {
    this.cases = cases;
    this.repository = repository;
    this.insolvencies = insolvencies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = ClaimVariables.required(execution, "caseReference");
    LocalDate deadline = ClaimVariables.date(execution, "claimDeadline");
    int warningDays = ((Number) execution.getVariable("claimWarningDays")).intValue();
    InsolvencyView insolvency =
        repository.find(reference).orElseThrow(() -> new IllegalStateException("No insolvency recorded on case " + reference));
    LocalDate judgment = insolvency.judgmentDate();
    List<OwedOn> owed = cases.owedOn(reference, judgment);
    BigDecimal principal = sum(owed, OwedOn::principal);
    BigDecimal penalties = sum(owed, OwedOn::latePenalty);
    BigDecimal indemnities = sum(owed, OwedOn::recoveryIndemnity);
    double total = principal.add(penalties).add(indemnities).doubleValue();
    execution.setVariable("principalToDeclare", principal.doubleValue());
    execution.setVariable("penaltiesToDeclare", penalties.doubleValue());
    execution.setVariable("indemnitiesToDeclare", indemnities.doubleValue());
    execution.setVariable("amountToDeclare", total);
    execution.setVariable("amountDeclared", total);
    execution.setVariable(
        "claimInvoicesText",
        owed.stream()
            .filter(o -> o.principal().add(o.latePenalty()).add(o.recoveryIndemnity()).signum() > 0)
            .map(o -> "Facture %s : principal %s, pénalités %s, indemnité %s".formatted(
                o.invoiceNumber(), ClaimVariables.euros(o.principal()), ClaimVariables.euros(o.latePenalty()),
                ClaimVariables.euros(o.recoveryIndemnity())))
            .collect(Collectors.joining("\n")));
    // rows recorded before the relief window was kept have none: the same table gives it
    LocalDate relief =
        insolvency.reliefDeadline() != null ? insolvency.reliefDeadline() : insolvencies.reliefDeadline(insolvency.publicationDate());
    execution.setVariable("claimLateAt", ClaimVariables.startOf(deadline.plusDays(1)));
    execution.setVariable("reliefDueAt", ClaimVariables.startOf(relief));
    execution.setVariable("reliefDeadlineText", ClaimVariables.french(relief));
    execution.setVariable("claimDueAt", ClaimVariables.startOf(deadline));
    execution.setVariable("claimWarningAt", ClaimVariables.startOf(deadline.minusDays(warningDays)));
    execution.setVariable("claimDeadlineText", ClaimVariables.french(deadline));
    execution.setVariable(
        "manualMissionsToStop",
        repository.withdrawnManualMissions(reference).stream()
            .map(m -> "Mission n° %d (%s) confiée le %s".formatted(m.id(), missionLabel(m.missionType()), ClaimVariables.french(m.requestedAt())))
            .collect(Collectors.joining("\n")));
  }

  private static BigDecimal sum(List<OwedOn> owed, Function<OwedOn, BigDecimal> part) {
    return owed.stream().map(part).reduce(BigDecimal.ZERO, BigDecimal::add);
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

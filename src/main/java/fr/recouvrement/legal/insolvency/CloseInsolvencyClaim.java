package fr.recouvrement.legal.insolvency;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.security.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la clôture de la procédure collective": the outcome on the insolvency row, the end
 * of the proof of claim's lasting interruption of prescription (its {@code ends_on}), an
 * INSOLVENCY_CLOSED legal event and, for a loss, the reason the write-off shows (with the VAT the
 * creditor may recover on the unpaid invoices, CGI art. 272).
 */
@Component("closeInsolvencyClaim")
class CloseInsolvencyClaim implements JavaDelegate {
  static final String VAT_NOTE =
      " Créance irrécouvrable : la TVA reversée sur les factures impayées peut être récupérée (CGI art. 272), "
          + "par une facture rectificative adressée au débiteur et au mandataire judiciaire.";

  private final InsolvencyRepository repository;
  private final LegalEvents legalEvents;

  CloseInsolvencyClaim(InsolvencyRepository repository, LegalEvents legalEvents) {
    this.repository = repository;
    this.legalEvents = legalEvents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    String reference = variables.caseReference();
    String outcome = variables.text("insolvencyOutcome");
    String claim = variables.text("claimOutcome");
    String procedure = procedureLabel(variables.optionalText("insolvencyProcedure").orElse(null));
    boolean settled = "SETTLED".equals(outcome);
    repository.outcome(reference, settled ? "PAID" : claim);
    String reason = settled ? "" : writeOffReason(procedure, claim);
    execution.setVariable("writeOffReason", reason);
    // the proof of claim interrupted prescription until the procedure closes (C. com. L622-25-1)
    legalEvents.endSuspension(
        legalEvents.caseId(reference), LegalEventType.PROOF_OF_CLAIM_FILED, CaseClock.today());
    legalEvents.record(
        reference,
        LegalEventType.INSOLVENCY_CLOSED,
        CaseClock.today(),
        settled ? "Créance payée dans le cadre de la " + procedure : reason,
        Actors.current(execution));
  }

  static String writeOffReason(String procedure, String claim) {
    String why =
        switch (claim) {
          case "REJECTED" -> "créance rejetée par le juge-commissaire";
          case "LIQUIDATION_CLOSED" -> "liquidation judiciaire clôturée pour insuffisance d'actif";
          default -> "créance admise mais non payée à la clôture du plan ou de la répartition";
        };
    return "Procédure collective (" + procedure + ") : " + why + "." + VAT_NOTE;
  }

  private static String procedureLabel(String code) {
    try {
      return code == null ? "procédure collective" : InsolvencyProcedure.valueOf(code).label();
    } catch (IllegalArgumentException e) {
      return code;
    }
  }
}

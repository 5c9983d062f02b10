package fr.recouvrement.legal.insolvency;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.security.Actors;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la déclaration de créance": the filing date on the insolvency row and a
 * PROOF_OF_CLAIM_FILED legal event (it interrupts prescription while the proceeding runs).
 */
@Component("recordProofOfClaim")
class RecordProofOfClaim implements JavaDelegate {
  private final InsolvencyRepository repository;
  private final LegalEvents legalEvents;

  RecordProofOfClaim(InsolvencyRepository repository, LegalEvents legalEvents) {
    this.repository = repository;
    this.legalEvents = legalEvents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    String reference = variables.caseReference();
    LocalDate filedOn = variables.optionalDate("claimFiledOn").orElse(null);
    if (filedOn == null || filedOn.isAfter(CaseClock.today())) {
      throw new IllegalArgumentException(
          "The proof of claim of case %s needs a filing date that is not in the future (was %s)"
              .formatted(reference, filedOn));
    }
    BigDecimal amount = variables.optionalAmount("amountDeclared").orElse(null);
    if (amount == null || amount.signum() <= 0) {
      throw new IllegalArgumentException(
          "The proof of claim of case %s needs a positive amount (was %s)"
              .formatted(reference, amount));
    }
    String mandataire = variables.text("mandataireName");
    repository.claimFiled(reference, filedOn);
    String late =
        filedOn.isAfter(variables.optionalDate("claimDeadline").orElse(null))
            ? " (après l'échéance : relevé de forclusion à demander)"
            : "";
    legalEvents.record(
        reference,
        LegalEventType.PROOF_OF_CLAIM_FILED,
        filedOn,
        "Créance de %s déclarée à %s, mandataire judiciaire%s"
            .formatted(ClaimTexts.euros(amount), mandataire, late),
        Actors.current(execution));
  }
}

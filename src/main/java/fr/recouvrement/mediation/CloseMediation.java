package fr.recouvrement.mediation;

import fr.recouvrement.kernel.process.StepVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enregistrer la fin de la médiation": its end date and outcome; prescription runs again. */
@Component("closeMediation")
class CloseMediation implements JavaDelegate {
  private final MediationService mediations;

  CloseMediation(MediationService mediations) {
    this.mediations = mediations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    mediations.end(
        variables.id("mediationId"), variables.optionalText("mediationOutcome").orElse(null));
  }
}

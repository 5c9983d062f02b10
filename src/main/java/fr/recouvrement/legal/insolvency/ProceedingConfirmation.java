package fr.recouvrement.legal.insolvency;

import fr.recouvrement.security.Actors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing « Confirmer une procédure collective »: the supervisor must choose ({@code
 * proceedingDecision} CONFIRMED or DISMISSED) and be identified; sets {@code proceedingConfirmed}
 * for the model's gateway and {@code proceedingDecidedBy}.
 */
@Component("proceedingConfirmation")
class ProceedingConfirmation implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable("proceedingDecision");
    if (!"CONFIRMED".equals(decision) && !"DISMISSED".equals(decision)) {
      throw new BadUserRequestException(
          "Procédure collective : choisissez de la confirmer ou de l'écarter.");
    }
    String user = Actors.completing(task);
    if (user == null) {
      throw new BadUserRequestException(
          "Procédure collective : la décision doit être prise par un utilisateur identifié.");
    }
    task.getExecution().setVariable("proceedingConfirmed", "CONFIRMED".equals(decision));
    task.getExecution().setVariable("proceedingDecidedBy", user);
  }
}

package fr.recouvrement.payment;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.security.Actors;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing « Traiter un paiement en ligne non affecté »: the supervisor says what became of the
 * money ({@code heldPaymentResolution} REFUNDED or RECORDED_ELSEWHERE, with a comment) and is
 * identified; the held payment keeps the answer, who gave it and when.
 */
@Component("resolveHeldPayment")
class ResolveHeldPayment implements TaskListener {
  static final Set<String> RESOLUTIONS = Set.of("REFUNDED", "RECORDED_ELSEWHERE");
  private final HeldPayments held;

  ResolveHeldPayment(HeldPayments held) {
    this.held = held;
  }

  @Override
  public void notify(DelegateTask task) {
    Object resolution = task.getVariable("heldPaymentResolution");
    if (!(resolution instanceof String answer) || !RESOLUTIONS.contains(answer)) {
      throw new BadUserRequestException(
          "Paiement non affecté : indiquez s'il a été remboursé ou enregistré ailleurs.");
    }
    Object comment = task.getVariable("heldPaymentComment");
    if (!(comment instanceof String text) || text.isBlank()) {
      throw new BadUserRequestException(
          "Paiement non affecté : dites en commentaire ce qui a été fait (référence du remboursement ou du dossier).");
    }
    String user = Actors.completing(task);
    if (user == null) {
      throw new BadUserRequestException(
          "Paiement non affecté : la réponse doit venir d'un utilisateur identifié.");
    }
    held.resolve(StepVariables.of(task).id("heldPaymentId"), answer, text, user);
  }
}

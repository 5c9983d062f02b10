package fr.recouvrement.legal.writeoff;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.security.Actors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing "Confirmer le passage en perte": the comment is required, a refusal is rejected when
 * the write-off cannot be refused ({@code writeOffRefusable} false, e.g. a prescribed claim), and
 * the supervisor who decided is recorded ({@code writeOffDecidedBy}: the authenticated user, as in
 * Tasklist or REST, else the task's assignee). {@code writeOffRefused} is always set, false unless
 * the box was ticked, so the model's gateway can read it.
 */
@Component("writeOffConfirmation")
class WriteOffConfirmation implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    StepVariables variables = StepVariables.of(task);
    if (variables.optionalText("writeOffComment").isEmpty()) {
      throw new BadUserRequestException("Passage en perte : un commentaire est obligatoire.");
    }
    boolean refused = variables.optionalFlag("writeOffRefused").orElse(false);
    if (refused && !variables.optionalFlag("writeOffRefusable").orElse(true)) {
      throw new BadUserRequestException(
          "Passage en perte : il ne peut pas être refusé pour ce dossier ("
              + variables.optionalText("writeOffCause").orElse(null)
              + ").");
    }
    String user = Actors.completing(task);
    if (user == null) {
      throw new BadUserRequestException(
          "Passage en perte : la décision doit être prise par un utilisateur identifié.");
    }
    task.getExecution().setVariable("writeOffRefused", refused);
    task.getExecution().setVariable("writeOffDecidedBy", user);
  }
}

package fr.recouvrement.legal.escalation;

import fr.recouvrement.security.Actors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four eyes on every move into the contentious stage: a collector proposes ("Proposer l'escalade",
 * recorded as escalationProposer) and another person, a supervisor, validates ("Valider
 * l'escalade", escalationApprover). Completing the validation as the proposer is refused.
 */
@Component("escalationFourEyes")
class EscalationFourEyes implements TaskListener {
  static final String PROPOSE = "Task_ProposeEscalation";
  static final String APPROVE = "Task_ApproveEscalation";

  @Override
  public void notify(DelegateTask task) {
    String user = Actors.completing(task);
    if (PROPOSE.equals(task.getTaskDefinitionKey())) {
      task.getExecution().setVariable("escalationProposer", user);
    } else if (APPROVE.equals(task.getTaskDefinitionKey())) {
      if (user == null) {
        throw new BadUserRequestException("Quatre yeux : la validation d'une escalade doit être faite par un utilisateur identifié.");
      }
      if (user.equals(task.getExecution().getVariable("escalationProposer"))) {
        throw new BadUserRequestException(
            "Quatre yeux : " + user + " a proposé cette escalade et ne peut pas la valider ; un autre superviseur doit le faire.");
      }
      task.getExecution().setVariable("escalationApprover", user);
    }
  }

}

package fr.recouvrement.plan;

import fr.recouvrement.security.Actors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four eyes on payment plans: completing "Négocier l'échéancier" records who negotiated
 * (planNegotiator); completing "Approuver l'échéancier" as that same user is refused, and the
 * approver is recorded (planApprover). The user is the authenticated one (Tasklist, REST), else
 * the task's assignee.
 */
@Component("planFourEyes")
public class PlanFourEyes implements TaskListener {
  static final String NEGOTIATE = "Task_NegotiatePlan";
  static final String APPROVE = "Task_ApprovePlan";

  @Override
  public void notify(DelegateTask task) {
    String user = Actors.completing(task);
    if (NEGOTIATE.equals(task.getTaskDefinitionKey())) {
      task.getExecution().setVariable("planNegotiator", user);
    } else if (APPROVE.equals(task.getTaskDefinitionKey())) {
      Object negotiator = task.getExecution().getVariable("planNegotiator");
      if (user == null) {
        throw new BadUserRequestException("Quatre yeux : l'approbation d'un échéancier doit être faite par un utilisateur identifié.");
      }
      if (user.equals(negotiator)) {
        throw new BadUserRequestException(
            "Quatre yeux : " + user + " a négocié cet échéancier et ne peut pas l'approuver ; un autre superviseur doit le faire.");
      }
      task.getExecution().setVariable("planApprover", user);
    }
  }

}

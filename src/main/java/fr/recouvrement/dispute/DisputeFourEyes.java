package fr.recouvrement.dispute;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.security.Actors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four eyes on disputes (security review H4): who raised a dispute — the API user who posted it, or
 * the collector who recorded it during a call — cannot decide it. Completing "Instruire la
 * contestation" as that person is refused; the decider is recorded (disputeDecider). Who raised it
 * is read from our dispute row, never from a process variable.
 */
@Component("disputeFourEyes")
class DisputeFourEyes implements TaskListener {
  private final DisputeService disputes;

  DisputeFourEyes(DisputeService disputes) {
    this.disputes = disputes;
  }

  @Override
  public void notify(DelegateTask task) {
    String user = Actors.completing(task);
    if (user == null) {
      throw new BadUserRequestException(
          "Quatre yeux : la décision sur une contestation doit être prise par un utilisateur identifié.");
    }
    long disputeId = StepVariables.of(task.getExecution()).id("disputeId");
    String raisedBy = disputes.view(disputeId).raisedBy();
    if (user.equals(raisedBy)) {
      throw new BadUserRequestException(
          "Quatre yeux : "
              + user
              + " a enregistré cette contestation et ne peut pas en décider ; un autre chargé ou un superviseur doit le faire.");
    }
    task.getExecution().setVariable("disputeDecider", user);
  }
}

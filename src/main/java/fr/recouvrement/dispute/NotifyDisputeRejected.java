package fr.recouvrement.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Informer le débiteur du rejet": records the rejection and the reason the debtor is given.
 *
 * <p>TODO: send the reason by email through the channel machinery (a template
 * {@code email/contestation-rejetee} and a public sender in {@code channel}); until then the
 * reason is recorded on the dispute and shown by the API.
 */
@Component("notifyDisputeRejected")
class NotifyDisputeRejected implements JavaDelegate {
  private final DisputeService disputes;

  NotifyDisputeRejected(DisputeService disputes) {
    this.disputes = disputes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    disputes.reject(
        DisputeVariables.disputeId(execution), DisputeVariables.text(execution, "rejectionReason"), DisputeVariables.actor(execution));
  }
}

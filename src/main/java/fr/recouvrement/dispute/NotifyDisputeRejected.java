package fr.recouvrement.dispute;

import fr.recouvrement.security.Actors;
import fr.recouvrement.channel.DisputeRejectionEmail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Informer le débiteur du rejet": records the rejection and emails the reason to the debtor, once
 * per process step. A debtor without an email address keeps the reason on the dispute.
 */
@Component("notifyDisputeRejected")
class NotifyDisputeRejected implements JavaDelegate {
  private static final Logger log = LoggerFactory.getLogger(NotifyDisputeRejected.class);

  private final DisputeService disputes;
  private final DisputeRejectionEmail email;

  NotifyDisputeRejected(DisputeService disputes, DisputeRejectionEmail email) {
    this.disputes = disputes;
    this.email = email;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long disputeId = DisputeVariables.disputeId(execution);
    String reason = DisputeVariables.text(execution, "rejectionReason");
    disputes.reject(disputeId, reason, Actors.current(execution));
    DisputeService.Facts facts = disputes.facts(disputeId);
    String key = facts.caseReference() + "/" + execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId();
    if (email.send(facts.caseReference(), key, facts.invoiceNumbers(), reason).isEmpty()) {
      log.warn("Case {}: dispute {} rejected, but the debtor has no email address; the reason is on the dispute", facts.caseReference(), disputeId);
    }
  }
}

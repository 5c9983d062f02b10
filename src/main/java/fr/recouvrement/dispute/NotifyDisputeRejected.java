package fr.recouvrement.dispute;

import fr.recouvrement.channel.DisputeRejectionEmail;
import fr.recouvrement.kernel.process.StepKey;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.security.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Informer le débiteur du rejet": records the rejection and sends the reason to the debtor, once
 * per process step: by email, or by letter when the debtor has no email address (a consumer must
 * receive the consumer mediator's details, C. consom. L616-1). Writes letterDocumentId (the letter,
 * if any) and rejectionLetterByHand (true when no postal provider posted it: a collector prints and
 * posts it).
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
    long disputeId = StepVariables.of(execution).id("disputeId");
    String reason = StepVariables.of(execution).optionalText("rejectionReason").orElse(null);
    disputes.reject(disputeId, reason, Actors.current(execution));
    DisputeService.Facts facts = disputes.facts(disputeId);
    String key = StepKey.of(execution, facts.caseReference());
    boolean byHand = false;
    if (email.send(facts.caseReference(), key, facts.invoiceNumbers(), reason).isEmpty()) {
      DisputeRejectionEmail.Letter letter =
          email.letter(facts.caseReference(), key + "/letter", facts.invoiceNumbers(), reason);
      execution.setVariable("letterDocumentId", letter.documentId());
      byHand = !letter.posted();
      log.info(
          "Case {}: dispute {} rejected; the debtor has no email address, the answer goes by letter (document {})",
          facts.caseReference(),
          disputeId,
          letter.documentId());
    }
    execution.setVariable("rejectionLetterByHand", byHand);
  }
}

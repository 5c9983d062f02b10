package fr.recouvrement.channel;

import fr.recouvrement.kernel.process.StepVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Envoyer le courrier par la poste". Reads caseReference, reminderStep, template, letterDocumentId
 * and registeredLetter (Boolean, optional, default false: true for LRAR); writes postalTrackingId
 * and communicationStatus (SENT).
 */
@Component("sendLetterByPost")
class SendLetterByPost implements JavaDelegate {
  private final LetterPost post;

  SendLetterByPost(LetterPost post) {
    this.post = post;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReminderStep step = ReminderStep.of(execution);
    long documentId =
        StepVariables.of(execution).typed("letterDocumentId", Number.class).longValue();
    boolean registered = StepVariables.of(execution).optionalFlag("registeredLetter").orElse(false);
    CommunicationLog.Entry sent = post.send(step, documentId, registered);
    execution.setVariable("postalTrackingId", sent.providerId());
    execution.setVariable("communicationStatus", sent.status().name());
  }
}

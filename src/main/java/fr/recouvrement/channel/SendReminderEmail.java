package fr.recouvrement.channel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Envoyer la relance par email". Reads caseReference, reminderStep, template, tone; writes
 * communicationStatus (SENT, DRY_RUN or NOTHING_DUE). Fails when the debtor has no email.
 */
@Component("sendReminderEmail")
class SendReminderEmail implements JavaDelegate {
  private final ReminderEmails emails;

  SendReminderEmail(ReminderEmails emails) {
    this.emails = emails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CommunicationStatus status = emails.send(ReminderStep.of(execution));
    fr.recouvrement.kernel.process.StepVariables.of(execution)
        .set("communicationStatus", status.name());
  }
}

package fr.recouvrement.channel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Envoyer la relance par SMS". Reads caseReference, reminderStep, template, tone; writes
 * communicationStatus (SENT, DRY_RUN or NOTHING_DUE). Fails when the debtor has no phone number.
 */
@Component("sendReminderSms")
class SendReminderSms implements JavaDelegate {
  private final ReminderSms sms;

  SendReminderSms(ReminderSms sms) {
    this.sms = sms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CommunicationStatus status = sms.send(ReminderStep.of(execution));
    execution.setVariable("communicationStatus", status.name());
  }
}

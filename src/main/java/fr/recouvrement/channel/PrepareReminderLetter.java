package fr.recouvrement.channel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Préparer le courrier de relance". Reads caseReference, reminderStep, template, tone; writes
 * letterDocumentId (Long; null when the case owes nothing) and postalGatewayConfigured (Boolean:
 * false means a collector prints and posts it). Fails when the debtor has no postal address.
 */
@Component("prepareReminderLetter")
class PrepareReminderLetter implements JavaDelegate {
  private final ReminderLetters letters;
  private final PostalSettings postal;

  PrepareReminderLetter(ReminderLetters letters, PostalSettings postal) {
    this.letters = letters;
    this.postal = postal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long documentId =
        letters.prepare(ReminderStep.of(execution)).map(DocumentStore.Document::id).orElse(null);
    execution.setVariable("letterDocumentId", documentId);
    execution.setVariable("postalGatewayConfigured", postal.configured());
  }
}

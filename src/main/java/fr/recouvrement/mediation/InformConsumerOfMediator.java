package fr.recouvrement.mediation;

import fr.recouvrement.channel.ConsumerMediatorNotice;
import fr.recouvrement.channel.CreditorSettings;
import fr.recouvrement.kernel.process.StepKey;
import fr.recouvrement.kernel.process.StepVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Informer le consommateur de son médiateur": only the consumer may refer a dispute to the
 * consumer mediator; the creditor gives it the mediator's details (C. consom. L612-1, L616-1) — by
 * email when the consumer has an address (once per step), else the collector's next task says to
 * give them by phone or letter. Writes referredBy (CONSUMER), mediatorKind (CONSUMER_MEDIATOR),
 * mediatorName, mediatorAddress, mediatorWebsite, mediatorEmailStatus (SENT, DRY_RUN or NONE).
 * Fails (an incident) when no consumer mediator is set (recouvrement.creditor.mediator.name).
 */
@Component("informConsumerOfMediator")
class InformConsumerOfMediator implements JavaDelegate {
  private final ConsumerMediatorNotice notice;

  InformConsumerOfMediator(ConsumerMediatorNotice notice) {
    this.notice = notice;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = StepVariables.of(execution).caseReference();
    String key = StepKey.of(execution, reference);
    CreditorSettings.Mediator mediator = notice.mediator(reference);
    execution.setVariable("referredBy", "CONSUMER");
    execution.setVariable("mediatorKind", "CONSUMER_MEDIATOR");
    execution.setVariable("mediatorName", mediator.name());
    execution.setVariable("mediatorAddress", mediator.address());
    execution.setVariable("mediatorWebsite", mediator.website());
    execution.setVariable(
        "mediatorEmailStatus", notice.email(reference, key).map(Enum::name).orElse("NONE"));
  }
}

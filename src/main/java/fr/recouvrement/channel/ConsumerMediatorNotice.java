package fr.recouvrement.channel;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Gives a consumer the details of the creditor's consumer mediator ({@code
 * email/mediateur-consommation}), whom only the consumer may refer its dispute to (C. consom.
 * L612-1, L616-1).
 */
@Component
public class ConsumerMediatorNotice {
  static final String TEMPLATE = "mediateur-consommation";

  private final CaseService cases;
  private final CaseEmails emails;
  private final CreditorSettings creditor;

  ConsumerMediatorNotice(CaseService cases, CaseEmails emails, CreditorSettings creditor) {
    this.cases = cases;
    this.emails = emails;
    this.creditor = creditor;
  }

  /**
   * The creditor's consumer mediator; fails when none is set, so that the step shows as an
   * incident.
   */
  public CreditorSettings.Mediator mediator(String caseReference) {
    CreditorSettings.Mediator mediator = creditor.consumerMediator();
    if (mediator == null) {
      throw new IllegalStateException(
          ("Case %s: no consumer mediator is set (recouvrement.creditor.mediator.name, .address, .website): a creditor"
                  + " selling to consumers must offer one (C. consom. L612-1)")
              .formatted(caseReference));
    }
    return mediator;
  }

  /** Emails the mediator's details once per key; empty when the consumer has no email address. */
  public Optional<CommunicationStatus> email(String caseReference, String idempotencyKey) {
    CaseView view = cases.get(caseReference);
    if (view.debtor().email() == null || view.debtor().email().isBlank()) {
      return Optional.empty();
    }
    Map<String, Object> content = new HashMap<>();
    content.put("mediator", mediator(caseReference));
    return Optional.of(emails.send(caseReference, idempotencyKey, TEMPLATE, content));
  }
}

package fr.recouvrement.channel;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.channel.CommunicationLog.Outgoing;
import fr.recouvrement.channel.DocumentStore.Document;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Sends a prepared letter through the postal provider, once per step. */
@Component
class LetterPost {
  private final CaseService cases;
  private final DocumentStore documents;
  private final PostalGateway gateway;
  private final CommunicationLog communications;
  private final CreditorSettings creditor;
  private final ApplicationEventPublisher events;

  LetterPost(
      CaseService cases,
      DocumentStore documents,
      PostalGateway gateway,
      CommunicationLog communications,
      CreditorSettings creditor,
      ApplicationEventPublisher events) {
    this.events = events;
    this.cases = cases;
    this.documents = documents;
    this.gateway = gateway;
    this.communications = communications;
    this.creditor = creditor;
  }

  CommunicationLog.Entry send(ReminderStep step, long documentId, boolean registered) {
    Optional<CommunicationLog.Entry> done =
        communications.find(step.idempotencyKey()).filter(e -> e.status().done());
    if (done.isPresent()) {
      // a retried step: the attempt that posted it may have failed after, so its news was never
      // told
      return tracked(done.get());
    }
    Document document =
        documents
            .find(documentId)
            .orElseThrow(() -> new IllegalStateException("No stored document " + documentId));
    if (!document.caseReference().equals(step.caseReference())) {
      throw new IllegalStateException(
          "Document %d belongs to case %s, not %s"
              .formatted(documentId, document.caseReference(), step.caseReference()));
    }
    byte[] pdf = documents.content(document);
    CaseView view = cases.get(step.caseReference());
    CaseView.Address a = ReminderLetters.requireAddress(view);
    PostalGateway.Recipient recipient =
        new PostalGateway.Recipient(
            view.debtor().name(),
            a.line1(),
            a.postalCode(),
            a.city(),
            a.country() == null ? "FR" : a.country());
    PostalGateway.Letter letter =
        new PostalGateway.Letter(
            step.idempotencyKey(),
            registered,
            new PostalGateway.Sender(creditor.name(), creditor.address()),
            recipient,
            document.fileName(),
            document.sha256(),
            pdf);
    String to =
        "%s, %s, %s %s"
            .formatted(
                recipient.name(), recipient.line1(), recipient.postalCode(), recipient.city());
    return tracked(
        communications.deliverOnce(
            Outgoing.letter(step.idempotencyKey(), view.reference(), to, document),
            () -> gateway.send(letter)));
  }

  private CommunicationLog.Entry tracked(CommunicationLog.Entry sent) {
    if (sent.providerId() != null) {
      events.publishEvent(new LetterTracked(sent.providerId()));
    }
    return sent;
  }
}

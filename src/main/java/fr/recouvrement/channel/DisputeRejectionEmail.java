package fr.recouvrement.channel;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.channel.CommunicationLog.Outgoing;
import fr.recouvrement.channel.EmailSender.EmailMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tells the debtor, by email, why its dispute was rejected ({@code email/contestation-rejetee}),
 * once per process step, traced in {@code communication} like every reminder.
 */
@Component
public class DisputeRejectionEmail {
  static final String TEMPLATE = "contestation-rejetee";

  private final CaseService cases;
  private final Templates templates;
  private final EmailSender sender;
  private final CommunicationLog communications;
  private final CreditorSettings creditor;
  private final String from;

  DisputeRejectionEmail(
      CaseService cases,
      Templates templates,
      EmailSender sender,
      CommunicationLog communications,
      CreditorSettings creditor,
      MailSettings mail) {
    this.cases = cases;
    this.templates = templates;
    this.sender = sender;
    this.communications = communications;
    this.creditor = creditor;
    this.from = mail.from() == null || mail.from().isBlank() ? creditor.email() : mail.from();
  }

  /**
   * Sends the reason; empty when the debtor has no email address (the reason stays recorded on the
   * dispute for a collector to pass on another way).
   */
  public Optional<CommunicationStatus> send(String caseReference, String idempotencyKey, List<String> invoiceNumbers, String reason) {
    Optional<CommunicationLog.Entry> done = communications.find(idempotencyKey).filter(e -> e.status().done());
    if (done.isPresent()) {
      return Optional.of(done.get().status());
    }
    CaseView view = cases.get(caseReference);
    String to = view.debtor().email();
    if (to == null || to.isBlank()) {
      return Optional.empty();
    }
    Map<String, Object> variables =
        Map.of(
            "reference", view.reference(),
            "debtorName", view.debtor().name(),
            "invoices", String.join(", ", invoiceNumbers),
            "reason", reason == null ? "" : reason,
            "creditor", creditor);
    String html = templates.render("email/" + TEMPLATE + ".html", variables);
    String text = templates.render("email/" + TEMPLATE + ".txt", variables);
    EmailMessage message =
        new EmailMessage(from, to, creditor.email(), "Votre contestation – dossier " + view.reference(), text, html);
    String hash = ReminderStep.sha256((message.subject() + "\n" + text + "\n" + html).getBytes(StandardCharsets.UTF_8));
    return Optional.of(
        communications
            .deliverOnce(new Outgoing(idempotencyKey, view.reference(), Channel.EMAIL, to, TEMPLATE, hash), () -> sender.send(message))
            .status());
  }
}

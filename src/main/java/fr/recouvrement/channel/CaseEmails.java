package fr.recouvrement.channel;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.channel.EmailSender.EmailMessage;
import fr.recouvrement.kernel.format.Formats;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An email to the debtor of a case that is not a cadence reminder (a payment plan's schedule, an
 * unpaid instalment): rendered from {@code templates/email/<template>.html} and {@code .txt}, with
 * {@code m} holding the case reference, the debtor's name, the creditor and the caller's content,
 * delivered at most once per idempotency key through the communication log.
 */
@Component
public class CaseEmails {
  private final CaseService cases;
  private final CommunicationLog communications;
  private final CreditorSettings creditor;
  private final ReminderEmails emails;

  CaseEmails(
      CaseService cases,
      CommunicationLog communications,
      CreditorSettings creditor,
      ReminderEmails emails) {
    this.cases = cases;
    this.communications = communications;
    this.creditor = creditor;
    this.emails = emails;
  }

  /**
   * Sends once; fails when the debtor has no email address, so that the step ends as an incident a
   * collector sees.
   */
  public CommunicationStatus send(
      String caseReference, String idempotencyKey, String template, Map<String, Object> content) {
    var done = communications.find(idempotencyKey).filter(e -> e.status().done());
    if (done.isPresent()) {
      return done.get().status();
    }
    CaseView view = cases.get(caseReference);
    String to = view.debtor().email();
    if (to == null || to.isBlank()) {
      throw new IllegalStateException(
          "Case %s: debtor %s has no email address; send the %s by post"
              .formatted(view.reference(), view.debtor().externalId(), template));
    }
    Map<String, Object> m = new HashMap<>(content);
    m.put("reference", view.reference());
    m.put("debtorName", view.debtor().name());
    m.put("creditor", creditor);
    EmailMessage message =
        emails.compose(
            template,
            emails.withPortal(
                Map.of("m", m, "fmt", Formats.INSTANCE), view.reference(), "EMAIL " + template),
            to);
    return emails.deliverOnce(idempotencyKey, view.reference(), template, message);
  }
}

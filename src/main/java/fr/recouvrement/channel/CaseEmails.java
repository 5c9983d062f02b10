package fr.recouvrement.channel;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.channel.CommunicationLog.Outgoing;
import fr.recouvrement.channel.EmailSender.EmailMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.unbescape.html.HtmlEscape;

/**
 * An email to the debtor of a case that is not a cadence reminder (a payment plan's schedule, an
 * unpaid instalment): rendered from {@code templates/email/<template>.html} and {@code .txt}, with
 * {@code m} holding the case reference, the debtor's name, the creditor and the caller's content,
 * delivered at most once per idempotency key through the communication log.
 */
@Component
public class CaseEmails {
  private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  private final CaseService cases;
  private final Templates templates;
  private final EmailSender sender;
  private final CommunicationLog communications;
  private final CreditorSettings creditor;
  private final String from;

  CaseEmails(
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

  /** Sends once; fails when the debtor has no email address, so that the step ends as an incident a collector sees. */
  public CommunicationStatus send(String caseReference, String idempotencyKey, String template, Map<String, Object> content) {
    var done = communications.find(idempotencyKey).filter(e -> e.status().done());
    if (done.isPresent()) {
      return done.get().status();
    }
    CaseView view = cases.get(caseReference);
    String to = view.debtor().email();
    if (to == null || to.isBlank()) {
      throw new IllegalStateException(
          "Case %s: debtor %s has no email address; send the %s by post".formatted(view.reference(), view.debtor().externalId(), template));
    }
    Map<String, Object> m = new HashMap<>(content);
    m.put("reference", view.reference());
    m.put("debtorName", view.debtor().name());
    m.put("creditor", creditor);
    Map<String, Object> variables = Map.of("m", m, "fmt", Formats.INSTANCE);
    String html = templates.render("email/" + template + ".html", variables);
    String text =
        templates.render("email/" + template + ".txt", variables).replaceAll("[ \\t]+(\\R)", "$1").replaceAll("(\\R\\s*){3,}", "\n\n").strip() + "\n";
    EmailMessage message = new EmailMessage(from, to, creditor.email(), subject(html, template), text, html);
    String hash = ReminderStep.sha256((message.subject() + "\n" + text + "\n" + html).getBytes(StandardCharsets.UTF_8));
    return communications
        .deliverOnce(new Outgoing(idempotencyKey, view.reference(), Channel.EMAIL, to, template, hash), () -> sender.send(message))
        .status();
  }

  private static String subject(String html, String template) {
    Matcher title = TITLE.matcher(html);
    if (!title.find() || title.group(1).isBlank()) {
      throw new IllegalStateException("Template email/" + template + ".html has no <title>: it is the email's subject");
    }
    return HtmlEscape.unescapeHtml(title.group(1)).replaceAll("\\s+", " ").trim();
  }
}

package fr.recouvrement.channel;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.channel.CommunicationLog.Outgoing;
import fr.recouvrement.channel.EmailSender.EmailMessage;
import fr.recouvrement.kernel.time.CaseClock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.unbescape.html.HtmlEscape;

/**
 * One reminder email per step: every unpaid invoice of the case in one message, rendered from
 * {@code templates/email/<template>.html} and {@code .txt}; the subject is the HTML's title.
 */
@Component
class ReminderEmails {
  private final DebtorPageLinks portal;
  private static final Pattern TITLE =
      Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  private final CaseService cases;
  private final Templates templates;
  private final EmailSender sender;
  private final CommunicationLog communications;
  private final CreditorSettings creditor;
  private final String from;

  ReminderEmails(
      CaseService cases,
      Templates templates,
      EmailSender sender,
      CommunicationLog communications,
      CreditorSettings creditor,
      MailSettings mail) {
    this(cases, templates, sender, communications, creditor, mail, null);
  }

  /**
   * {@code portal}: the debtor portal's links, printed in every email when present (null in
   * template tests).
   */
  @org.springframework.beans.factory.annotation.Autowired
  ReminderEmails(
      CaseService cases,
      Templates templates,
      EmailSender sender,
      CommunicationLog communications,
      CreditorSettings creditor,
      MailSettings mail,
      DebtorPageLinks portal) {
    this.portal = portal;
    this.cases = cases;
    this.templates = templates;
    this.sender = sender;
    this.communications = communications;
    this.creditor = creditor;
    this.from = mail.from() == null || mail.from().isBlank() ? creditor.email() : mail.from();
  }

  CommunicationStatus send(ReminderStep step) {
    Optional<CommunicationLog.Entry> done =
        communications.find(step.idempotencyKey()).filter(e -> e.status().done());
    if (done.isPresent()) {
      return done.get().status();
    }
    CaseView view = cases.withoutNextAction(step.caseReference());
    String to = view.debtor().email();
    if (to == null || to.isBlank()) {
      throw new IllegalStateException(
          "Case %s: debtor %s has no email address; the process should have chosen another channel"
              .formatted(view.reference(), view.debtor().externalId()));
    }
    ReminderModel model = ReminderModel.of(view, step, creditor, CaseClock.today());
    if (model.nothingDue()) {
      return CommunicationStatus.NOTHING_DUE;
    }
    return deliverOnce(
        step.idempotencyKey(),
        view.reference(),
        step.template(),
        compose(
            model.template(),
            withPortal(model.variables(), view.reference(), "EMAIL " + step.template()),
            to));
  }

  EmailMessage compose(ReminderModel model, String to) {
    return compose(model.template(), model.variables(), to);
  }

  /** Adds {@code portal} (the link to the debtor's page) when the portal is there. */
  Map<String, Object> withPortal(
      Map<String, Object> variables, String caseReference, String issuedFor) {
    if (portal == null) {
      return variables;
    }
    Map<String, Object> all = new java.util.HashMap<>(variables);
    portal.link(caseReference, issuedFor).ifPresent(l -> all.put("portal", l));
    return all;
  }

  /**
   * Any case email: {@code templates/email/<template>.html} and {@code .txt}, the subject being the
   * HTML's title.
   */
  EmailMessage compose(String template, Map<String, Object> variables, String to) {
    String html = templates.render("email/" + template + ".html", variables);
    String text = tidy(templates.render("email/" + template + ".txt", variables));
    return new EmailMessage(from, to, creditor.email(), subject(html, template), text, html);
  }

  /**
   * Records the email with its content and that content's hash, then sends it unless that step
   * already did.
   */
  CommunicationStatus deliverOnce(
      String idempotencyKey, String caseReference, String template, EmailMessage message) {
    String content = message.subject() + "\n" + message.text() + "\n" + message.html();
    return communications
        .deliverOnce(
            Outgoing.text(
                idempotencyKey, caseReference, Channel.EMAIL, message.to(), template, content),
            () -> sender.send(message))
        .status();
  }

  /** Template conditionals leave blank lines behind: at most one between paragraphs. */
  private static String tidy(String text) {
    return text.replaceAll("[ \\t]+(\\R)", "$1").replaceAll("(\\R\\s*){3,}", "\n\n").strip() + "\n";
  }

  private static String subject(String html, String template) {
    Matcher title = TITLE.matcher(html);
    if (!title.find() || title.group(1).isBlank()) {
      throw new IllegalStateException(
          "Template email/" + template + ".html has no <title>: it is the email's subject");
    }
    return HtmlEscape.unescapeHtml(title.group(1)).replaceAll("\\s+", " ").trim();
  }
}

package fr.recouvrement.channel;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.channel.CommunicationLog.Outgoing;
import fr.recouvrement.kernel.time.CaseClock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * One short reminder SMS per step, from {@code templates/sms/<template>.txt}: the reference, the
 * amount due and how to pay, in at most two segments.
 */
@Component
class ReminderSms {
  private final DebtorPageLinks portal;
  private final CaseService cases;
  private final Templates templates;
  private final SmsSender sender;
  private final CommunicationLog communications;
  private final CreditorSettings creditor;

  ReminderSms(
      CaseService cases,
      Templates templates,
      SmsSender sender,
      CommunicationLog communications,
      CreditorSettings creditor) {
    this(cases, templates, sender, communications, creditor, null);
  }

  /**
   * {@code portal}: the debtor portal's links, in every SMS when present (null in template tests).
   */
  @org.springframework.beans.factory.annotation.Autowired
  ReminderSms(
      CaseService cases,
      Templates templates,
      SmsSender sender,
      CommunicationLog communications,
      CreditorSettings creditor,
      DebtorPageLinks portal) {
    this.portal = portal;
    this.cases = cases;
    this.templates = templates;
    this.sender = sender;
    this.communications = communications;
    this.creditor = creditor;
  }

  CommunicationStatus send(ReminderStep step) {
    Optional<CommunicationLog.Entry> done =
        communications.find(step.idempotencyKey()).filter(e -> e.status().done());
    if (done.isPresent()) {
      return done.get().status();
    }
    CaseView view = cases.withoutNextAction(step.caseReference());
    String to = phone(view.debtor().phone());
    if (to == null) {
      throw new IllegalStateException(
          "Case %s: debtor %s has no mobile number; the process should have chosen another channel"
              .formatted(view.reference(), view.debtor().externalId()));
    }
    ReminderModel model = ReminderModel.of(view, step, creditor, CaseClock.today());
    if (model.nothingDue()) {
      return CommunicationStatus.NOTHING_DUE;
    }
    String body =
        compose(
            model,
            portal == null
                ? null
                : portal.link(view.reference(), "SMS " + step.template()).orElse(null));
    return communications
        .deliverOnce(
            Outgoing.text(
                step.idempotencyKey(), view.reference(), Channel.SMS, to, step.template(), body),
            () -> sender.send(to, body))
        .status();
  }

  String compose(ReminderModel model) {
    return compose(model, null);
  }

  /**
   * The SMS text; with a portal link, the link replaces the transfer details (two segments at
   * most).
   */
  String compose(ReminderModel model, DebtorPageLinks.Link link) {
    String name = "sms/" + model.template() + ".txt";
    Map<String, Object> variables = new java.util.HashMap<>(model.variables());
    if (link != null) {
      variables.put("portal", link);
    }
    String body = SmsText.normalize(templates.render(name, variables));
    int segments = SmsText.segments(body);
    if (segments > SmsText.MAX_SEGMENTS) {
      throw new IllegalStateException(
          "Template %s gives %d SMS segments for case %s (at most %d): shorten it, or avoid characters outside the GSM alphabet"
              .formatted(name, segments, model.reference(), SmsText.MAX_SEGMENTS));
    }
    return body;
  }

  /** E.164, as the intake validates it. */
  static String phone(String phone) {
    return phone == null || phone.isBlank() ? null : phone.strip();
  }
}

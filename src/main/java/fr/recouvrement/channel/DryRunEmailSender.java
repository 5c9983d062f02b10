package fr.recouvrement.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** No SMTP server configured: the email was rendered and is recorded DRY_RUN, not delivered. */
final class DryRunEmailSender implements EmailSender {
  private static final Logger log = LoggerFactory.getLogger(DryRunEmailSender.class);

  DryRunEmailSender() {
    log.warn(
        "No SMTP server (spring.mail.host): reminder emails are rendered and recorded with status DRY_RUN,"
            + " not delivered");
  }

  @Override
  public Delivery send(EmailMessage message) {
    log.debug("Dry run: email '{}' to {} not delivered", message.subject(), message.to());
    return Delivery.dryRun();
  }
}

package fr.recouvrement.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Twilio not configured: the SMS is recorded DRY_RUN, not delivered. */
final class DryRunSmsSender implements SmsSender {
  private static final Logger log = LoggerFactory.getLogger(DryRunSmsSender.class);

  DryRunSmsSender() {
    log.warn(
        "No Twilio account (recouvrement.sms.twilio.account-sid, .auth-token, .from): reminder SMS are recorded"
            + " with status DRY_RUN, not delivered");
  }

  @Override
  public Delivery send(String to, String body) {
    log.debug("Dry run: SMS to {} not delivered", to);
    return Delivery.dryRun();
  }
}

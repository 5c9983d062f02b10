package fr.recouvrement.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recouvrement.sms.twilio.*}. {@code from} is a sender number (E.164) or a Messaging Service
 * SID ({@code MG...}); {@code apiBaseUrl} points the client elsewhere than Twilio (a test server).
 */
@ConfigurationProperties("recouvrement.sms.twilio")
record TwilioSettings(
    String accountSid,
    String authToken,
    String from,
    @DefaultValue(TwilioSettings.TWILIO_API) String apiBaseUrl) {
  static final String TWILIO_API = "https://api.twilio.com";

  /** All three credentials set: SMS are delivered; none set: dry run. */
  boolean configured() {
    int set = count(accountSid) + count(authToken) + count(from);
    if (set != 0 && set != 3) {
      throw new IllegalStateException(
          "Twilio is half configured: set recouvrement.sms.twilio.account-sid, .auth-token and .from together"
              + " (or none of them for a dry run)");
    }
    return set == 3;
  }

  private static int count(String value) {
    return value == null || value.isBlank() ? 0 : 1;
  }
}

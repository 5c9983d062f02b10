package fr.recouvrement.channel;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

/**
 * SMS through Twilio's Messages API. A refused or failed request throws {@code ApiException}; the
 * SDK's own immediate retries are off (see {@link TwilioHttpClient}): the job's retry cycle
 * retries.
 */
final class TwilioSmsSender implements SmsSender {
  private final TwilioRestClient client;
  private final String from;

  TwilioSmsSender(TwilioSettings settings) {
    this.client =
        new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
            .httpClient(new TwilioHttpClient(settings.apiBaseUrl()))
            .build();
    this.from = settings.from();
  }

  @Override
  public Delivery send(String to, String body) {
    // a Messaging Service SID (MG...) lets Twilio pick the sender from its pool
    MessageCreator creator =
        from.startsWith("MG")
            ? Message.creator(new PhoneNumber(to), from, body)
            : Message.creator(new PhoneNumber(to), new PhoneNumber(from), body);
    Message message = creator.create(client);
    return Delivery.sent(message.getSid());
  }
}

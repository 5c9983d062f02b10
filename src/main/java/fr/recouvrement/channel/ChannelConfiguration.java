package fr.recouvrement.channel;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.client.RestClient;

/**
 * Picks each channel's sender from the settings: the real client when configured, otherwise a dry
 * run (email, SMS) or a gateway that refuses (post, which the process routes to a collector).
 * Decided when the beans are made, not with @ConditionalOnBean, which user configuration cannot
 * rely on (the mail auto-configuration runs after it).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  CreditorSettings.class,
  MailSettings.class,
  TwilioSettings.class,
  PostalSettings.class
})
class ChannelConfiguration {

  /** SMTP when Spring Boot made a JavaMailSender ({@code spring.mail.host} set). */
  @Bean
  EmailSender emailSender(ObjectProvider<JavaMailSender> mail) {
    JavaMailSender sender = mail.getIfAvailable();
    return sender == null ? new DryRunEmailSender() : new SmtpEmailSender(sender);
  }

  @Bean
  SmsSender smsSender(TwilioSettings twilio) {
    return twilio.configured() ? new TwilioSmsSender(twilio) : new DryRunSmsSender();
  }

  @Bean
  PostalGateway postalGateway(PostalSettings postal, ObjectProvider<RestClient.Builder> builder) {
    return postal.configured()
        ? new HttpPostalGateway(postal, builder.getIfAvailable(RestClient::builder))
        : new UnconfiguredPostalGateway();
  }
}

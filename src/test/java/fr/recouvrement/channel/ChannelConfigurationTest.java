package fr.recouvrement.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Which sender each channel gets from the settings: real client, dry run, or none. */
@ExtendWith(OutputCaptureExtension.class)
class ChannelConfigurationTest {
  final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
          .withUserConfiguration(ChannelConfiguration.class);

  @Test
  void withoutSettingsEmailAndSmsAreDryRunsSaidOnceAtStartAndPostIsRefused(CapturedOutput output) {
    context.run(
        c -> {
          assertThat(c).hasNotFailed();
          assertThat(c.getBean(EmailSender.class)).isInstanceOf(DryRunEmailSender.class);
          assertThat(c.getBean(SmsSender.class)).isInstanceOf(DryRunSmsSender.class);
          assertThat(c.getBean(PostalGateway.class)).isInstanceOf(UnconfiguredPostalGateway.class);
          assertThat(c.getBean(PostalSettings.class).configured()).isFalse();
        });
    assertThat(output.getOut().split("No SMTP server", -1)).hasSize(2);
    assertThat(output.getOut().split("No Twilio account", -1)).hasSize(2);
  }

  @Test
  void withSettingsEachChannelGetsItsRealClient() {
    context
        .withPropertyValues(
            "spring.mail.host=smtp.example",
            "recouvrement.sms.twilio.account-sid=AC123",
            "recouvrement.sms.twilio.auth-token=secret",
            "recouvrement.sms.twilio.from=+33700000000",
            "recouvrement.postal.base-url=https://lrar.example/api",
            "recouvrement.postal.api-key=key")
        .run(
            c -> {
              assertThat(c.getBean(EmailSender.class)).isInstanceOf(SmtpEmailSender.class);
              assertThat(c.getBean(SmsSender.class)).isInstanceOf(TwilioSmsSender.class);
              assertThat(c.getBean(PostalGateway.class)).isInstanceOf(HttpPostalGateway.class);
              assertThat(c.getBean(PostalSettings.class).configured()).isTrue();
              assertThat(c.getBean(TwilioSettings.class).apiBaseUrl())
                  .isEqualTo("https://api.twilio.com");
            });
  }

  @Test
  void aHalfConfiguredTwilioStopsTheStartSayingWhatIsMissing() {
    context
        .withPropertyValues("recouvrement.sms.twilio.account-sid=AC123")
        .run(c -> assertThat(c).getFailure().hasStackTraceContaining("Twilio is half configured"));
  }
}

package fr.recouvrement.channel;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP sender names Jakarta Mail's stream provider, so that building an email no longer looks
 * it up through a ServiceLoader for every part and header (issue 14: 28 % of a reminder email's
 * job), and leaves a provider someone else named alone.
 */
class SmtpStreamProviderTest {
  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(SmtpEmailSender.STREAM_PROVIDER);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(SmtpEmailSender.STREAM_PROVIDER);
    } else {
      System.setProperty(SmtpEmailSender.STREAM_PROVIDER, before);
    }
  }

  @Test
  void anSmtpSenderNamesAngusMailsStreamProviderWhichJakartaMailThenUses() {
    System.clearProperty(SmtpEmailSender.STREAM_PROVIDER);

    new SmtpEmailSender(new JavaMailSenderImpl());

    assertThat(System.getProperty(SmtpEmailSender.STREAM_PROVIDER))
        .isEqualTo(SmtpEmailSender.ANGUS_STREAM_PROVIDER);
    assertThat(StreamProvider.provider().getClass().getName())
        .isEqualTo(SmtpEmailSender.ANGUS_STREAM_PROVIDER);
  }

  @Test
  void aStreamProviderNamedByTheOperatorIsKept() {
    System.setProperty(SmtpEmailSender.STREAM_PROVIDER, "com.example.OwnStreamProvider");

    new SmtpEmailSender(new JavaMailSenderImpl());

    assertThat(System.getProperty(SmtpEmailSender.STREAM_PROVIDER))
        .isEqualTo("com.example.OwnStreamProvider");
  }
}

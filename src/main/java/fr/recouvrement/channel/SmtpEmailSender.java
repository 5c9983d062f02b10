package fr.recouvrement.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;

/** Email over SMTP ({@code spring.mail.*}): one multipart/alternative message, text then HTML. */
final class SmtpEmailSender implements EmailSender {
  private final JavaMailSender mail;

  /** The system property Jakarta Mail reads before looking its stream provider up. */
  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  /** The stream provider Angus Mail (spring-boot-starter-mail) declares as a service. */
  static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  SmtpEmailSender(JavaMailSender mail) {
    this.mail = mail;
    nameStreamProvider();
  }

  /**
   * Jakarta Mail 2.x finds its stream provider again for every body part, header and encoded word
   * it builds, through a ServiceLoader that reads the jars' service files each time (jakartaee
   * mail-api issues 699 and 861): 28 % of a reminder email's job in the benchmark's profile (issue
   * 14). Named by its system property, the lookup is a class already loaded. Nothing changes when
   * the property is set already, or when Angus Mail is not the implementation on the class path.
   */
  static void nameStreamProvider() {
    if (System.getProperty(STREAM_PROVIDER) != null) {
      return;
    }
    try {
      Class.forName(ANGUS_STREAM_PROVIDER, false, SmtpEmailSender.class.getClassLoader());
      System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
    } catch (ClassNotFoundException e) {
      // another implementation: keep its own lookup
    }
  }

  @Override
  public Delivery send(EmailMessage message) throws MailException {
    MimeMessage mime = mail.createMimeMessage();
    try {
      mime.setFrom(new InternetAddress(message.from(), true));
      mime.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(message.to(), true));
      if (message.replyTo() != null && !message.replyTo().equals(message.from())) {
        mime.setReplyTo(new InternetAddress[] {new InternetAddress(message.replyTo(), true)});
      }
      mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      // parts go from the plainest to the richest: clients show the last one they can display
      MimeBodyPart text = new MimeBodyPart();
      text.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
      MimeMultipart alternative = new MimeMultipart("alternative");
      alternative.addBodyPart(text);
      alternative.addBodyPart(html);
      mime.setContent(alternative);
      mime.saveChanges();
    } catch (MessagingException e) {
      throw new MailPreparationException("Could not build the email to " + message.to(), e);
    }
    mail.send(mime);
    try {
      return Delivery.sent(mime.getMessageID());
    } catch (MessagingException e) {
      return Delivery.sent(null);
    }
  }
}

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

  SmtpEmailSender(JavaMailSender mail) {
    this.mail = mail;
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

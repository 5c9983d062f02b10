package fr.recouvrement.bench;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The floor of a reminder for the P2 benchmark (issue 14): the bare engine's service task sending
 * one email of the size of ours (multipart/alternative, a text and an HTML part given by the
 * benchmark) through plain Jakarta Mail to the same SMTP server, without our work (no case read, no
 * composition, no communication log, no decision). A plain class named by {@code camunda:class} in
 * the process {@link EngineRatios} deploys, as the bare process is deployed; the benchmark sets
 * where and what it sends before the drain.
 */
public class BarePlainEmail implements JavaDelegate {
  private static volatile Session session;
  private static volatile String text = "Relance.";
  private static volatile String html = "<html><body><p>Relance.</p></body></html>";

  /** Where to send (the benchmark's GreenMail) and what: the two parts of the email. */
  static void configure(String host, int port, String textPart, String htmlPart) {
    Properties p = new Properties();
    p.put("mail.smtp.host", host);
    p.put("mail.smtp.port", Integer.toString(port));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "30000");
    session = Session.getInstance(p);
    text = textPart;
    html = htmlPart;
  }

  @Override
  public void execute(DelegateExecution execution) throws MessagingException {
    MimeMessage mime = new MimeMessage(session);
    mime.setFrom(new InternetAddress("bench@example.fr"));
    mime.setRecipient(
        Message.RecipientType.TO,
        new InternetAddress("bare-" + execution.getProcessBusinessKey() + "@example.fr"));
    mime.setSubject("Relance de paiement", StandardCharsets.UTF_8.name());
    MimeBodyPart textPart = new MimeBodyPart();
    textPart.setText(text, StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart htmlPart = new MimeBodyPart();
    htmlPart.setText(html, StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(textPart);
    alternative.addBodyPart(htmlPart);
    mime.setContent(alternative);
    mime.saveChanges();
    Transport.send(mime);
  }
}

package fr.recouvrement.channel;

/** Sends one email. Throws when the server does not take it, so that the step retries. */
interface EmailSender {
  Delivery send(EmailMessage message);

  /** An email with a plain-text and an HTML version of the same content. */
  record EmailMessage(
      String from, String to, String replyTo, String subject, String text, String html) {}
}

package fr.recouvrement.channel;

/** Sends one SMS. Throws when the provider does not take it, so that the step retries. */
interface SmsSender {
  /** {@code to} in E.164 ({@code +33612345678}). */
  Delivery send(String to, String body);
}

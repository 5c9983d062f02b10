package fr.recouvrement.channel;

/**
 * Hands a letter to a postal provider, which prints it and posts it, registered with
 * acknowledgement of receipt (LRAR) when asked. Throws when the provider does not take it.
 */
interface PostalGateway {
  /** The provider's tracking id as {@link Delivery#providerId()}. */
  Delivery send(Letter letter);

  /**
   * @param clientReference our idempotency key: the provider must answer a second request with the
   *     same reference with the letter it already has, not a new one
   */
  record Letter(
      String clientReference,
      boolean registered,
      Sender sender,
      Recipient recipient,
      String fileName,
      String sha256,
      byte[] pdf) {}

  record Sender(String name, String address) {}

  record Recipient(String name, String line1, String postalCode, String city, String country) {}
}

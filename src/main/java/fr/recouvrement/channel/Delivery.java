package fr.recouvrement.channel;

/**
 * What a sender did: handed the message to its provider ({@code delivered}, with the provider's
 * id), or nothing because the channel is not configured (a dry run).
 */
record Delivery(String providerId, boolean delivered) {
  static Delivery sent(String providerId) {
    return new Delivery(providerId, true);
  }

  static Delivery dryRun() {
    return new Delivery(null, false);
  }
}

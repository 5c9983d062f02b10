package fr.recouvrement.channel;

/**
 * No postal provider: the process must route letters to the collector's "Imprimer et poster" task.
 */
final class UnconfiguredPostalGateway implements PostalGateway {
  @Override
  public Delivery send(Letter letter) {
    throw new IllegalStateException(
        "No postal provider (recouvrement.postal.base-url): letter "
            + letter.clientReference()
            + " cannot be posted; the process should route it to the task 'Imprimer et poster'"
            + " (variable postalGatewayConfigured = false)");
  }
}

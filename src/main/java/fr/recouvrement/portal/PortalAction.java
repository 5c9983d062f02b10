package fr.recouvrement.portal;

/** What a debtor did on the portal, with the French words the case page and the timeline use. */
public enum PortalAction {
  VISIT("Visite du portail"),
  PROMISE("Promesse de paiement"),
  PLAN("Proposition d'échéancier"),
  DISPUTE("Contestation"),
  CALLBACK("Demande de rappel"),
  PAYMENT("Paiement en ligne");

  /** Who the timeline names for what the debtor did on the portal. */
  public static final String ACTOR = "débiteur (portail)";

  private final String label;

  PortalAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

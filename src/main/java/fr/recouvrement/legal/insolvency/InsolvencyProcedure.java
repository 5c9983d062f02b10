package fr.recouvrement.legal.insolvency;

/** The collective proceedings of the Code de commerce, with the words letters and forms use. */
public enum InsolvencyProcedure {
  SAUVEGARDE("procédure de sauvegarde"),
  REDRESSEMENT("redressement judiciaire"),
  LIQUIDATION("liquidation judiciaire");

  private final String label;

  InsolvencyProcedure(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

package fr.recouvrement.cases;

/**
 * Who paid. After the opening judgment of a procédure collective the debtor may not pay a claim
 * born before it (C. com. L622-7 I): only the mandataire judiciaire's dividend, a payment under the
 * adopted plan, or a guarantor's (surety's) payment settles it.
 */
public enum PaymentSource {
  DEBTOR("débiteur"),
  MANDATAIRE("dividende du mandataire judiciaire"),
  PLAN("paiement au titre du plan adopté"),
  GUARANTOR("caution");

  private final String label;

  PaymentSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether this payment may settle a claim born before an opening judgment (L622-7). */
  public boolean allowedDuringProceedings() {
    return this != DEBTOR;
  }
}

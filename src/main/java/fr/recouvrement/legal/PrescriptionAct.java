package fr.recouvrement.legal;

/**
 * The act that set a claim's prescription date, as the case shows it ({@code prescriptionAct}),
 * with the French words a collector reads and the article behind it: the one place these labels
 * live.
 */
public enum PrescriptionAct {
  DUE_DATE(
      "Échéance de la facture : délai de la créance (C. conso L218-2 ; C. com. L110-4, C. civ. 2224)"),
  PAYMENT("Paiement partiel : reconnaissance de la dette (C. civ. 2240)"),
  PAYMENT_PLAN("Échéancier accepté : reconnaissance de la dette (C. civ. 2240)"),
  MEDIATION(
      "Médiation : prescription suspendue pendant la médiation, 6 mois au moins après (C. civ. 2238)"),
  SMALL_CLAIMS_SUSPENSION(
      "Procédure simplifiée de recouvrement : prescription suspendue (C. civ. 2238)"),
  SMALL_CLAIMS_AGREEMENT(
      "Accord du débiteur en procédure simplifiée : reconnaissance de la dette, le titre (CPCE L111-3 5°) garde le délai de la créance (C. civ. 2240)"),
  ORDER_TO_PAY_SERVED(
      "Signification de l'injonction de payer : prescription interrompue jusqu'à la fin de l'instance (C. civ. 2241, 2242)"),
  COURT_TITLE("Titre exécutoire judiciaire : 10 ans pour l'exécuter (CPCE L111-3 1° à 3°, L111-4)"),
  ENFORCEMENT_ACT("Acte d'exécution forcée du commissaire de justice, à sa date (C. civ. 2244)"),
  PROOF_OF_CLAIM("Déclaration de créance (C. com. L622-25-1)");

  private final String label;

  PrescriptionAct(String label) {
    this.label = label;
  }

  /** French, for the case page and the API's {@code prescriptionActLabel}. */
  public String label() {
    return label;
  }
}

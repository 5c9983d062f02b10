package fr.recouvrement.legal.overindebtedness;

/**
 * What the over-indebtedness commission (or the judge) decided, with the words the timeline uses.
 */
public enum OverIndebtednessOutcome {
  /** A plan (conventionnel or imposed, C. consom. L732-1, L733-1): its instalments are watched. */
  PLAN("plan de surendettement"),
  /** C. consom. L741-2, L742-22: the debtor's non-professional debts are extinguished. */
  RETABLISSEMENT_PERSONNEL("rétablissement personnel"),
  /** The file is closed without measures (or found inadmissible on appeal): collection resumes. */
  REJECTED("rejet du dossier");

  private final String label;

  OverIndebtednessOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

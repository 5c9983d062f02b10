package fr.recouvrement.cases;

public class CaseNotFoundException extends RuntimeException {
  public CaseNotFoundException(String reference) {
    super("No case with reference " + reference);
  }

  /**
   * The case exists, but not what was asked of it (an insolvency, say): {@code message} says which.
   */
  protected CaseNotFoundException(String reference, String message) {
    super(message);
  }
}

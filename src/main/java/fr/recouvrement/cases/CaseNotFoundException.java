package fr.recouvrement.cases;

public class CaseNotFoundException extends RuntimeException {
  public CaseNotFoundException(String reference) {
    super("No case with reference " + reference);
  }
}

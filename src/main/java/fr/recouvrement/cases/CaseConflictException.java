package fr.recouvrement.cases;

/** A request that is well-formed but contradicts what is recorded; answered 409. */
public class CaseConflictException extends RuntimeException {
  public CaseConflictException(String message) {
    super(message);
  }
}

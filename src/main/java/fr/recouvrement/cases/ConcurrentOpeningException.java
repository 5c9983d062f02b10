package fr.recouvrement.cases;

/**
 * Concurrent requests for one debtor kept racing through every try of {@link CaseService#open}: a
 * conflict (409) for an API caller, who sends the request again; the CSV import waits and tries the
 * line again itself (review L9).
 */
public class ConcurrentOpeningException extends CaseConflictException {
  public ConcurrentOpeningException(String message) {
    super(message);
  }
}

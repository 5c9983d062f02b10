package fr.recouvrement.cases;

import java.util.Map;

/**
 * A well-formed request the law does not allow for this case (422), with the facts that decide it
 * (for instance the debtor's type).
 */
public class UnprocessableCaseException extends RuntimeException {
  private final transient Map<String, Object> facts;

  public UnprocessableCaseException(String message, Map<String, Object> facts) {
    super(message);
    this.facts = Map.copyOf(facts);
  }

  public Map<String, Object> facts() {
    return facts;
  }
}

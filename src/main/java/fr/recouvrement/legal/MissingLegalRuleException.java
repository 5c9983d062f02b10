package fr.recouvrement.legal;

import java.time.LocalDate;

/**
 * The {@code legal-deadlines} table has no row for a rule on a date: the step stops (an incident in
 * Cockpit, with this message) rather than guess a period from an older law.
 */
public class MissingLegalRuleException extends IllegalStateException {
  public MissingLegalRuleException(
      LegalRule rule, Residence residence, LocalDate actDate, int version) {
    super(
        "The decision legal-deadlines (version %d) has no row for %s, residence %s, on %s: add it to processes/decisions/legal-deadlines.dmn and deploy it"
            .formatted(version, rule, residence, actDate));
  }
}

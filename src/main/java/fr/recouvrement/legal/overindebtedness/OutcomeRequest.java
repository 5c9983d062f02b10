package fr.recouvrement.legal.overindebtedness;

import java.time.LocalDate;

/**
 * {@code POST /api/cases/{reference}/over-indebtedness/outcome}: what the commission or the judge
 * decided, on which date; {@code details} (optional): the plan's terms, the judgment's reference.
 */
record OutcomeRequest(String outcome, LocalDate date, String details) {}

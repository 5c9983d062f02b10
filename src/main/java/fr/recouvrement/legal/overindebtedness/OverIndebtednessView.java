package fr.recouvrement.legal.overindebtedness;

import java.time.Instant;
import java.time.LocalDate;

/** What the API answers: the over-indebtedness file as recorded on the case. */
record OverIndebtednessView(
    String caseReference,
    String commission,
    LocalDate admissibilityDate,
    OverIndebtednessOutcome outcome,
    LocalDate outcomeDate,
    String outcomeDetails,
    Instant recordedAt,
    String recordedBy) {}

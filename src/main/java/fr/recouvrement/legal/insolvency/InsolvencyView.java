package fr.recouvrement.legal.insolvency;

import java.time.Instant;
import java.time.LocalDate;

/** What the API answers: the proceeding as recorded, with the deadline to file the proof of claim. */
record InsolvencyView(
    String caseReference,
    InsolvencyProcedure procedure,
    LocalDate judgmentDate,
    LocalDate publicationDate,
    boolean overseas,
    LocalDate claimDeadline,
    LocalDate claimFiledOn,
    String outcome,
    Instant recordedAt,
    String recordedBy) {}

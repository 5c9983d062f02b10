package fr.recouvrement.legal.insolvency;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the API answers: the proceeding as recorded, with the deadline to file the proof of claim
 * (R622-24) and the last day to ask for a relevé de forclusion if it was missed (L622-26).
 */
public record InsolvencyView(
    String caseReference,
    InsolvencyProcedure procedure,
    LocalDate judgmentDate,
    LocalDate publicationDate,
    boolean overseas,
    LocalDate claimDeadline,
    LocalDate reliefDeadline,
    LocalDate claimFiledOn,
    String outcome,
    Instant recordedAt,
    String recordedBy) {}

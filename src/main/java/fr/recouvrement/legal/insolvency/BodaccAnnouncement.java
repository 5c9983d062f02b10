package fr.recouvrement.legal.insolvency;

import java.time.LocalDate;

/**
 * An opening judgment published in the BODACC (bulletin A, « procédures collectives »), as read
 * from the {@code annonces-commerciales} dataset: {@code id} is the announcement's reference (e.g.
 * {@code A202602150123}), {@code siren} the company it concerns.
 */
record BodaccAnnouncement(
    String id,
    String siren,
    String companyName,
    InsolvencyProcedure procedure,
    String nature,
    String tribunal,
    LocalDate judgmentDate,
    LocalDate publicationDate) {}

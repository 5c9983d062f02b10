package fr.recouvrement.legal.insolvency;

import java.time.LocalDate;

/**
 * {@code POST /api/cases/{reference}/insolvency}: a collective proceeding opened against the
 * debtor. {@code overseas}: the creditor is established outside metropolitan France, which gives it
 * two more months to file its claim (C. com. R622-24).
 */
public record InsolvencyRequest(
    String procedure, LocalDate judgmentDate, LocalDate publicationDate, Boolean overseas) {}

/**
 * The case (dossier), its debtor, invoices and payments: the intake API and CSV import, the case
 * process start, and the one writer of {@code collection_case}, {@code debtor}, {@code invoice},
 * {@code payment}, {@code case_phase} and {@code recoverable_vat} ({@link
 * fr.recouvrement.cases.CaseUpdates} for the other capabilities).
 */
package fr.recouvrement.cases;

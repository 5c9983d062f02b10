/**
 * The case (dossier), its debtor, invoices and payments: the intake API and CSV import, the case
 * process start, and the one writer of {@code collection_case}, {@code debtor}, {@code invoice},
 * {@code payment}, {@code case_phase}, {@code recoverable_vat} and {@code strategy_version} ({@link
 * fr.recouvrement.cases.CaseUpdates} for the other capabilities).
 */
package fr.recouvrement.cases;

/**
 * Disputes of invoices (contestations) and their credit notes: the dispute API, process delegates
 * and the {@code dispute} tables.
 */
package fr.recouvrement.dispute;

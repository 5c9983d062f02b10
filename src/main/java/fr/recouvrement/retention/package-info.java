/**
 * How long a case's personal data is kept (GDPR art. 5(1)(e)) and its anonymisation afterwards: the
 * nightly {@code data-retention} process and the erasure request {@code DELETE
 * /api/debtors/{externalId}}. The one package that erases across the case's tables.
 */
package fr.recouvrement.retention;

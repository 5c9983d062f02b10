/**
 * Over-indebtedness files (surendettement) of consumer debtors and their outcomes (owner of {@code
 * over_indebtedness}).
 */
package fr.recouvrement.legal.overindebtedness;

/** Procédures collectives: opening judgments, proofs of claim (owner of {@code insolvency}). */
package fr.recouvrement.legal.insolvency;

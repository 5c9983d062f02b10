/**
 * Mediation of a dispute, by the consumer mediator or the Médiateur des entreprises (owner of
 * {@code mediation}).
 */
package fr.recouvrement.mediation;

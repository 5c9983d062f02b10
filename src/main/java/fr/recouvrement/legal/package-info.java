/**
 * The legal route: legal events (owner of {@code legal_event}), legal deadlines and prescription,
 * and the sub-packages of each proceeding.
 */
package fr.recouvrement.legal;

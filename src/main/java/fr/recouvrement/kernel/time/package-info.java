/**
 * The engine's clock in Europe/Paris, French public holidays and the territories whose calendar and
 * time zone differ.
 */
package fr.recouvrement.kernel.time;

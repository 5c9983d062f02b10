/**
 * The amicable cadence's delegates: segment, reminder steps, calls and promises (owner of {@code
 * promise}).
 */
package fr.recouvrement.reminder;

/**
 * Helpers every capability uses and that depend on no capability: the clock and the French
 * calendar, formats, hashing, provider HTTP clients and signed callbacks, and the one reader of
 * process variables.
 */
package fr.recouvrement.kernel;

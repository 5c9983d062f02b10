/**
 * The one door to a process's variables ({@link fr.recouvrement.kernel.process.StepVariables}) and
 * the one builder of a step's idempotency key ({@link fr.recouvrement.kernel.process.StepKey}).
 */
package fr.recouvrement.kernel.process;

/**
 * What an auditor reads: the case timeline from history, proofs of what was sent (hashes checked),
 * decision replays and closed-case exports; it writes no business table.
 */
package fr.recouvrement.audit;

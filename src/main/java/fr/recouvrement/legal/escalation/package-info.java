/** Facts for the escalation decision, its four-eyes approval and the hand-over to an agency. */
package fr.recouvrement.legal.escalation;

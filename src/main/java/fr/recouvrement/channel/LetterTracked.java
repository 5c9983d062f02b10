package fr.recouvrement.channel;

/**
 * The tracking number of a posted letter was recorded (by the postal provider's answer or a
 * collector's slip). Published in the transaction of the step that posted it: a listener after its
 * commit applies an acknowledgement of receipt that arrived earlier (review M5).
 */
public record LetterTracked(String trackingId) {}

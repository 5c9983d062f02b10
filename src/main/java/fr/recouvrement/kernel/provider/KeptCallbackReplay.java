package fr.recouvrement.kernel.provider;

/**
 * A receiver of provider callbacks that keeps the early ones (review M5): given the key a kept
 * event waits for, it applies the events kept for it whose match now exists, each once, and leaves
 * the others kept. {@link KeptCallbackSweep} calls it for every key still waiting.
 */
public interface KeptCallbackReplay {
  /** The {@code callback_event.source} this receiver keeps events under. */
  String source();

  /**
   * Applies, each in its own transaction and once, the events kept for this key whose match exists
   * now.
   */
  void applyKept(String matchKey);
}

package fr.recouvrement.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts requests to the portal per link and per client address in ten-minute windows, so that
 * nobody can try tokens in bulk or flood one debtor's case with actions. In memory: each node
 * counts its own (a few more tries on a cluster, never fewer).
 */
@Component
class PortalThrottle {
  static final Duration WINDOW = Duration.ofMinutes(10);
  private static final int MAX_KEYS = 100_000;

  private record Window(Instant start, int count) {}

  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /**
   * Counts one more request under {@code key}; false when it is over {@code limit} in the current
   * window.
   */
  boolean allow(String key, int limit, Instant now) {
    if (windows.size() > MAX_KEYS) {
      windows.values().removeIf(w -> w.start().plus(WINDOW).isBefore(now));
    }
    Window w =
        windows.compute(
            key,
            (k, old) ->
                old == null || !now.isBefore(old.start().plus(WINDOW))
                    ? new Window(now, 1)
                    : new Window(old.start(), old.count() + 1));
    return w.count() <= limit;
  }

  /** Forgets every count: the tests, which all come from one address, start each from zero. */
  void clear() {
    windows.clear();
  }
}

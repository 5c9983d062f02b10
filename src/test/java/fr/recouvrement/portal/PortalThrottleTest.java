package fr.recouvrement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The portal's counters: per key (a link, a client address), so many requests per ten minutes, then
 * the next window.
 */
class PortalThrottleTest {
  @Test
  void aKeyGetsItsLimitPerTenMinutesThenWaitsForTheNextWindowWhileOtherKeysAreUntouched() {
    PortalThrottle throttle = new PortalThrottle();
    Instant start = Instant.parse("2026-12-07T09:00:00Z");

    for (int i = 0; i < 3; i++) {
      assertThat(throttle.allow("ip:203.0.113.7", 3, start.plusSeconds(i))).isTrue();
    }
    assertThat(throttle.allow("ip:203.0.113.7", 3, start.plusSeconds(10))).isFalse();
    // another address is counted apart
    assertThat(throttle.allow("ip:198.51.100.2", 3, start.plusSeconds(10))).isTrue();
    // still refused just before the window ends, allowed once it has
    assertThat(throttle.allow("ip:203.0.113.7", 3, start.plusSeconds(599))).isFalse();
    assertThat(throttle.allow("ip:203.0.113.7", 3, start.plusSeconds(600))).isTrue();
  }
}

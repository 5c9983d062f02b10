package fr.recouvrement.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Review H6: failures slow down the address they come from, never the account. */
class LoginThrottleTest {
  /** A clock the test moves by hand. */
  static final class Hand extends Clock {
    Instant now = Instant.parse("2026-12-06T08:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  final Hand clock = new Hand();
  final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void fiveWrongPasswordsForOneUserMakeThatAddressWaitForThatUserOnly() {
    for (int i = 0; i < LoginThrottle.USER_FREE_FAILURES; i++) {
      assertThat(throttle.waitFor("203.0.113.7", "admin")).isEmpty();
      throttle.failed("203.0.113.7", "admin");
    }

    // 5 failures, 0 over the free ones: 2^0 = 1 s to wait
    assertThat(throttle.waitFor("203.0.113.7", "admin")).contains(Duration.ofSeconds(1));
    assertThat(throttle.waitFor("198.51.100.1", "admin"))
        .as("the administrator's own machine")
        .isEmpty();
    assertThat(throttle.waitFor("203.0.113.7", "collecteur"))
        .as("another user from that address")
        .isEmpty();
  }

  @Test
  void theWaitDoublesWithEachFailureUpToFifteenMinutesThenIsForgotten() {
    for (int i = 0; i < LoginThrottle.USER_FREE_FAILURES + 3; i++) {
      throttle.failed("203.0.113.7", "admin");
    }
    // 8 failures, 3 over the free ones: 2^3 = 8 s
    assertThat(throttle.waitFor("203.0.113.7", "admin")).contains(Duration.ofSeconds(8));
    for (int i = 0; i < 30; i++) {
      throttle.failed("203.0.113.7", "admin");
    }
    assertThat(throttle.waitFor("203.0.113.7", "admin")).contains(LoginThrottle.MAX_WAIT);

    clock.now = clock.now.plus(LoginThrottle.FORGET_AFTER).plusSeconds(1);
    assertThat(throttle.waitFor("203.0.113.7", "admin")).isEmpty();
  }

  @Test
  void fiftyFailuresFromOneAddressWhateverTheNamesSlowTheAddressDown() {
    for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
      throttle.failed("203.0.113.7", "user" + i);
    }

    assertThat(throttle.waitFor("203.0.113.7", "someone-else")).contains(Duration.ofSeconds(1));
    // a right password resets that user from that address, not the address
    throttle.succeeded("203.0.113.7", "user1");
    assertThat(throttle.waitFor("203.0.113.7", "user1")).contains(Duration.ofSeconds(1));
  }
}

package fr.recouvrement.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without ever locking a user out (review H6): failed logins are
 * counted per client address, and per user from that address; past a few failures that address (or
 * that user from that address) waits, longer after each new failure, before its next attempt is
 * even checked. The account itself is never locked: the engine's own lockout is off ({@code
 * loginMaxAttempts}, {@code loginDelayBase} in application.yaml), so a stranger hammering {@code
 * admin} slows down only himself, and the administrator logs in from his own machine.
 *
 * <p>In memory, per instance: a restart forgets it, which costs a guesser nothing he could not get
 * by changing address anyway; what it must stop is the lockout and the fast guessing.
 */
@Component
public class LoginThrottle {
  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  /** Failures from one address (any user names) before it must wait. */
  static final int ADDRESS_FREE_FAILURES = 50;

  /** Failures for one user from one address before that pair must wait. */
  static final int USER_FREE_FAILURES = 5;

  static final Duration MAX_WAIT = Duration.ofMinutes(15);

  /** A key with no failure for this long starts again from zero. */
  static final Duration FORGET_AFTER = Duration.ofMinutes(30);

  private static final int MAX_KEYS = 100_000;

  private record Failures(int count, Instant last) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  LoginThrottle() {
    this(Clock.systemUTC());
  }

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * How long this address (and this user from it) must still wait before a login is checked; empty
   * when it may try.
   */
  public Optional<Duration> waitFor(String address, String userId) {
    Instant now = clock.instant();
    Duration wait =
        max(
            remaining(addressKey(address), ADDRESS_FREE_FAILURES, now),
            remaining(userKey(address, userId), USER_FREE_FAILURES, now));
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  public void failed(String address, String userId) {
    Instant now = clock.instant();
    if (failures.size() > MAX_KEYS) {
      failures.entrySet().removeIf(e -> e.getValue().last().plus(FORGET_AFTER).isBefore(now));
    }
    count(addressKey(address), now);
    if (userId != null) {
      int n = count(userKey(address, userId), now);
      if (n == USER_FREE_FAILURES) {
        log.warn(
            "{} failed logins as '{}' from {}: that address now waits between attempts for this user",
            n,
            userId,
            address);
      }
    }
  }

  /**
   * A right password: this user from this address starts again from zero (the address's count
   * stays).
   */
  public void succeeded(String address, String userId) {
    if (userId != null) {
      failures.remove(userKey(address, userId));
    }
  }

  private int count(String key, Instant now) {
    return failures
        .compute(
            key,
            (k, f) ->
                f == null || f.last().plus(FORGET_AFTER).isBefore(now)
                    ? new Failures(1, now)
                    : new Failures(f.count() + 1, now))
        .count();
  }

  private Duration remaining(String key, int free, Instant now) {
    Failures f = failures.get(key);
    if (f == null || f.count() < free || f.last().plus(FORGET_AFTER).isBefore(now)) {
      return Duration.ZERO;
    }
    // 1 s after the first failure over the free ones, then doubling: 2 s, 4 s, ... up to 15 minutes
    int over = Math.min(f.count() - free, 20);
    Duration wait = Duration.ofSeconds(1L << over);
    if (wait.compareTo(MAX_WAIT) > 0) {
      wait = MAX_WAIT;
    }
    Duration left = Duration.between(now, f.last().plus(wait));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String addressKey(String address) {
    return "a|" + address;
  }

  private static String userKey(String address, String userId) {
    if (userId == null) {
      return "a|" + address;
    }
    return "u|" + address + "|" + userId;
  }
}

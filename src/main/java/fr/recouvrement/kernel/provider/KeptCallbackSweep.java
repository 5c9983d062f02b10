package fr.recouvrement.kernel.provider;

import fr.recouvrement.kernel.time.CaseClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Replays the provider callbacks kept UNMATCHED (review M5) on a schedule, so that an early
 * callback is applied once its match exists even when nothing triggered it: the node that recorded
 * the match died between its commit and the replay that follows it, the replay failed on a passing
 * error, or the process was not waiting for the news yet. Safe on several nodes: every node sweeps,
 * and a kept event is turned APPLIED by an update that only one transaction can make ({@code ...
 * where result = 'UNMATCHED'}, {@link SignedCallbacks#markApplied}), in the same transaction as its
 * effects; the other node's attempt rolls back.
 *
 * <p>What stays UNMATCHED longer than {@code recouvrement.callbacks.unmatched-alert-after} is shown
 * to the operators: a WARN line per sweep naming them (and the query of docs/operations.md). The
 * nightly data-retention run deletes those older than {@code
 * recouvrement.callbacks.unmatched-kept-for} ({@link #purge}): they concern no letter or mission of
 * ours, and may carry a debtor's details.
 */
@Component
public class KeptCallbackSweep {
  /** Keys replayed per sweep, oldest first: a sweep stays short, a backlog drains over a few. */
  static final int BATCH = 200;

  private static final Logger log = LoggerFactory.getLogger(KeptCallbackSweep.class);

  private final JdbcTemplate jdbc;
  private final Map<String, KeptCallbackReplay> replays;
  private final Duration alertAfter;
  private final Duration keptFor;

  KeptCallbackSweep(
      JdbcTemplate jdbc,
      List<KeptCallbackReplay> replays,
      @Value("${recouvrement.callbacks.unmatched-alert-after:P7D}") Duration alertAfter,
      @Value("${recouvrement.callbacks.unmatched-kept-for:P90D}") Duration keptFor) {
    this.jdbc = jdbc;
    this.replays =
        replays.stream().collect(Collectors.toMap(KeptCallbackReplay::source, Function.identity()));
    this.alertAfter = alertAfter;
    this.keptFor = keptFor;
  }

  /** A kept callback still waiting for its match. */
  public record Waiting(String source, String eventId, String matchKey, Instant receivedAt) {}

  /**
   * What one sweep did: kept events applied, still waiting, and those waiting past the alert age.
   */
  public record Sweep(int applied, int waiting, List<Waiting> stale) {}

  @Scheduled(
      initialDelayString = "${recouvrement.callbacks.replay-every:PT5M}",
      fixedDelayString = "${recouvrement.callbacks.replay-every:PT5M}")
  void scheduled() {
    try {
      sweep();
    } catch (RuntimeException e) {
      // the database is away, say: the next sweep tries again
      log.warn("Sweep of kept callbacks failed: {}", e.toString());
    }
  }

  /**
   * Replays every key still awaited (oldest first, {@value #BATCH} at most), then counts what is
   * left.
   */
  public Sweep sweep() {
    int before = waitingCount();
    List<Map<String, Object>> keys =
        jdbc.queryForList(
            "select source, match_key, min(received_at) as oldest from callback_event where result = ? and match_key is not null"
                + " group by source, match_key order by oldest, source, match_key limit "
                + BATCH,
            SignedCallbacks.Result.UNMATCHED.name());
    for (Map<String, Object> key : keys) {
      KeptCallbackReplay replay = replays.get((String) key.get("source"));
      if (replay != null) {
        try {
          replay.applyKept((String) key.get("match_key"));
        } catch (RuntimeException e) {
          log.warn(
              "Kept {} callbacks for {} not replayed: {}",
              key.get("source"),
              key.get("match_key"),
              e.toString());
        }
      }
    }
    int after = waitingCount();
    List<Waiting> old = waitingSince(CaseClock.now().minus(alertAfter));
    if (!old.isEmpty()) {
      log.warn(
          "{} provider callbacks kept UNMATCHED for more than {} (they concern no letter or mission known here, or one whose"
              + " process no longer waits; see docs/operations.md): {}",
          old.size(),
          alertAfter,
          old.stream()
              .limit(20)
              .map(w -> w.source() + " " + w.eventId() + " for " + w.matchKey())
              .toList());
    }
    return new Sweep(Math.max(0, before - after), after, old);
  }

  /** The kept callbacks received before {@code instant}, oldest first. */
  public List<Waiting> waitingSince(Instant instant) {
    return jdbc.query(
        "select source, event_id, match_key, received_at from callback_event where result = ? and received_at < ?"
            + " order by received_at, source, event_id",
        (rs, i) ->
            new Waiting(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
        SignedCallbacks.Result.UNMATCHED.name(),
        Timestamp.from(instant));
  }

  /**
   * Deletes the callbacks kept UNMATCHED for longer than {@code
   * recouvrement.callbacks.unmatched-kept-for} (the nightly data-retention run); answers how many.
   */
  public int purge(Instant now) {
    int deleted =
        jdbc.update(
            "delete from callback_event where result = ? and received_at < ?",
            SignedCallbacks.Result.UNMATCHED.name(),
            Timestamp.from(now.minus(keptFor)));
    if (deleted > 0) {
      log.info(
          "Data retention: {} provider callbacks kept UNMATCHED for more than {} deleted",
          deleted,
          keptFor);
    }
    return deleted;
  }

  private int waitingCount() {
    return jdbc.queryForObject(
        "select count(*) from callback_event where result = ?",
        Integer.class,
        SignedCallbacks.Result.UNMATCHED.name());
  }
}

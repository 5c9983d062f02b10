package fr.recouvrement.channel;

import fr.recouvrement.engine.LatestDecisionTables;
import fr.recouvrement.kernel.time.FrenchHolidays;
import fr.recouvrement.kernel.time.Territory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Component;

/**
 * Applies the {@code contact-policy} decision: may this debtor be contacted on this channel at this
 * time, and if not, when next. The rules (hours, days, caps) are the analyst's table; this class
 * only walks the calendar. Probing evaluates the latest deployed table directly with the DMN
 * engine, so the hundreds of probes of a long weekend leave no decision history behind.
 */
@Component
public class ContactPolicy {
  static final String DECISION_KEY = "contact-policy";
  private static final Duration PROBE_STEP = Duration.ofMinutes(15);
  private static final Duration COARSE_STEP = Duration.ofHours(1);
  private static final int MAX_DAYS_AHEAD = 62;

  private final LatestDecisionTables tables;
  private final Map<List<Object>, Verdict> verdicts = new ConcurrentHashMap<>();

  ContactPolicy(LatestDecisionTables tables) {
    this.tables = tables;
  }

  /** Past contacts of one debtor's case, as the policy counts them. */
  public record ContactHistory(List<Instant> contacts, List<Instant> callAttempts) {}

  public record Verdict(boolean allowed, String reason) {}

  public Verdict check(String channel, ZonedDateTime at, ContactHistory history) {
    return check(channel, at, history, Territory.METROPOLE);
  }

  /**
   * As the debtor lives it: the table's hours and days are read on the debtor's local clock and
   * calendar (10:00 in Pointe-à-Pitre is 15:00 or 16:00 in Paris).
   */
  public Verdict check(
      String channel, ZonedDateTime at, ContactHistory history, Territory territory) {
    return check(tables.latest(DECISION_KEY), channel, at, history, territory);
  }

  /**
   * The first moment at or after {@code from} (to the quarter hour) when the channel may be used.
   * Probes every hour, then looks at the quarter hours before the first allowed probe: a FEEL
   * evaluation costs milliseconds, and a long weekend or a call cap means days of probes. (An
   * allowed window shorter than an hour that starts and ends between two probes would be missed.)
   */
  public ZonedDateTime nextAllowed(String channel, ZonedDateTime from, ContactHistory history) {
    return nextAllowed(channel, from, history, Territory.METROPOLE);
  }

  /**
   * As {@link #nextAllowed(String, ZonedDateTime, ContactHistory)}, on the debtor's local clock and
   * calendar.
   */
  public ZonedDateTime nextAllowed(
      String channel, ZonedDateTime from, ContactHistory history, Territory territory) {
    LatestDecisionTables.Table decision = tables.latest(DECISION_KEY);
    ZonedDateTime start = roundUp(from);
    if (check(decision, channel, start, history, territory).allowed()) {
      return start;
    }
    ZonedDateTime limit = from.plusDays(MAX_DAYS_AHEAD);
    ZonedDateTime previous = start;
    for (ZonedDateTime at = start.plus(COARSE_STEP);
        at.isBefore(limit);
        at = at.plus(COARSE_STEP)) {
      if (check(decision, channel, at, history, territory).allowed()) {
        for (ZonedDateTime q = previous.plus(PROBE_STEP); q.isBefore(at); q = q.plus(PROBE_STEP)) {
          if (check(decision, channel, q, history, territory).allowed()) {
            return q;
          }
        }
        return at;
      }
      previous = at;
    }
    throw new IllegalStateException(
        "contact-policy allows no "
            + channel
            + " contact in the "
            + MAX_DAYS_AHEAD
            + " days after "
            + from
            + ": check the decision table");
  }

  private Verdict check(
      LatestDecisionTables.Table decision,
      String channel,
      ZonedDateTime at,
      ContactHistory history,
      Territory territory) {
    ZoneId zone = territory.zone();
    ZonedDateTime local = at.withZoneSameInstant(zone);
    LocalDate day = local.toLocalDate();
    Instant instant = local.toInstant();
    Instant windowStart = instant.minus(Duration.ofDays(30));
    Map<String, Object> in = new HashMap<>();
    in.put("channel", channel);
    in.put("dayOfWeek", local.getDayOfWeek().getValue());
    in.put("minuteOfDay", local.getHour() * 60 + local.getMinute());
    in.put("publicHoliday", FrenchHolidays.isHoliday(day, territory));
    in.put(
        "contactsToday",
        (int)
            history.contacts().stream()
                .filter(c -> LocalDate.ofInstant(c, zone).equals(day))
                .count());
    in.put(
        "callAttemptsLast30Days",
        (int)
            history.callAttempts().stream()
                .filter(c -> c.isAfter(windowStart) && !c.isAfter(instant))
                .count());
    // the same inputs give the same answer: remembered per decision version (a few thousand at
    // most)
    List<Object> key =
        List.of(
            decision.definition().getId(),
            channel,
            in.get("dayOfWeek"),
            in.get("minuteOfDay"),
            in.get("publicHoliday"),
            in.get("contactsToday"),
            in.get("callAttemptsLast30Days"));
    Verdict known = verdicts.get(key);
    if (known != null) {
      return known;
    }
    DmnDecisionResultEntries result = decision.evaluate(in).getSingleResult();
    Verdict verdict =
        result == null
            ? new Verdict(false, "contact-policy gave no answer")
            : new Verdict(
                Boolean.TRUE.equals(result.getEntry("allowed")), result.getEntry("reason"));
    if (verdicts.size() > 50_000) {
      verdicts.clear();
    }
    verdicts.put(key, verdict);
    return verdict;
  }

  private static ZonedDateTime roundUp(ZonedDateTime t) {
    ZonedDateTime floor = t.truncatedTo(ChronoUnit.HOURS).plusMinutes((t.getMinute() / 15) * 15L);
    return floor.isBefore(t) ? floor.plus(PROBE_STEP) : floor;
  }
}

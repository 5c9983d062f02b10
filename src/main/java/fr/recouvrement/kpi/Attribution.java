package fr.recouvrement.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which action a payment is "recovered after": the LAST action on the same case dated on or before
 * the day of the payment (an action of the same day counts: a payment date has no time, and the
 * debtor may have paid on reading the reminder), provided the payment came at most {@code days}
 * days after it. Each payment goes to one action at most, so nothing is counted twice across
 * channels; a payment with no such action is recovered after no action. Actions of one day are
 * ordered by their time, then by id.
 */
final class Attribution {
  /** An action on a case: a communication or a fee; {@code at} orders the actions of one day. */
  record Action(long caseId, String channel, LocalDate on, Instant at, long id, BigDecimal cost) {}

  record Payment(long caseId, LocalDate paidOn, BigDecimal amount) {}

  static final Comparator<Action> ORDER =
      Comparator.comparing(Action::on)
          .thenComparing(Action::at, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparingLong(Action::id);

  private Attribution() {}

  /** What each action brought in; actions that brought nothing are absent. */
  static Map<Action, BigDecimal> attribute(
      Collection<Action> actions, Collection<Payment> payments, int days) {
    Map<Long, List<Action>> byCase = new HashMap<>();
    for (Action a : actions) {
      byCase.computeIfAbsent(a.caseId(), id -> new ArrayList<>()).add(a);
    }
    byCase.values().forEach(list -> list.sort(ORDER));
    Map<Action, BigDecimal> recovered = new HashMap<>();
    for (Payment p : payments) {
      List<Action> ofCase = byCase.get(p.caseId());
      Action last = ofCase == null ? null : lastOnOrBefore(ofCase, p.paidOn());
      if (last != null && ChronoUnit.DAYS.between(last.on(), p.paidOn()) <= days) {
        recovered.merge(last, p.amount(), BigDecimal::add);
      }
    }
    return recovered;
  }

  /** The last action of a sorted list dated on or before {@code day}, by binary search. */
  private static Action lastOnOrBefore(List<Action> sorted, LocalDate day) {
    int lo = 0;
    int hi = sorted.size() - 1;
    Action found = null;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid).on().isAfter(day)) {
        hi = mid - 1;
      } else {
        found = sorted.get(mid);
        lo = mid + 1;
      }
    }
    return found;
  }
}

package fr.recouvrement.legal;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When a claim becomes prescribed (time-barred): pure date arithmetic, no Spring, no clock, no
 * periods of its own. The periods come from the {@code legal-deadlines} table (see {@link
 * PrescriptionFacts}): 2 years for a professional's claim on a consumer (C. conso L218-2), 5
 * otherwise (C. com. L110-4, C. civ. 2224), 10 years to enforce a court's title (CPCE L111-4), at
 * least 6 months after a suspension (C. civ. 2238 al. 2).
 *
 * <p>Counting convention: the period runs from its start (the due date, or the title's date), the
 * day itself not counted (C. civ. 2228), and ends on the anniversary day, the last day on which the
 * creditor can still act (2229). So {@link Outcome#date()} is {@code start + period} and the claim
 * is prescribed from the day after. We never push the end to the next working day (CPC 642 is for
 * procedural deadlines): the earlier date is the safe one for the creditor. A 29 February
 * anniversary falls back to 28 February, also the safe side.
 *
 * <ul>
 *   <li>An instant interruption (an acknowledgement: a payment, an accepted plan, the debtor's
 *       agreement in the small-claims procedure, 2240; an enforcement act, 2244, dated by the act)
 *       wipes the time already run and starts a new period of the same length (2231).
 *   <li>A court claim interrupts from the day it is brought (for an order to pay: its service, not
 *       the filing of the request) until the proceedings end (2242): while it runs there is no
 *       prescription date at all ({@link Outcome#pending()}), and the new period runs from its end.
 *       A claim that lapsed, was rejected or extinguished (2243) is not passed here at all: the
 *       date goes back to what it was without it.
 *   <li>A suspension (mediation, conciliation, the small-claims procedure, 2238) stops the clock
 *       without wiping it (2230): the time run before is kept, the rest runs from its end, never
 *       less than the minimum. Overlapping suspensions count their common days once.
 *   <li>An act dated after the claim is prescribed does not revive it.
 * </ul>
 *
 * <p>Immutable: each {@code with} method returns a new calculator.
 */
public final class Prescription {
  /** The last day to act and the act that set it; {@code date} is null while a court claim runs. */
  public record Outcome(LocalDate date, PrescriptionAct act) {
    public boolean pending() {
      return date == null;
    }

    /** Whether the claim is time-barred on that day (never while a court claim runs). */
    public boolean isPrescribed(LocalDate asOf) {
      return date != null && asOf.isAfter(date);
    }
  }

  private final Period period;
  private final Period minimumAfterSuspension;
  private final LocalDate start;
  private final PrescriptionAct startAct;
  private final List<Interruption> interruptions;
  private final List<Suspension> suspensions;

  private Prescription(
      Period period,
      Period minimumAfterSuspension,
      LocalDate start,
      PrescriptionAct startAct,
      List<Interruption> interruptions,
      List<Suspension> suspensions) {
    this.period = period;
    this.minimumAfterSuspension = minimumAfterSuspension;
    this.start = start;
    this.startAct = startAct;
    this.interruptions = List.copyOf(interruptions);
    this.suspensions = List.copyOf(suspensions);
  }

  /**
   * A period that runs from {@code start} ({@link PrescriptionAct#DUE_DATE} for an invoice, {@link
   * PrescriptionAct#COURT_TITLE} for a court's title), with the minimum left after a suspension.
   */
  public static Prescription of(
      Period period, Period minimumAfterSuspension, LocalDate start, PrescriptionAct startAct) {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(minimumAfterSuspension, "minimumAfterSuspension");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(startAct, "startAct");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("A prescription period must be positive: " + period);
    }
    return new Prescription(period, minimumAfterSuspension, start, startAct, List.of(), List.of());
  }

  /** An acknowledgement or an enforcement act on that day: a new full period from it. */
  public Prescription interruptedOn(LocalDate date, PrescriptionAct act) {
    Objects.requireNonNull(date, "date");
    return withInterruption(new Interruption(date, date, act));
  }

  /**
   * A court claim brought on {@code from} whose proceedings ended on {@code endedOn}, or still run
   * ({@code endedOn} null): interrupted throughout, a new full period from the end (C. civ. 2242).
   */
  public Prescription courtClaim(LocalDate from, LocalDate endedOn, PrescriptionAct act) {
    Objects.requireNonNull(from, "from");
    if (endedOn != null && endedOn.isBefore(from)) {
      throw new IllegalArgumentException(
          "Proceedings end on or after they start: " + from + " → " + endedOn);
    }
    return withInterruption(new Interruption(from, endedOn, act));
  }

  /**
   * A suspension from {@code from} to {@code to} (both days included in the suspended time as days
   * between).
   */
  public Prescription suspended(LocalDate from, LocalDate to, PrescriptionAct act) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(act, "act");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "A suspension ends on or after it starts: " + from + " → " + to);
    }
    List<Suspension> more = new ArrayList<>(suspensions);
    more.add(new Suspension(from, to, act));
    return new Prescription(period, minimumAfterSuspension, start, startAct, interruptions, more);
  }

  private Prescription withInterruption(Interruption interruption) {
    Objects.requireNonNull(interruption.act(), "act");
    List<Interruption> more = new ArrayList<>(interruptions);
    more.add(interruption);
    return new Prescription(period, minimumAfterSuspension, start, startAct, more, suspensions);
  }

  public Period period() {
    return period;
  }

  /**
   * The last day the claim can be acted on (null while a court claim runs) and the act that set it.
   */
  public Outcome outcome() {
    LocalDate end = start.plus(period);
    PrescriptionAct act = startAct;
    LocalDate runningFrom = start;
    List<Event> events = new ArrayList<>();
    interruptions.forEach(i -> events.add(new Event(i.from(), i, null)));
    merged().forEach(s -> events.add(new Event(s.from(), null, s)));
    events.sort(Comparator.comparing(Event::date));
    List<Suspension> seen = new ArrayList<>();
    for (Event event : events) {
      if (event.date().isAfter(end)) {
        break; // already prescribed: a later act does not revive the claim
      }
      if (event.interruption() != null) {
        Interruption i = event.interruption();
        if (i.from().isBefore(start)) {
          continue; // nothing running yet to interrupt
        }
        if (i.pending()) {
          return new Outcome(null, i.act()); // interrupted until the proceedings end (2242)
        }
        // Interrupted while suspended: the new period starts when the suspension ends.
        LocalDate restart = i.to();
        for (Suspension s : seen) {
          if (!restart.isBefore(s.from()) && !restart.isAfter(s.to())) {
            restart = s.to();
          }
        }
        LocalDate candidate = restart.plus(period);
        if (!candidate.isBefore(end)) {
          end = candidate;
          act = i.act();
        }
        if (restart.isAfter(runningFrom)) {
          runningFrom = restart;
        }
      } else {
        Suspension s = event.suspension();
        if (s.to().isBefore(runningFrom)) {
          continue; // over before the current period started: nothing was running to suspend
        }
        LocalDate from = s.from().isBefore(runningFrom) ? runningFrom : s.from();
        LocalDate resumed = end.plusDays(ChronoUnit.DAYS.between(from, s.to()));
        LocalDate floor = s.to().plus(minimumAfterSuspension);
        LocalDate moved = resumed.isBefore(floor) ? floor : resumed;
        if (moved.isAfter(end)) {
          end = moved;
          act = s.act();
        }
        seen.add(s);
      }
    }
    return new Outcome(end, act);
  }

  /** Overlapping suspensions as one: their common days are counted once. */
  private List<Suspension> merged() {
    List<Suspension> sorted = new ArrayList<>(suspensions);
    sorted.sort(Comparator.comparing(Suspension::from));
    List<Suspension> merged = new ArrayList<>();
    for (Suspension s : sorted) {
      Suspension last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && !s.from().isAfter(last.to())) {
        merged.set(
            merged.size() - 1,
            s.to().isAfter(last.to()) ? new Suspension(last.from(), s.to(), s.act()) : last);
      } else {
        merged.add(s);
      }
    }
    return merged;
  }

  private record Interruption(LocalDate from, LocalDate to, PrescriptionAct act) {
    boolean pending() {
      return to == null;
    }
  }

  private record Suspension(LocalDate from, LocalDate to, PrescriptionAct act) {}

  private record Event(LocalDate date, Interruption interruption, Suspension suspension) {}
}

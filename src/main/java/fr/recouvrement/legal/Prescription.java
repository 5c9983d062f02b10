package fr.recouvrement.legal;

import fr.recouvrement.cases.DebtorType;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When a claim becomes prescribed (time-barred): pure date arithmetic, no Spring, no clock.
 *
 * <p>The periods are the law's, not a policy a meeting could change, so they live here with their
 * articles rather than in a DMN table:
 *
 * <ul>
 *   <li>a professional's claim on a consumer: 2 years (C. conso L218-2); the creditor of this
 *       engine is always a professional, so the debtor's type decides;
 *   <li>otherwise 5 years (C. com. L110-4, C. civ. 2224);
 *   <li>an enforceable title: enforced within 10 years of its date (CPCE L111-4), see {@link
 *       #titleExpiry(LocalDate)}.
 * </ul>
 *
 * <p>Counting convention: the period runs from the due date, the day itself not counted (C. civ.
 * 2228), and ends on the anniversary day, which is the last day on which the creditor can still act
 * (C. civ. 2229: prescription is acquired once the last day of the term has run out). So {@link
 * #date()} is {@code dueDate + period}, a claim is prescribed from the day after, and a claim
 * exactly 2 years old is not yet prescribed. We never push the end to the next working day (CPC 642
 * is for procedural deadlines): the earlier date is the safe one for the creditor. A 29 February
 * anniversary falls back to 28 February, also the safe side.
 *
 * <p>Interruption (a debtor's acknowledgement such as a signed payment plan or a partial payment,
 * C. civ. 2240; a court claim, 2241; an enforcement measure, 2244) wipes the time already run and
 * starts a new period of the same length (2231). For a court claim the interruption lasts until the
 * proceedings end (2242): pass the date they ended. An act dated after the claim is prescribed does
 * not revive it.
 *
 * <p>Suspension (mediation or conciliation, and the debtor's agreement in the small-claims
 * procedure, C. civ. 2238) stops the clock without wiping it (2230): the time run before the
 * suspension is kept and the rest runs from its end, never less than 6 months (2238 al. 2).
 *
 * <p>Immutable: {@link #interruptedOn} and {@link #suspended} return a new calculator.
 */
public final class Prescription {
  /** C. conso L218-2. */
  static final Period CONSUMER = Period.ofYears(2);
  /** C. com. L110-4, C. civ. 2224. */
  static final Period DEFAULT = Period.ofYears(5);
  /** CPCE L111-4. */
  static final Period ENFORCEABLE_TITLE = Period.ofYears(10);
  /** C. civ. 2238 al. 2: after a mediation or a failed small-claims procedure, at least 6 months. */
  static final Period MINIMUM_AFTER_SUSPENSION = Period.ofMonths(6);
  /** How long before the prescription date a supervisor is warned. */
  static final int WARNING_DAYS = 90;

  private final Period period;
  private final LocalDate dueDate;
  private final List<LocalDate> interruptions;
  private final List<Suspension> suspensions;

  private Prescription(
      Period period, LocalDate dueDate, List<LocalDate> interruptions, List<Suspension> suspensions) {
    this.period = period;
    this.dueDate = dueDate;
    this.interruptions = List.copyOf(interruptions);
    this.suspensions = List.copyOf(suspensions);
  }

  /** A claim of this (professional) creditor on a debtor of this type, due on that date. */
  public static Prescription of(DebtorType debtorType, LocalDate dueDate) {
    Objects.requireNonNull(debtorType, "debtorType");
    Objects.requireNonNull(dueDate, "dueDate");
    return new Prescription(
        debtorType == DebtorType.CONSUMER ? CONSUMER : DEFAULT, dueDate, List.of(), List.of());
  }

  /**
   * The right to enforce an enforceable title, dated that day: 10 years (CPCE L111-4), interrupted
   * by an enforcement measure or an acknowledgement and suspended like the claim itself.
   */
  public static Prescription ofTitle(LocalDate titleDate) {
    Objects.requireNonNull(titleDate, "titleDate");
    return new Prescription(ENFORCEABLE_TITLE, titleDate, List.of(), List.of());
  }

  /** An acknowledgement, a court claim (the date its proceedings ended) or an enforcement measure. */
  public Prescription interruptedOn(LocalDate date) {
    Objects.requireNonNull(date, "date");
    List<LocalDate> more = new ArrayList<>(interruptions);
    more.add(date);
    return new Prescription(period, dueDate, more, suspensions);
  }

  /**
   * A mediation or conciliation (from the agreement to mediate, or its first meeting, to the day it
   * was declared over), or a small-claims procedure (from the debtor's agreement to the refusal
   * recorded by the commissaire de justice).
   */
  public Prescription suspended(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("A suspension ends on or after it starts: " + from + " → " + to);
    }
    List<Suspension> more = new ArrayList<>(suspensions);
    more.add(new Suspension(from, to));
    return new Prescription(period, dueDate, interruptions, more);
  }

  /** 2 or 5 years. */
  public Period period() {
    return period;
  }

  /** The last day on which the claim can still be acted on; prescribed from the day after. */
  public LocalDate date() {
    LocalDate end = dueDate.plus(period);
    List<Event> events = new ArrayList<>();
    interruptions.forEach(d -> events.add(new Event(d, null)));
    suspensions.forEach(s -> events.add(new Event(s.from(), s)));
    events.sort(Comparator.comparing(Event::date));
    List<Suspension> seen = new ArrayList<>();
    for (Event event : events) {
      if (event.date().isAfter(end)) {
        break; // already prescribed: a later act does not revive the claim
      }
      if (event.suspension() == null) {
        if (event.date().isBefore(dueDate)) {
          continue; // nothing running yet to interrupt
        }
        // Interrupted while suspended: the new period starts when the suspension ends.
        LocalDate start = event.date();
        for (Suspension s : seen) {
          if (!start.isBefore(s.from()) && !start.isAfter(s.to())) {
            start = s.to();
          }
        }
        end = start.plus(period);
      } else {
        Suspension s = event.suspension();
        if (s.to().isBefore(dueDate)) {
          continue; // over before this claim was due: nothing was running to suspend
        }
        LocalDate from = s.from().isBefore(dueDate) ? dueDate : s.from();
        LocalDate resumed = end.plusDays(ChronoUnit.DAYS.between(from, s.to()));
        LocalDate floor = s.to().plus(MINIMUM_AFTER_SUSPENSION);
        end = resumed.isBefore(floor) ? floor : resumed;
        seen.add(s);
      }
    }
    return end;
  }

  /** Whether the claim is time-barred on that day. */
  public boolean isPrescribed(LocalDate asOf) {
    return asOf.isAfter(date());
  }

  /** The day a supervisor is warned, 90 days before {@link #date()}. */
  public LocalDate warningDate() {
    return date().minusDays(WARNING_DAYS);
  }

  /** The last day an enforceable title can be enforced (CPCE L111-4), same counting as above. */
  public static LocalDate titleExpiry(LocalDate titleDate) {
    return titleDate.plus(ENFORCEABLE_TITLE);
  }

  /** Whether the title can no longer be enforced on that day. */
  public static boolean isTitleExpired(LocalDate titleDate, LocalDate asOf) {
    return asOf.isAfter(titleExpiry(titleDate));
  }

  private record Suspension(LocalDate from, LocalDate to) {}

  private record Event(LocalDate date, Suspension suspension) {}
}

package fr.recouvrement.legal.bailiff;

import java.util.EnumSet;
import java.util.Set;

/** Where a row of {@code bailiff_mission} stands. */
public enum MissionStatus {
  /** Recorded before the provider was called: the call may not have reached it. */
  PENDING,
  /** The provider took it and gave its mission id. */
  REQUESTED,
  /** Progress reported by the provider's callbacks (statuses ACCEPTED, IN_PROGRESS). */
  ACCEPTED,
  IN_PROGRESS,
  /** Handed over by a collector (no API). */
  MANUAL,
  /** The final report arrived (outcome, amount recovered). */
  REPORTED,
  /** Stopped (insolvency). */
  WITHDRAWN;

  static final Set<MissionStatus> OPEN =
      EnumSet.of(PENDING, REQUESTED, ACCEPTED, IN_PROGRESS, MANUAL);

  public boolean open() {
    return OPEN.contains(this);
  }
}

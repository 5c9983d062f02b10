package fr.recouvrement.kernel.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, so that a test that moves Camunda's time (ClockUtil) moves ours too. Dates
 * are French dates.
 */
public final class CaseClock {
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private CaseClock() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static LocalDate today() {
    return LocalDate.ofInstant(now(), PARIS);
  }

  /** The instant a day starts in Paris, as a timer or due date variable wants it. */
  public static java.util.Date startOf(LocalDate day) {
    return java.util.Date.from(day.atStartOfDay(PARIS).toInstant());
  }
}

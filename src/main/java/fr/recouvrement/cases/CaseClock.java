package fr.recouvrement.cases;

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
}

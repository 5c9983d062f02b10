package fr.recouvrement.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The house's own delays, « Délais de gestion » (processes/decisions/house-delays.dmn): figures of
 * the collection policy that several models or Java use, set in one place an analyst edits in
 * Modeler, one annotated row per parameter. Not legal periods (those are {@code legal-deadlines}).
 *
 * <p>Models read a delay in an input parameter of the task that needs it, e.g. {@code
 * ${houseDelays.days('GRACE_DAYS')}}; Java through {@link #days(String)}. Each look-up evaluates
 * the latest deployed version of the table (with a plain DMN engine: no history row per look-up),
 * so a redeployed table applies to every step taken after it. A parameter without a row throws
 * {@link IllegalStateException} naming it: the step becomes an incident, never a guessed figure.
 */
@Component("houseDelays")
public class HouseDelays {
  public static final String DECISION_KEY = "house-delays";

  /** Days of grace after a promised date or an instalment's due date before checking payment. */
  public static final String GRACE_DAYS = "GRACE_DAYS";

  /** Days before the prescription date when a supervisor is warned. */
  public static final String PRESCRIPTION_WARNING_DAYS = "PRESCRIPTION_WARNING_DAYS";

  /**
   * Days ahead within which the debtor's page takes a date without a person (a promise, a plan's
   * first instalment).
   */
  public static final String PORTAL_DATE_MAX_DAYS = "PORTAL_DATE_MAX_DAYS";

  private final LatestDecisionTables tables;

  /** Each answer remembered per deployed version (a version never changes). */
  private final Map<List<String>, Integer> answers = new ConcurrentHashMap<>();

  HouseDelays(LatestDecisionTables tables) {
    this.tables = tables;
  }

  /** The number of days of {@code parameter} in the latest deployed version of the table. */
  public int days(String parameter) {
    if (parameter == null || parameter.isBlank()) {
      throw new IllegalArgumentException("A house delay needs the name of its parameter");
    }
    LatestDecisionTables.Table table = tables.latest(DECISION_KEY);
    return answers.computeIfAbsent(
        List.of(table.definition().getId(), parameter), k -> evaluate(table, parameter));
  }

  private static int evaluate(LatestDecisionTables.Table table, String parameter) {
    DmnDecisionResultEntries row =
        table.evaluate(Variables.putValue("parameter", parameter)).getSingleResult();
    Object days = row == null ? null : row.getEntry("days");
    if (!(days instanceof Number n)) {
      throw new IllegalStateException(
          "The decision %s (« Délais de gestion », version %d) has no number of days for %s"
              .formatted(DECISION_KEY, table.definition().getVersion(), parameter));
    }
    return n.intValue();
  }
}

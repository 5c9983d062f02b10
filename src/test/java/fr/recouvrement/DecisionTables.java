package fr.recouvrement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * Evaluates the DMN files of processes/decisions as deployed, with the engine's DMN and FEEL
 * implementation, without booting Spring: decision tests stay fast.
 */
public final class DecisionTables {
  private static final DmnEngine ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final DmnDecision decision;

  private DecisionTables(DmnDecision decision) {
    this.decision = decision;
  }

  /** The decision of that key in the file of the same name ({@code key.dmn}). */
  public static DecisionTables load(String key) {
    return load(key, key);
  }

  /**
   * The decision {@code key} of the file {@code file.dmn}, one of several decisions drawn in it
   * (e.g. reminder-content in reminder-cadence.dmn).
   */
  public static DecisionTables load(String file, String key) {
    String path = "processes/decisions/" + file + ".dmn";
    try (InputStream in = DecisionTables.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("No " + path + " on the classpath");
      }
      return new DecisionTables(ENGINE.parseDecision(key, in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The single result (FIRST / UNIQUE hit policy) for these inputs. */
  public DmnDecisionResultEntries evaluate(Map<String, Object> inputs) {
    return ENGINE.evaluateDecision(decision, inputs).getSingleResult();
  }
}

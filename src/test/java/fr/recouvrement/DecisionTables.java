package fr.recouvrement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Evaluates the DMN files of processes/decisions as deployed, with the engine's DMN and FEEL
 * implementation, without booting Spring: decision tests stay fast.
 *
 * <p>A decision is found by its key in the file of that name or, for a decision that is part of
 * another decision's requirements diagram (solvency-signal in escalation.dmn), in the file that
 * holds it. Evaluating it evaluates the decisions it requires first, as the engine does.
 */
public final class DecisionTables {
  private static final DmnEngine ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final String key;
  private final DmnDecision decision;

  private DecisionTables(String key, DmnDecision decision) {
    this.key = key;
    this.decision = decision;
  }

  public static DecisionTables load(String key) {
    return new DecisionTables(key, ENGINE.parseDecision(key, model(key)));
  }

  /**
   * The same decision with the required decisions named here left out of the diagram: what they
   * would decide (legal-cost-estimate's expectedLegalCost...) is read from the inputs instead, so a
   * test of one table gives that table's facts as before the tables were joined in a diagram.
   */
  public DecisionTables given(String... requiredDecisionKeys) {
    Set<String> cut = Set.of(requiredDecisionKeys);
    DmnModelInstance model = model(key);
    int removed = 0;
    for (Decision d : model.getModelElementsByType(Decision.class)) {
      for (InformationRequirement requirement : List.copyOf(d.getInformationRequirements())) {
        Decision required = requirement.getRequiredDecision();
        if (required != null && cut.contains(required.getId())) {
          d.removeChildElement(requirement);
          removed++;
        }
      }
    }
    if (removed == 0) {
      throw new IllegalArgumentException(key + " requires none of " + cut);
    }
    return new DecisionTables(key, ENGINE.parseDecision(key, model));
  }

  /** The single result (FIRST / UNIQUE hit policy) for these inputs. */
  public DmnDecisionResultEntries evaluate(Map<String, Object> inputs) {
    return ENGINE.evaluateDecision(decision, inputs).getSingleResult();
  }

  private static DmnModelInstance model(String key) {
    String path = "processes/decisions/" + key + ".dmn";
    try (InputStream in = DecisionTables.class.getClassLoader().getResourceAsStream(path)) {
      if (in != null) {
        return Dmn.readModelFromStream(in);
      }
      for (Resource r :
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:processes/decisions/*.dmn")) {
        try (InputStream dmn = r.getInputStream()) {
          DmnModelInstance model = Dmn.readModelFromStream(dmn);
          if (model.getModelElementById(key) instanceof Decision) {
            return model;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("No decision " + key + " in processes/decisions");
  }
}

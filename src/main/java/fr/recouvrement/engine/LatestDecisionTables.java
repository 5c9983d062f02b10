package fr.recouvrement.engine;

import fr.recouvrement.kernel.process.LatestDecisions;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The latest deployed version of a decision table that Java asks itself (the contact policy, the
 * legal deadlines, the house delays), ready to evaluate with a plain DMN engine: no history row and
 * no command context per look-up (the step that uses the answer records it), the same {@link
 * SimpleFeel} short path as the process engine. The latest version is looked up at every use, so a
 * version an analyst deploys takes effect at once; a deployed version never changes, so each is
 * read and parsed once.
 */
@Component
public class LatestDecisionTables {
  /** One deployed version of a decision, parsed. */
  public record Table(DecisionDefinition definition, DmnDecision decision, DmnEngine engine) {
    public DmnDecisionResult evaluate(Map<String, Object> variables) {
      return engine.evaluateDecision(decision, variables);
    }
  }

  private final DmnEngine dmnEngine = SimpleFeel.plainDmnEngine();
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();
  private final ProcessEngine processEngine;
  private final LatestDecisions latestDecisions;

  public LatestDecisionTables(ProcessEngine processEngine, LatestDecisions latestDecisions) {
    this.processEngine = processEngine;
    this.latestDecisions = latestDecisions;
  }

  /**
   * The latest deployed version of the decision {@code key}; {@link IllegalStateException} when
   * none is deployed (the step becomes an incident that names the decision).
   */
  public Table latest(String key) {
    DecisionDefinition definition = latestDecisions.latest(key);
    if (definition == null) {
      throw new IllegalStateException("The decision " + key + " is not deployed");
    }
    DmnDecision decision =
        parsed.computeIfAbsent(
            definition.getId(),
            id -> {
              try (InputStream in = processEngine.getRepositoryService().getDecisionModel(id)) {
                return dmnEngine.parseDecision(key, in);
              } catch (IOException e) {
                throw new IllegalStateException("Cannot read decision " + id, e);
              }
            });
    return new Table(definition, decision, dmnEngine);
  }
}

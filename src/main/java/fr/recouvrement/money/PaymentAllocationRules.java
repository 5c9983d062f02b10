package fr.recouvrement.money;

import fr.recouvrement.kernel.process.LatestDecisions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The {@code payment-allocation} decision as deployed. It has eight possible questions (named, due,
 * disputed): each is evaluated once per deployed version and kept, so recording a payment does not
 * write decision history for every invoice; deploying a new version takes effect at once.
 */
@Component
public class PaymentAllocationRules {
  public static final String DECISION_KEY = "payment-allocation";

  private final RepositoryService repositoryService;
  private final LatestDecisions latestDecisions;
  private final DecisionService decisionService;
  private volatile Version cached;

  PaymentAllocationRules(
      RepositoryService repositoryService,
      DecisionService decisionService,
      LatestDecisions latestDecisions) {
    this.latestDecisions = latestDecisions;
    this.repositoryService = repositoryService;
    this.decisionService = decisionService;
  }

  /** The rules of the latest deployed version. */
  public AllocationRules current() {
    DecisionDefinition latest = latestDecisions.latest(DECISION_KEY);
    if (latest == null) {
      throw new IllegalStateException("The decision " + DECISION_KEY + " is not deployed");
    }
    Version version = cached;
    if (version == null || !version.definitionId.equals(latest.getId())) {
      version = new Version(latest.getId());
      cached = version;
    }
    return version;
  }

  private final class Version implements AllocationRules {
    private final String definitionId;
    private final Map<Integer, Priority> answers = new ConcurrentHashMap<>();

    Version(String definitionId) {
      this.definitionId = definitionId;
    }

    @Override
    public Priority priorityOf(boolean named, boolean due, boolean disputed) {
      int key = (named ? 4 : 0) + (due ? 2 : 0) + (disputed ? 1 : 0);
      return answers.computeIfAbsent(key, k -> evaluate(named, due, disputed));
    }

    private Priority evaluate(boolean named, boolean due, boolean disputed) {
      DmnDecisionRuleResult row =
          decisionService
              .evaluateDecisionTableById(definitionId)
              .variables(
                  Variables.createVariables()
                      .putValue("named", named)
                      .putValue("due", due)
                      .putValue("disputed", disputed))
              .evaluate()
              .getFirstResult();
      if (row == null
          || !(row.get("rank") instanceof Number rank)
          || !(row.get("order") instanceof String order)) {
        throw new IllegalStateException(
            "The decision %s gave no rank and order for named=%s, due=%s, disputed=%s"
                .formatted(DECISION_KEY, named, due, disputed));
      }
      return Priority.of(rank.intValue(), order);
    }

    @Override
    public String version() {
      return definitionId;
    }
  }
}

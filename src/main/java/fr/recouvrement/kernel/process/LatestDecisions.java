package fr.recouvrement.kernel.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The latest deployed version of a decision, read again at every use so that a version an analyst
 * deploys takes effect at once, on every node. It is the engine's own lookup (the one a business
 * rule task makes): one fixed statement, where {@code
 * createDecisionDefinitionQuery().latestVersion()} built its SQL from a large dynamic mapping on
 * every call (8 % of opening a case in the benchmark's profile, issue 14). Like a business rule
 * task, it reads the rules whoever the caller is.
 */
@Component
public class LatestDecisions {
  private final ProcessEngineConfigurationImpl configuration;

  public LatestDecisions(ProcessEngine engine) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /** The latest version of the decision {@code key}, or null when none is deployed. */
  public DecisionDefinition latest(String key) {
    return configuration
        .getCommandExecutorTxRequired()
        .execute(
            command ->
                command.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key));
  }
}

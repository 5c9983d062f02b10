package fr.recouvrement.operations;

import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/info} also says which strategy runs: the latest deployed version of each process
 * and decision (an analyst's deployment from Modeler shows here as a new version), next to the
 * application's version (build-info) and commit (git.properties).
 */
@Component
class DeployedModels implements InfoContributor {
  private final RepositoryService repository;

  DeployedModels(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public void contribute(Info.Builder builder) {
    Map<String, Object> processes = new TreeMap<>();
    for (ProcessDefinition p : repository.createProcessDefinitionQuery().latestVersion().list()) {
      processes.put(
          p.getKey(), Map.of("version", p.getVersion(), "deploymentId", p.getDeploymentId()));
    }
    Map<String, Object> decisions = new TreeMap<>();
    for (DecisionDefinition d : repository.createDecisionDefinitionQuery().latestVersion().list()) {
      decisions.put(
          d.getKey(), Map.of("version", d.getVersion(), "deploymentId", d.getDeploymentId()));
    }
    builder.withDetail("models", Map.of("processes", processes, "decisions", decisions));
  }
}

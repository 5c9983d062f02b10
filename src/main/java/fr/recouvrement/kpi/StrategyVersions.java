package fr.recouvrement.kpi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The strategy that ran each case: the process definition (key and version, "collection-case v3")
 * of the case's process instance, read from Camunda history (so a finished case keeps the version
 * it ran; a migrated instance shows the version it was migrated to). Instances are read in chunks,
 * definitions once per call.
 */
@Component
class StrategyVersions {
  /** The key of cases whose process instance is unknown to the engine (or never started). */
  static final String NONE = "sans processus";

  private static final int CHUNK = 500;

  private final HistoryService history;
  private final RepositoryService repository;

  StrategyVersions(HistoryService history, RepositoryService repository) {
    this.history = history;
    this.repository = repository;
  }

  /**
   * The label of each process instance id found; absent ones have no known strategy ({@link
   * #NONE}).
   */
  Map<String, String> of(Collection<String> processInstanceIds) {
    List<String> ids = new ArrayList<>(new HashSet<>(processInstanceIds));
    ids.removeIf(id -> id == null || id.isBlank());
    Map<String, String> definitions = new HashMap<>();
    Map<String, String> labels = new HashMap<>();
    for (int i = 0; i < ids.size(); i += CHUNK) {
      Set<String> chunk = new HashSet<>(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
      for (HistoricProcessInstance instance :
          history.createHistoricProcessInstanceQuery().processInstanceIds(chunk).list()) {
        labels.put(
            instance.getId(),
            definitions.computeIfAbsent(instance.getProcessDefinitionId(), this::label));
      }
    }
    return labels;
  }

  private String label(String definitionId) {
    ProcessDefinition definition =
        repository.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult();
    // a definition whose deployment was deleted since
    return definition == null ? NONE : definition.getKey() + " v" + definition.getVersion();
  }
}

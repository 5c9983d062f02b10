package fr.recouvrement.kpi;

import fr.recouvrement.engine.StrategyInForce;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The strategy that ran each case, as a readable label of version tags.
 *
 * <p>A case records at its start the strategy in force ({@link StrategyInForce}: the version tag of
 * the case process, of the processes it calls and of the decisions). Its label is the case process
 * ({@code "collection-case 1.0"}) followed by each model whose tag is not the same for all the
 * strategies of the period ({@code "collection-case 1.0 · debtor-segment 1.1"}): a period run under
 * one strategy shows one line, and a table deployed with a new tag splits the cases opened after it
 * into a group that names it. One query for the strategies of the period, whatever its size.
 *
 * <p>A case opened before strategies were recorded shows its case process definition as Camunda
 * history knows it ({@code "collection-case 1.0"}, or {@code "collection-case v3"} for a definition
 * without a tag): instances read in chunks, definitions once per call.
 */
@Component
class StrategyVersions {
  /** The key of cases whose process instance is unknown to the engine (or never started). */
  static final String NONE = "sans processus";

  /** Between the models of a label. */
  static final String SEPARATOR = " · ";

  private static final int CHUNK = 500;

  private final KpiRepository kpis;
  private final HistoryService history;
  private final RepositoryService repository;

  StrategyVersions(KpiRepository kpis, HistoryService history, RepositoryService repository) {
    this.kpis = kpis;
    this.history = history;
    this.repository = repository;
  }

  /** The label of each case of the portfolio, by case id. */
  Map<Long, String> of(List<KpiRepository.CaseRow> portfolio) {
    Set<String> fingerprints = new HashSet<>();
    portfolio.stream()
        .map(KpiRepository.CaseRow::strategy)
        .filter(Objects::nonNull)
        .forEach(fingerprints::add);
    Map<String, Map<String, String>> strategies = new HashMap<>();
    kpis.strategies(fingerprints)
        .forEach(
            (fingerprint, models) -> strategies.put(fingerprint, StrategyInForce.models(models)));
    Map<String, String> recorded = labels(strategies);

    List<String> older = new ArrayList<>();
    for (KpiRepository.CaseRow c : portfolio) {
      if (!recorded.containsKey(c.strategy()) && c.processInstanceId() != null) {
        older.add(c.processInstanceId());
      }
    }
    Map<String, String> byInstance = fromHistory(older);

    Map<Long, String> labels = new HashMap<>();
    for (KpiRepository.CaseRow c : portfolio) {
      String label = c.strategy() == null ? null : recorded.get(c.strategy());
      if (label == null) {
        label =
            c.processInstanceId() == null
                ? NONE
                : byInstance.getOrDefault(c.processInstanceId(), NONE);
      }
      labels.put(c.id(), label);
    }
    return labels;
  }

  /**
   * The label of each strategy (its models in order, key → tag, the case process first): the case
   * process, then the models whose tag is not the same in all of them (a model missing from some
   * counts as a different tag).
   */
  static Map<String, String> labels(Map<String, Map<String, String>> strategies) {
    Set<String> keys = new TreeSet<>();
    strategies.values().forEach(models -> keys.addAll(models.keySet()));
    Set<String> varying = new HashSet<>();
    for (String key : keys) {
      Set<String> tags = new HashSet<>();
      strategies.values().forEach(models -> tags.add(models.get(key)));
      if (tags.size() > 1) {
        varying.add(key);
      }
    }
    Map<String, String> labels = new LinkedHashMap<>();
    strategies.forEach(
        (fingerprint, models) -> {
          List<String> parts = new ArrayList<>();
          boolean first = true;
          for (Map.Entry<String, String> model : models.entrySet()) {
            if (first || varying.contains(model.getKey())) {
              parts.add(model.getKey() + " " + model.getValue());
            }
            first = false;
          }
          labels.put(fingerprint, String.join(SEPARATOR, parts));
        });
    return labels;
  }

  /** The case process definition of each instance found in history. */
  private Map<String, String> fromHistory(Collection<String> processInstanceIds) {
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
    if (definition == null) {
      return NONE;
    }
    String tag = definition.getVersionTag();
    return definition.getKey()
        + " "
        + (tag == null || tag.isBlank() ? "v" + definition.getVersion() : tag.strip());
  }
}

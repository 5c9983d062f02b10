package fr.recouvrement.engine;

import fr.recouvrement.kernel.hash.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The strategy a case starts under, by the version tags analysts give their models: the case's
 * process definition, then (by key) every process it calls, directly or through another one, and
 * every decision: those its processes name and those Java evaluates (the tables shipped in
 * processes/decisions), each at the version deployed last. One line per model, {@code "key tag"}
 * ({@code "key v7"} for a model deployed without a tag), the case process first, the others by key;
 * its SHA-256 names it.
 *
 * <p>Called processes and decisions are bound to their latest version when they run, not when the
 * case starts: this is the strategy in force at the start, which a later deployment does not change
 * for this case (the KPIs « par version de stratégie » compare cases by it). Computed once per set
 * of deployments.
 */
@Component
public class StrategyInForce {
  /** A strategy: its lines ("collection-case 1.0", "debtor-segment 1.1"…) and their SHA-256. */
  public record Strategy(String fingerprint, String models) {
    static Strategy of(List<String> lines) {
      String models = String.join("\n", lines);
      return new Strategy(Sha256.hex(models), models);
    }
  }

  private final RepositoryService repository;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  private final Map<String, Strategy> known = new ConcurrentHashMap<>();
  private volatile Set<String> shippedDecisions;

  StrategyInForce(RepositoryService repository, org.springframework.jdbc.core.JdbcTemplate jdbc) {
    this.repository = repository;
    this.jdbc = jdbc;
  }

  /** The strategy a case whose process instance runs this definition starts under, now. */
  public Strategy of(String caseProcessDefinitionId) {
    // a new deployment, or a deleted one, gives another key. One fixed statement: the engine's
    // deployment queries (latest, count) spent most of their time building their SQL, 9 % of an
    // opening in the profile (docs/performance.md, third profile)
    String deployments =
        jdbc.query(
            "select d.ID_, (select count(*) from ACT_RE_DEPLOYMENT) from ACT_RE_DEPLOYMENT d"
                + " order by d.DEPLOY_TIME_ desc, d.ID_ desc fetch first 1 rows only",
            (org.springframework.jdbc.core.ResultSetExtractor<String>)
                rs -> rs.next() ? rs.getString(1) + "|" + rs.getLong(2) : "");
    String key = caseProcessDefinitionId + "|" + deployments;
    if (known.size() > 1_000) {
      known.clear();
    }
    return known.computeIfAbsent(key, k -> compute(caseProcessDefinitionId));
  }

  private Strategy compute(String caseProcessDefinitionId) {
    ProcessDefinition caseProcess = repository.getProcessDefinition(caseProcessDefinitionId);
    Map<String, String> others = new TreeMap<>();
    Set<String> decisions = new TreeSet<>(shippedDecisions());
    Deque<ProcessDefinition> toRead = new ArrayDeque<>(List.of(caseProcess));
    Set<String> seen = new TreeSet<>(List.of(caseProcess.getKey()));
    while (!toRead.isEmpty()) {
      BpmnModelInstance model = repository.getBpmnModelInstance(toRead.pop().getId());
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        String called = call.getCalledElement();
        if (isKey(called) && seen.add(called)) {
          ProcessDefinition latest =
              repository
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(called)
                  .latestVersion()
                  .singleResult();
          if (latest != null) {
            others.put(called, line(called, latest.getVersionTag(), latest.getVersion()));
            toRead.push(latest);
          }
        }
      }
      for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
        if (isKey(task.getCamundaDecisionRef())) {
          decisions.add(task.getCamundaDecisionRef());
        }
      }
    }
    for (String decision : decisions) {
      DecisionDefinition latest =
          repository
              .createDecisionDefinitionQuery()
              .decisionDefinitionKey(decision)
              .latestVersion()
              .singleResult();
      if (latest != null && !seen.contains(decision)) {
        others.put(decision, line(decision, latest.getVersionTag(), latest.getVersion()));
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(line(caseProcess.getKey(), caseProcess.getVersionTag(), caseProcess.getVersion()));
    lines.addAll(others.values());
    return Strategy.of(lines);
  }

  /** "key tag", or "key vN" for a model deployed without a version tag. */
  static String line(String key, String tag, int version) {
    return key + " " + (tag == null || tag.isBlank() ? "v" + version : tag.strip());
  }

  /** Parses a strategy's lines back: key → tag (or "vN"), in their order. */
  public static Map<String, String> models(String models) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String line : models.split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0) {
        byKey.put(line.substring(0, space), line.substring(space + 1));
      }
    }
    return byKey;
  }

  /** A plain key, not an expression chosen when the step runs. */
  private static boolean isKey(String ref) {
    return ref != null && !ref.isBlank() && !ref.contains("${") && !ref.contains("#{");
  }

  /** The decisions shipped in processes/decisions: Java evaluates some of them by key. */
  private Set<String> shippedDecisions() {
    Set<String> keys = shippedDecisions;
    if (keys == null) {
      keys = new TreeSet<>();
      try {
        for (Resource r :
            new PathMatchingResourcePatternResolver()
                .getResources("classpath*:processes/decisions/*.dmn")) {
          try (InputStream in = r.getInputStream()) {
            for (Decision d : Dmn.readModelFromStream(in).getModelElementsByType(Decision.class)) {
              keys.add(d.getId());
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      shippedDecisions = keys;
    }
    return keys;
  }
}

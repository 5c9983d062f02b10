package fr.recouvrement.audit;

import fr.recouvrement.audit.DecisionReplayReport.Decision;
import fr.recouvrement.audit.DecisionReplayReport.RuleOutputs;
import fr.recouvrement.cases.CaseService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Service;

/**
 * Replays a case's decisions: "why did this debtor get a formal notice, and would it still?".
 *
 * <p>Every historic decision instance of every process instance of the case (business key = case
 * reference, which each call activity passes on) is evaluated again, with the inputs recorded at
 * the time, against the decision definition version that was used, and on request against the
 * latest deployed version of the same key.
 *
 * <p>Recorded inputs are keyed by input clause; the table reads variables. Each clause whose input
 * expression is a plain variable name gives that variable its recorded value; a computed input
 * (procedure-prospect's "balance * expectedRecoveryRate - expectedLegalCost") is left out, and the
 * table computes it again from the plain inputs it is made of.
 *
 * <p>A decision of a requirements diagram (escalation.dmn: escalation requires amicable-stage,
 * procedure-prospect, solvency-signal...) is recorded as several decision instances, the top one
 * and each required one with its own inputs and outputs. Each is replayed as its own table on its
 * own recorded inputs: the required decisions' outputs are inputs of the table that reads them.
 *
 * <p>Evaluation uses a plain DMN engine, not the process engine's DecisionService: a replay is a
 * read (an auditor's GET) and must not add decision instances to the history it is checking.
 */
// reads Camunda history: the engine must not create its tables before Flyway has run (see
// HistoryCaseTimeline)
@DependsOnDatabaseInitialization
@Service
public class DecisionReplayService {
  private static final Pattern PLAIN_VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final CaseService cases;
  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final DmnEngine dmnEngine =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  /** Deployed decision versions never change: parsed once per definition id. */
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  /**
   * A decision version as the replay needs it: the executable decision, its inputs in table order.
   */
  private record Parsed(DmnDecision decision, int version, List<InputClause> inputs) {}

  /**
   * One input column: its id (what history records), its label, and the variable it reads, if
   * plain.
   */
  private record InputClause(String id, String label, String variable) {}

  DecisionReplayService(
      CaseService cases, HistoryService historyService, RepositoryService repositoryService) {
    this.cases = cases;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
  }

  /** The case's decisions in the order they were taken, each replayed; the case must exist. */
  public DecisionReplayReport replay(String caseReference, boolean withLatest) {
    cases.get(caseReference); // CaseNotFoundException (404) for an unknown case
    List<HistoricDecisionInstance> instances = new ArrayList<>();
    for (HistoricProcessInstance process :
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(caseReference)
            .list()) {
      instances.addAll(
          historyService
              .createHistoricDecisionInstanceQuery()
              .processInstanceId(process.getId())
              .includeInputs()
              .includeOutputs()
              .list());
    }
    instances.sort(
        Comparator.comparing(HistoricDecisionInstance::getEvaluationTime)
            .thenComparing(HistoricDecisionInstance::getId));

    Map<String, DecisionDefinition> latestByKey = new HashMap<>();
    List<Decision> decisions = new ArrayList<>();
    for (HistoricDecisionInstance instance : instances) {
      DecisionDefinition latest =
          withLatest
              ? latestByKey.computeIfAbsent(
                  instance.getDecisionDefinitionKey(),
                  key ->
                      repositoryService
                          .createDecisionDefinitionQuery()
                          .decisionDefinitionKey(key)
                          .latestVersion()
                          .singleResult())
              : null;
      decisions.add(replay(instance, latest, withLatest));
    }
    int same = (int) decisions.stream().filter(Decision::same).count();
    Integer sameAsLatest =
        withLatest
            ? (int) decisions.stream().filter(d -> Boolean.TRUE.equals(d.sameAsLatest())).count()
            : null;
    return new DecisionReplayReport(
        caseReference,
        decisions.size(),
        same,
        decisions.size() - same,
        sameAsLatest,
        withLatest ? decisions.size() - sameAsLatest : null,
        decisions);
  }

  private Decision replay(
      HistoricDecisionInstance instance, DecisionDefinition latest, boolean withLatest) {
    Parsed used;
    try {
      used = parsed(instance.getDecisionDefinitionId(), instance.getDecisionDefinitionKey());
    } catch (RuntimeException e) {
      // its deployment was deleted without its history: what was recorded is still shown
      return unreplayable(
          instance,
          "decision version "
              + instance.getDecisionDefinitionId()
              + " cannot be read: "
              + e.getMessage());
    }

    Map<String, Object> recordedByClause = new HashMap<>();
    for (HistoricDecisionInputInstance input : instance.getInputs()) {
      recordedByClause.put(input.getClauseId(), input.getValue());
    }
    Map<String, Object> inputs = new LinkedHashMap<>();
    Map<String, Object> variables = new HashMap<>();
    for (InputClause clause : used.inputs()) {
      if (!recordedByClause.containsKey(clause.id())) {
        continue;
      }
      Object value = recordedByClause.get(clause.id());
      inputs.put(clause.label(), value);
      if (clause.variable() != null) {
        variables.put(clause.variable(), value);
      }
    }

    List<RuleOutputs> recorded = recordedOutputs(instance.getOutputs());
    // a table that adds its rules' points (COLLECT + SUM: the task priority) is compared on its sum
    List<Map<String, Object>> recordedValues =
        instance.getCollectResultValue() == null || instance.getOutputs().isEmpty()
            ? recorded.stream().map(RuleOutputs::outputs).toList()
            : List.of(
                Map.of(
                    instance.getOutputs().get(0).getVariableName(),
                    (Object) instance.getCollectResultValue()));

    // ... and shown as that sum, naming the rules that added to it
    List<RuleOutputs> shown =
        recordedValues.size() == 1 && instance.getCollectResultValue() != null
            ? List.of(
                new RuleOutputs(
                    String.join(" + ", recorded.stream().map(RuleOutputs::ruleId).toList()),
                    recordedValues.get(0)))
            : recorded;

    Evaluation replayed = evaluate(used.decision(), variables);
    boolean same = replayed.error() == null && sameOutputs(recordedValues, replayed.outputs());

    Integer latestVersion = null;
    Evaluation latestResult = null;
    Boolean sameAsLatest = null;
    if (withLatest) {
      if (latest == null) {
        latestResult =
            new Evaluation(null, "no deployed version of " + instance.getDecisionDefinitionKey());
      } else {
        latestVersion = latest.getVersion();
        try {
          latestResult = evaluate(parsed(latest.getId(), latest.getKey()).decision(), variables);
        } catch (RuntimeException e) {
          latestResult = new Evaluation(null, "latest version cannot be read: " + e.getMessage());
        }
      }
      sameAsLatest =
          latestResult.error() == null && sameOutputs(recordedValues, latestResult.outputs());
    }

    return new Decision(
        instance.getId(),
        instance.getDecisionDefinitionKey(),
        instance.getDecisionDefinitionName(),
        instance.getDecisionDefinitionId(),
        used.version(),
        instance.getEvaluationTime().toInstant(),
        instance.getProcessDefinitionKey(),
        instance.getProcessInstanceId(),
        instance.getActivityId(),
        inputs,
        shown,
        replayed.outputs(),
        same,
        replayed.error(),
        latestVersion,
        latestResult == null ? null : latestResult.outputs(),
        sameAsLatest,
        latestResult == null ? null : latestResult.error());
  }

  private static Decision unreplayable(HistoricDecisionInstance instance, String error) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    instance
        .getInputs()
        .forEach(
            i ->
                inputs.put(
                    i.getClauseName() == null ? i.getClauseId() : i.getClauseName(), i.getValue()));
    return new Decision(
        instance.getId(),
        instance.getDecisionDefinitionKey(),
        instance.getDecisionDefinitionName(),
        instance.getDecisionDefinitionId(),
        0,
        instance.getEvaluationTime().toInstant(),
        instance.getProcessDefinitionKey(),
        instance.getProcessInstanceId(),
        instance.getActivityId(),
        inputs,
        recordedOutputs(instance.getOutputs()),
        null,
        false,
        error,
        null,
        null,
        null,
        null);
  }

  /** Outputs grouped by matched rule, in the order the rules matched. */
  private static List<RuleOutputs> recordedOutputs(List<HistoricDecisionOutputInstance> outputs) {
    Map<String, Map<String, Object>> byRule = new LinkedHashMap<>();
    outputs.stream()
        .sorted(
            Comparator.comparing(
                    (HistoricDecisionOutputInstance o) ->
                        o.getRuleOrder() == null ? 0 : o.getRuleOrder())
                .thenComparing(o -> Objects.toString(o.getCreateTime(), "")))
        .forEach(
            o -> {
              byRule
                  .computeIfAbsent(o.getRuleId(), r -> new LinkedHashMap<>())
                  .put(o.getVariableName(), o.getValue());
            });
    List<RuleOutputs> result = new ArrayList<>();
    byRule.forEach((rule, values) -> result.add(new RuleOutputs(rule, values)));
    return result;
  }

  private record Evaluation(List<Map<String, Object>> outputs, String error) {}

  private Evaluation evaluate(DmnDecision decision, Map<String, Object> variables) {
    try {
      DmnDecisionResult result = dmnEngine.evaluateDecision(decision, variables);
      List<Map<String, Object>> outputs = new ArrayList<>();
      result.forEach(entries -> outputs.add(new LinkedHashMap<>(entries.getEntryMap())));
      return new Evaluation(outputs, null);
    } catch (RuntimeException e) {
      return new Evaluation(null, e.getMessage());
    }
  }

  /**
   * Same rules matched, same values: numbers compared by value (2 and 2.0 are the same amount, a
   * table's integer output may come back as a long), an output left empty the same as absent.
   */
  static boolean sameOutputs(
      List<Map<String, Object>> recorded, List<Map<String, Object>> replayed) {
    if (replayed == null || recorded.size() != replayed.size()) {
      return false;
    }
    for (int i = 0; i < recorded.size(); i++) {
      if (!normalized(recorded.get(i)).equals(normalized(replayed.get(i)))) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Object> normalized(Map<String, Object> outputs) {
    Map<String, Object> result = new HashMap<>();
    outputs.forEach(
        (name, value) -> {
          if (value instanceof Number n && isFinite(n)) {
            result.put(name, new BigDecimal(n.toString()).stripTrailingZeros());
          } else if (value != null) {
            result.put(name, value);
          }
        });
    return result;
  }

  private static boolean isFinite(Number n) {
    return !(n instanceof Double d && !Double.isFinite(d))
        && !(n instanceof Float f && !Float.isFinite(f));
  }

  private Parsed parsed(String definitionId, String key) {
    return parsed.computeIfAbsent(definitionId, id -> parse(id, key));
  }

  private Parsed parse(String definitionId, String key) {
    DmnModelInstance model;
    try (InputStream dmn = repositoryService.getDecisionModel(definitionId)) {
      model = Dmn.readModelFromStream(dmn);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // a decision of a requirements diagram is replayed as its own table: what the decisions it
    // requires said is among its recorded inputs, and they are replayed as decisions of their own
    if (model.getModelElementById(key) instanceof org.camunda.bpm.model.dmn.instance.Decision d) {
      for (InformationRequirement requirement : List.copyOf(d.getInformationRequirements())) {
        d.removeChildElement(requirement);
      }
    }
    DmnDecision decision = dmnEngine.parseDecision(key, model);
    int version = repositoryService.getDecisionDefinition(definitionId).getVersion();
    List<InputClause> inputs = new ArrayList<>();
    for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
      if (!key.equals(table.getParentElement().getAttributeValue("id"))) {
        continue;
      }
      for (Input input : table.getInputs()) {
        String expression =
            input.getInputExpression() == null || input.getInputExpression().getText() == null
                ? null
                : input.getInputExpression().getText().getTextContent().trim();
        String variable =
            expression != null && PLAIN_VARIABLE.matcher(expression).matches() ? expression : null;
        String label =
            input.getLabel() == null || input.getLabel().isBlank()
                ? input.getId()
                : input.getLabel();
        inputs.add(new InputClause(input.getId(), label, variable));
      }
    }
    return new Parsed(decision, version, inputs);
  }
}

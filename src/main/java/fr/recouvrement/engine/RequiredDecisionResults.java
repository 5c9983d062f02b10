package fr.recouvrement.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Lets a business-rule task that evaluates a decision requirements diagram (escalation.dmn: the top
 * decision reads the results of solvency-signal, legal-cost-estimate and others) map what the
 * required decisions said, not only the top decision's {@code decisionResult}, which is all Camunda
 * gives the task.
 *
 * <p>While the task runs, the transient variable {@value #VARIABLE} holds, by decision key, the
 * outputs of the rule each required decision table matched (one rule: FIRST or UNIQUE tables); the
 * model maps what it wants from it, for example {@code
 * ${requiredDecisionResults['solvency-signal'].solvencySignal}}. Transient: never stored, never in
 * history (the decisions' own history rows already keep every required decision with its inputs and
 * outputs). No rule here: the results are the tables'.
 */
@Component
public class RequiredDecisionResults extends AbstractProcessEnginePlugin
    implements DmnDecisionEvaluationListener {
  /** The transient variable a business-rule task's output mapping reads. */
  public static final String VARIABLE = "requiredDecisionResults";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn =
        (DefaultDmnEngineConfiguration) configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn =
          (DefaultDmnEngineConfiguration)
              DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    List<DmnDecisionEvaluationListener> listeners =
        dmn.getCustomPostDecisionEvaluationListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(dmn.getCustomPostDecisionEvaluationListeners());
    listeners.add(this);
    dmn.setCustomPostDecisionEvaluationListeners(listeners);
  }

  @Override
  public void notify(DmnDecisionEvaluationEvent event) {
    if (event.getRequiredDecisionResults().isEmpty()) {
      return;
    }
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    if (context == null || context.getExecution() == null) {
      return; // evaluated outside a process (DecisionService, a test's DMN engine)
    }
    context
        .getExecution()
        .setVariableLocal(VARIABLE, Variables.objectValue(outputs(event), true).create());
  }

  /** The outputs of each required decision table that matched exactly one rule, by its key. */
  static Map<String, Map<String, Object>> outputs(DmnDecisionEvaluationEvent event) {
    Map<String, Map<String, Object>> byDecision = new HashMap<>();
    for (DmnDecisionLogicEvaluationEvent required : event.getRequiredDecisionResults()) {
      if (required instanceof DmnDecisionTableEvaluationEvent table
          && table.getMatchingRules().size() == 1) {
        Map<String, Object> outputs = new HashMap<>();
        for (DmnEvaluatedOutput output :
            table.getMatchingRules().get(0).getOutputEntries().values()) {
          outputs.put(
              output.getOutputName(),
              output.getValue() == null ? null : output.getValue().getValue());
        }
        byDecision.put(required.getDecision().getKey(), outputs);
      }
    }
    return byDecision;
  }
}

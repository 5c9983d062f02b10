package fr.recouvrement.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
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
 * <p>While the task runs, each output of the rule a required decision table matched (one rule:
 * FIRST or UNIQUE tables) is a transient local variable of the task, named as the output column, so
 * the model maps it by its bare name: {@code solvencySignal = ${solvencySignal}}. A bare name is
 * the one expression form an analyst's model may always use (security/ModelRules refuses index
 * access); two required decisions answering under the same output name stop the evaluation, since
 * the mapping could not say which one it read. Transient: never stored, never in history (the
 * decisions' own history rows already keep every required decision with its inputs and outputs). No
 * rule here: the results are the tables'.
 */
@Component
public class RequiredDecisionResults extends AbstractProcessEnginePlugin
    implements DmnDecisionEvaluationListener {
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = EngineDmnConfiguration.of(configuration);
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
    for (Map.Entry<String, Object> output : outputs(event).entrySet()) {
      context
          .getExecution()
          .setVariableLocal(output.getKey(), Variables.untypedValue(output.getValue(), true));
    }
  }

  /**
   * The outputs of the required decision tables that matched exactly one rule, by output name; a
   * name answered by two of them is refused.
   */
  static Map<String, Object> outputs(DmnDecisionEvaluationEvent event) {
    Map<String, Object> byName = new HashMap<>();
    Map<String, String> from = new HashMap<>();
    for (DmnDecisionLogicEvaluationEvent required : event.getRequiredDecisionResults()) {
      if (required instanceof DmnDecisionTableEvaluationEvent table
          && table.getMatchingRules().size() == 1) {
        String key = required.getDecision().getKey();
        for (DmnEvaluatedOutput output :
            table.getMatchingRules().get(0).getOutputEntries().values()) {
          String earlier = from.putIfAbsent(output.getOutputName(), key);
          if (earlier != null && !earlier.equals(key)) {
            throw new ProcessEngineException(
                "Decisions "
                    + earlier
                    + " and "
                    + key
                    + " both answer "
                    + output.getOutputName()
                    + ": rename one output column so that the model can map each by its name");
          }
          byName.put(
              output.getOutputName(),
              output.getValue() == null ? null : output.getValue().getValue());
        }
      }
    }
    return byName;
  }
}

package fr.recouvrement.tasklist;

import fr.recouvrement.security.GroupIds;
import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts {@link TaskAgenda} on the create event of every user task offered to the collectors or the
 * supervisors (or to a group the model computes, as the dispute's), in every model deployed,
 * Modeler's included: a task an analyst adds gets its priority and its card without anyone
 * remembering a listener, and the models stay as analysts draw them. A built-in listener, so that
 * it still runs when an operator moves a case in Cockpit skipping the models' own listeners.
 */
@Component
class TaskAgendaPlugin extends AbstractProcessEnginePlugin {
  private static final Set<String> GROUPS = Set.of(GroupIds.COLLECTORS, GroupIds.SUPERVISORS);

  private final ObjectProvider<TaskAgenda> agenda;

  TaskAgendaPlugin(ObjectProvider<TaskAgenda> agenda) {
    this.agenda = agenda;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    // the agenda needs the case service, which needs the engine: looked up when a task is created
    TaskListener listener = task -> agenda.getObject().notify(task);
    configuration
        .getCustomPostBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior
                    && forCollectorsOrSupervisors(behavior.getTaskDefinition())) {
                  behavior
                      .getTaskDefinition()
                      .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
                }
              }
            });
  }

  static boolean forCollectorsOrSupervisors(TaskDefinition task) {
    return task.getCandidateGroupIdExpressions().stream()
        .map(Expression::getExpressionText)
        .anyMatch(TaskAgendaPlugin::forWorkers);
  }

  /**
   * Candidate groups as a model writes them: "collectors", "supervisors, analysts",
   * "${candidateGroup}".
   */
  static boolean forWorkers(String candidateGroups) {
    if (candidateGroups == null) {
      return false;
    }
    if (candidateGroups.contains("${") || candidateGroups.contains("#{")) {
      return true; // chosen by the model at run time (a dispute goes to collectors or supervisors)
    }
    for (String id : candidateGroups.split(",")) {
      if (GROUPS.contains(id.trim())) {
        return true;
      }
    }
    return false;
  }
}

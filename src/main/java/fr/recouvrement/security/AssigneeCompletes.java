package fr.recouvrement.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A claimed task is completed by whoever claimed it, or by a supervisor or an administrator
 * (security review L2): another collector of the same group may not complete it in their place, nor
 * take it over by making themselves its assignee. Added to every user task of every model, shipped
 * or deployed later, when the engine parses it; an unassigned task stays open to its candidate
 * groups. Steps the engine runs by itself (no authenticated user) are not concerned.
 */
@Component
class AssigneeCompletes extends AbstractProcessEnginePlugin {
  static final List<String> MAY_COMPLETE_ANY =
      List.of(GroupIds.SUPERVISORS, GroupIds.CAMUNDA_ADMIN);

  static final TaskListener LISTENER = AssigneeCompletes::check;
  static final TaskListener REASSIGNMENT = AssigneeCompletes::checkReassignment;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(listeners);
    }
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(
              Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
              behavior
                  .getTaskDefinition()
                  .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, LISTENER);
              behavior
                  .getTaskDefinition()
                  .addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, REASSIGNMENT);
            }
          }
        });
  }

  /**
   * Taking a task a colleague claimed (setting oneself, or anyone, as its assignee) would get round
   * the rule above: only a supervisor reassigns a claimed task. Claiming a free task, or handing
   * back one's own, stays open to its candidates.
   */
  static void checkReassignment(DelegateTask task) {
    Authentication caller =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null || !(task instanceof TaskEntity entity)) {
      return;
    }
    PropertyChange change = entity.getPropertyChanges().get(TaskEntity.ASSIGNEE);
    Object previous = change == null ? null : change.getOrgValue();
    if (previous == null || previous.equals(caller.getUserId())) {
      return;
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (groups.stream().noneMatch(MAY_COMPLETE_ANY::contains)) {
      throw new AuthorizationException(
          "La tâche « "
              + task.getName()
              + " » est prise par "
              + previous
              + " : seul un superviseur peut la réattribuer.");
    }
  }

  static void check(DelegateTask task) {
    Authentication caller =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String assignee = task.getAssignee();
    if (caller == null
        || caller.getUserId() == null
        || assignee == null
        || assignee.equals(caller.getUserId())) {
      return;
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (groups.stream().noneMatch(MAY_COMPLETE_ANY::contains)) {
      throw new AuthorizationException(
          "La tâche « "
              + task.getName()
              + " » est prise par "
              + assignee
              + " : elle ne peut être terminée que par cette personne ou par un superviseur.");
    }
  }
}

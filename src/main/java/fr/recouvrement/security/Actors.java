package fr.recouvrement.security;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is acting, as our records and the four-eyes rules name them: the Camunda user who completed
 * the task or called the API (Tasklist, REST), else the engine itself ("system").
 */
public final class Actors {
  public static final String SYSTEM = "system";

  private Actors() {}

  /** The authenticated user, or "system" for a step the engine runs on its own (a timer, a job). */
  public static String current(DelegateExecution execution) {
    Authentication authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null
        ? SYSTEM
        : authentication.getUserId();
  }

  /**
   * The user completing a task: the authenticated one, else its assignee (null when neither is
   * known).
   */
  public static String completing(DelegateTask task) {
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null
        ? authentication.getUserId()
        : task.getAssignee();
  }
}

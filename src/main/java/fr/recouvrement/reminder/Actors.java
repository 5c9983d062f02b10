package fr.recouvrement.reminder;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting: the user who completed the task or made the call, else the engine itself. */
final class Actors {
  private Actors() {}

  static String current(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? "system" : authentication.getUserId();
  }
}

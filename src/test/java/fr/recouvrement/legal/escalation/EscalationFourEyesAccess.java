package fr.recouvrement.legal.escalation;

import org.camunda.bpm.engine.delegate.TaskListener;

/** Lets the Spring-free process tests register the real four-eyes listener. */
public final class EscalationFourEyesAccess {
  public TaskListener listener() {
    return new EscalationFourEyes();
  }
}

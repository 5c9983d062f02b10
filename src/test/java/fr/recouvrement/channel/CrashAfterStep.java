package fr.recouvrement.channel;

import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Fails the job's transaction right after the step ran, once when armed: what a crash or an
 * optimistic-locking conflict after the send looks like to the engine (the job rolls back and runs
 * again).
 */
public class CrashAfterStep implements ExecutionListener {
  static final AtomicBoolean ARMED = new AtomicBoolean();

  @Override
  public void notify(DelegateExecution execution) {
    if (ARMED.compareAndSet(true, false)) {
      throw new IllegalStateException("simulated crash after the step");
    }
  }
}

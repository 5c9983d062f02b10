package fr.recouvrement.kernel.process;

import fr.recouvrement.kernel.hash.Sha256;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The idempotency key of a step that touches the outside world or writes a row once: {@code
 * caseReference/processInstanceId/activityId[/part...]}. A retried job of the same step builds the
 * same key; the next step, or the same activity reached again when a part says so (a reminder step
 * number, a notice attempt, a mission count), builds another.
 *
 * <p>Keys are stored in columns of 200 characters ({@code communication.idempotency_key}, {@code
 * document.idempotency_key}, {@code bailiff_mission.client_reference}...): a longer key keeps a
 * readable prefix and the SHA-256 of the whole.
 */
public final class StepKey {
  public static final int MAX_LENGTH = 200;

  private StepKey() {}

  /** The key of the current step of {@code execution}, for the case {@code caseReference}. */
  public static String of(DelegateExecution execution, String caseReference, Object... parts) {
    StringBuilder key =
        new StringBuilder(caseReference)
            .append('/')
            .append(execution.getProcessInstanceId())
            .append('/')
            .append(execution.getCurrentActivityId());
    for (Object part : parts) {
      key.append('/').append(part);
    }
    return bounded(key.toString());
  }

  /** The key of the current step, for the case in the variable {@code caseReference}. */
  public static String of(DelegateExecution execution, Object... parts) {
    return of(execution, StepVariables.of(execution).caseReference(), parts);
  }

  /**
   * At most {@link #MAX_LENGTH} characters: a readable prefix and the hash of the whole when
   * longer.
   */
  public static String bounded(String key) {
    if (key.length() <= MAX_LENGTH) {
      return key;
    }
    return key.substring(0, MAX_LENGTH - 65) + "#" + Sha256.hex(key);
  }
}

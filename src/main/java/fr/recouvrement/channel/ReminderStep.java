package fr.recouvrement.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The process variables a channel step reads (the contract with the BPMN models), and the step's
 * idempotency key: {@code caseReference/processInstanceId/activityId/reminderStep}. A retried job
 * of the same step has the same key; the next step of the cadence has another.
 *
 * @param caseReference {@code caseReference} (String), required
 * @param reminderStep {@code reminderStep} (Integer, the step number in the cadence), required
 * @param template {@code template} (String), required: the file name under templates/email, sms
 *     or letter
 * @param tone {@code tone}: {@code courtois}, {@code ferme} or {@code dernier-avis}; optional
 */
record ReminderStep(String caseReference, int reminderStep, String template, String tone, String idempotencyKey) {
  static final Set<String> TONES = Set.of("courtois", "ferme", "dernier-avis");
  private static final int MAX_KEY = 200; // communication.idempotency_key, document.idempotency_key

  static ReminderStep of(DelegateExecution execution) {
    String reference = required(execution, "caseReference", String.class);
    int step = required(execution, "reminderStep", Number.class).intValue();
    String template = required(execution, "template", String.class);
    Object tone = execution.getVariable("tone");
    if (tone != null && !TONES.contains(tone.toString())) {
      throw new IllegalArgumentException(
          "Process variable 'tone' is '%s'; expected one of %s".formatted(tone, TONES));
    }
    if (!template.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("Process variable 'template' is not a template name: '" + template + "'");
    }
    String key =
        reference + "/" + execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId() + "/" + step;
    return new ReminderStep(reference, step, template, tone == null ? null : tone.toString(), bounded(key));
  }

  static <T> T required(DelegateExecution execution, String name, Class<T> type) {
    Object value = execution.getVariable(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "Process variable '%s' is missing at activity %s".formatted(name, execution.getCurrentActivityId()));
    }
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "Process variable '%s' is a %s, expected %s".formatted(name, value.getClass().getSimpleName(), type.getSimpleName()));
    }
    return type.cast(value);
  }

  /** Long activity ids could overflow the column: keep a readable prefix and a hash of the whole. */
  static String bounded(String key) {
    if (key.length() <= MAX_KEY) {
      return key;
    }
    return key.substring(0, MAX_KEY - 65) + "#" + sha256(key.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package fr.recouvrement.channel;

import fr.recouvrement.kernel.process.ProcessVariableException;
import fr.recouvrement.kernel.process.StepKey;
import fr.recouvrement.kernel.process.StepVariables;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The process variables a channel step reads (the contract with the BPMN models), and the step's
 * idempotency key: {@code caseReference/processInstanceId/activityId/reminderStep}. A retried job
 * of the same step has the same key; the next step of the cadence has another.
 *
 * @param caseReference {@code caseReference} (String), required
 * @param reminderStep {@code reminderStep} (Integer, the step number in the cadence), required
 * @param template {@code template} (String), required: the file name under templates/email, sms or
 *     letter
 * @param tone {@code tone}: {@code courtois}, {@code ferme} or {@code dernier-avis}; optional
 */
record ReminderStep(
    String caseReference, int reminderStep, String template, String tone, String idempotencyKey) {
  static final Set<String> TONES = Set.of("courtois", "ferme", "dernier-avis");

  static ReminderStep of(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    String reference = variables.typed("caseReference", String.class);
    int step = variables.typed("reminderStep", Number.class).intValue();
    String template = variables.typed("template", String.class);
    String tone = variables.optionalText("tone").orElse(null);
    if (tone != null && !TONES.contains(tone)) {
      throw new ProcessVariableException(
          "tone",
          execution.getCurrentActivityId(),
          "is '%s'; expected one of %s".formatted(tone, TONES));
    }
    if (!template.matches("[a-z0-9][a-z0-9-]*")) {
      throw new ProcessVariableException(
          "template",
          execution.getCurrentActivityId(),
          "is not a template name: '" + template + "'");
    }
    return new ReminderStep(
        reference, step, template, tone, StepKey.of(execution, reference, step));
  }
}

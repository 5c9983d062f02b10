package fr.recouvrement.legal.bailiff;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What a commissaire de justice is asked to do, and the outcomes a report of that mission may carry
 * (the values of {@code bailiffOutcome}).
 */
public enum MissionType {
  /** Procédure simplifiée de recouvrement des petites créances: silence counts as a refusal. */
  SMALL_CLAIMS(false, "AGREED", "AGREED_WITH_PLAN", "REFUSED"),
  /** Signification (an order to pay, a judgment). */
  SERVICE(false, "SERVED", "NOT_SERVED"),
  BANK_SEIZURE(true, "PAID", "PARTIALLY_PAID", "FAILED"),
  WAGE_SEIZURE(true, "PAID", "PARTIALLY_PAID", "FAILED"),
  GOODS_SEIZURE(true, "PAID", "PARTIALLY_PAID", "FAILED");

  private final boolean seizure;
  private final List<String> outcomes;

  MissionType(boolean seizure, String... outcomes) {
    this.seizure = seizure;
    this.outcomes = List.of(outcomes);
  }

  /** An enforcement measure (C. civ. 2244: it interrupts prescription). */
  public boolean seizure() {
    return seizure;
  }

  public List<String> outcomes() {
    return outcomes;
  }

  public boolean accepts(String outcome) {
    return outcomes.contains(outcome);
  }

  /** Every outcome of every mission type: the final statuses a callback may carry. */
  static Set<String> allOutcomes() {
    return Set.copyOf(Arrays.stream(values()).flatMap(t -> t.outcomes.stream()).toList());
  }

  static MissionType parse(String value) {
    try {
      return valueOf(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "missionType is '%s'; expected one of %s".formatted(value, Arrays.toString(values())));
    }
  }

  /**
   * The idempotency key of a mission request: {@code
   * caseReference/processInstanceId/activityId/type/n}, where n counts how many times this activity
   * already completed in this instance (a model that loops back asks for a new mission; a retried
   * job, whose failed attempts left no history, finds the same key).
   */
  static String stepKey(
      org.camunda.bpm.engine.delegate.DelegateExecution execution,
      String caseReference,
      MissionType type) {
    long done =
        execution
            .getProcessEngineServices()
            .getHistoryService()
            .createHistoricActivityInstanceQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .activityId(execution.getCurrentActivityId())
            .finished()
            .count();
    return fr.recouvrement.kernel.process.StepKey.of(
        execution, caseReference, type.name(), done + 1);
  }
}

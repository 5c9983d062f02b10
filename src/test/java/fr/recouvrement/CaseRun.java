package fr.recouvrement;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Moves every process of one case (found by business key, so called processes too) the way the job
 * executor would: what is due runs now, and time jumps to the next timer when nothing else can
 * happen. The caller resets the clock afterwards (ClockUtil.reset()).
 */
public final class CaseRun {
  private final ProcessEngine engine;
  private final String reference;

  public CaseRun(ProcessEngine engine, String reference) {
    this.engine = engine;
    this.reference = reference;
  }

  /** Runs what the job executor would run now. */
  public CaseRun runDue() {
    for (int i = 0; i < 100; i++) {
      Date now = ClockUtil.getCurrentTime();
      Job due =
          jobs().stream()
              .filter(j -> j.getDuedate() == null || !j.getDuedate().after(now))
              .findFirst()
              .orElse(null);
      if (due == null) {
        return this;
      }
      engine.getManagementService().executeJob(due.getId());
    }
    throw new AssertionError("jobs of " + reference + " keep coming");
  }

  /** Moves the clock to the next timer and runs what is due then. */
  public CaseRun advance() {
    Date next =
        jobs().stream()
            .map(Job::getDuedate)
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder())
            .orElseThrow(
                () ->
                    new AssertionError(
                        "No timer left for "
                            + reference
                            + "; open tasks: "
                            + openTasks().stream().map(Task::getName).toList()
                            + "; steps so far: "
                            + stepsSoFar()));
    if (next.after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(next);
    }
    return runDue();
  }

  /** When the next timer of the case is due, or null when none waits. */
  public Date nextTimer() {
    return jobs().stream()
        .map(Job::getDuedate)
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }

  /** The first user task the case opens, letting time pass until one does. */
  public Task firstTask() {
    runDue();
    for (int i = 0; i < 60; i++) {
      List<Task> open = openTasks();
      if (!open.isEmpty()) {
        return open.get(0);
      }
      advance();
    }
    throw new AssertionError("No task for " + reference);
  }

  /**
   * Works the amicable tasks the way a collector without news would (no answer to calls, every
   * reminder approved), until a task of that name opens.
   */
  public Task amicableUntil(String name) {
    runDue();
    for (int i = 0; i < 60; i++) {
      List<Task> open = openTasks();
      for (Task t : open) {
        if (t.getName().equals(name)) {
          return t;
        }
      }
      if (!open.isEmpty()) {
        Task t = open.get(0);
        switch (t.getTaskDefinitionKey()) {
          case "Task_CallDebtor" -> complete(t, "carla", Map.of("callOutcome", "NO_ANSWER"));
          case "Task_ApproveReminder" -> complete(t, "carla", Map.of("reminderApproved", true));
          default ->
              throw new AssertionError(
                  "Unexpected task " + t.getName() + " (" + t.getTaskDefinitionKey() + ")");
        }
        continue;
      }
      advance();
    }
    throw new AssertionError("No task '" + name + "' for " + reference);
  }

  /** Completes a task as a collector (authorizations apply), then runs what is due. */
  public CaseRun complete(Task task, String collector, Map<String, Object> variables) {
    engine.getIdentityService().setAuthentication(collector, List.of("collectors"));
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    return runDue();
  }

  public List<Task> openTasks() {
    Set<String> ids = instances();
    return ids.isEmpty()
        ? List.of()
        : engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceIdIn(ids.toArray(String[]::new))
            .list();
  }

  /**
   * The case process and every process it called (they share the case reference as business key).
   */
  public Set<String> instances() {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(reference)
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .collect(Collectors.toSet());
  }

  public List<Job> jobs() {
    Set<String> ids = instances();
    return ids.isEmpty()
        ? List.of()
        : engine.getManagementService().createJobQuery().processInstanceIds(ids).active().list();
  }

  /** The activities the case's processes went through, in order: what a failing scenario shows. */
  private List<String> stepsSoFar() {
    return instances().stream()
        .flatMap(
            id ->
                engine
                    .getHistoryService()
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(id)
                    .list()
                    .stream())
        .filter(a -> a.getActivityName() != null)
        .sorted(
            java.util.Comparator.comparing(
                org.camunda.bpm.engine.history.HistoricActivityInstance::getStartTime))
        .map(a -> a.getActivityName())
        .toList();
  }
}

package fr.recouvrement;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Moves a case's processes (the root and the processes it called) the way the job executor would,
 * one explicit step at a time: asynchronous continuations run at once, timers only when the test
 * says time has come.
 */
public final class ProcessDriver {
  private final ProcessEngine engine;
  private final String rootId;

  public ProcessDriver(ProcessEngine engine, String rootId) {
    this.engine = engine;
    this.rootId = rootId;
  }

  /**
   * Runs every due asynchronous continuation until the processes wait for a timer, a task or a
   * message.
   */
  public ProcessDriver settle() {
    for (int i = 0; i < 500; i++) {
      Job job = jobs().stream().filter(j -> !isAnyTimer(j)).findFirst().orElse(null);
      if (job == null) {
        return this;
      }
      engine.getManagementService().executeJob(job.getId());
    }
    throw new AssertionError(
        "The processes of " + rootId + " do not settle: a loop of asynchronous steps?");
  }

  /** Fires the one waiting timer, then settles. */
  public ProcessDriver fireTimer() {
    List<Job> timers = jobs().stream().filter(this::isTimer).toList();
    if (timers.size() != 1) {
      throw new AssertionError("Expected exactly one waiting timer, found " + timers.size());
    }
    engine.getManagementService().executeJob(timers.get(0).getId());
    return settle();
  }

  /**
   * Lets time pass the way the job executor would see it: moves {@link
   * org.camunda.bpm.engine.impl.util.ClockUtil} to the earliest waiting timer, runs what is due
   * then, and again, until a task of that name is open. The caller resets the clock
   * (ClockUtil.reset()).
   */
  public Task advanceUntilTask(String name) {
    for (int i = 0; i < 50; i++) {
      settle();
      List<Task> open =
          engine
              .getTaskService()
              .createTaskQuery()
              .processInstanceIdIn(tree().toArray(String[]::new))
              .taskName(name)
              .list();
      if (!open.isEmpty()) {
        return open.get(0);
      }
      java.util.Date next =
          jobs().stream()
              .filter(this::isTimer)
              .map(Job::getDuedate)
              .filter(java.util.Objects::nonNull)
              .min(java.util.Comparator.naturalOrder())
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "No timer left and no task '"
                              + name
                              + "' in the processes of "
                              + rootId));
      if (next.after(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime())) {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(next);
      }
      for (Job timer : jobs()) {
        if (isTimer(timer) && !timer.getDuedate().after(next)) {
          engine.getManagementService().executeJob(timer.getId());
        }
      }
    }
    throw new AssertionError(
        "No task '" + name + "' after 50 timers in the processes of " + rootId);
  }

  public boolean hasTimer() {
    return jobs().stream().anyMatch(this::isTimer);
  }

  /** The one open user task of the case's processes. */
  public Task task() {
    List<Task> tasks =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceIdIn(tree().toArray(String[]::new))
            .list();
    if (tasks.size() != 1) {
      throw new AssertionError(
          "Expected exactly one open task, found " + tasks.stream().map(Task::getName).toList());
    }
    return tasks.get(0);
  }

  public ProcessDriver complete(Task task, java.util.Map<String, Object> variables) {
    engine.getTaskService().complete(task.getId(), variables);
    return settle();
  }

  public List<String> tree() {
    List<String> ids = new ArrayList<>();
    collect(rootId, ids);
    return ids;
  }

  private void collect(String id, List<String> ids) {
    ids.add(id);
    for (ProcessInstance child :
        engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(id).list()) {
      collect(child.getId(), ids);
    }
  }

  private List<Job> jobs() {
    List<Job> jobs = new ArrayList<>();
    for (String id : tree()) {
      jobs.addAll(
          engine.getManagementService().createJobQuery().processInstanceId(id).active().list());
    }
    return jobs;
  }

  /**
   * A timer of the step at hand. The case's prescription timers (event sub-processes that wait for
   * years) are left out: a test fires them by name with {@link #fireTimer(String)}.
   */
  private boolean isTimer(Job job) {
    return isAnyTimer(job) && !BACKGROUND_TIMERS.contains(activityOf(job));
  }

  private static final java.util.Set<String> BACKGROUND_TIMERS =
      java.util.Set.of("Timer_PrescriptionWarning", "Timer_Prescribed");

  private static boolean isAnyTimer(Job job) {
    return "timer"
        .equals(((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).getType());
  }

  private String activityOf(Job job) {
    var definition =
        engine
            .getManagementService()
            .createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId())
            .singleResult();
    return definition == null ? null : definition.getActivityId();
  }

  /** Fires the waiting timer of that activity (a prescription timer, say), then settles. */
  public ProcessDriver fireTimer(String activityId) {
    Job timer =
        jobs().stream()
            .filter(j -> isAnyTimer(j) && activityId.equals(activityOf(j)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No waiting timer at " + activityId));
    engine.getManagementService().executeJob(timer.getId());
    return settle();
  }

  /** When the timer of that activity is due, if it waits. */
  public java.util.Optional<java.util.Date> timerDue(String activityId) {
    return jobs().stream()
        .filter(j -> isAnyTimer(j) && activityId.equals(activityOf(j)))
        .map(Job::getDuedate)
        .findFirst();
  }
}

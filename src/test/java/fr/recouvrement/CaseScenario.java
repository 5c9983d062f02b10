package fr.recouvrement;

import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the scenario tests share: one case ({@link #reference}) whose jobs run as the job executor
 * would run them, the clock moved from one timer to the next (Camunda's ClockUtil, Paris time).
 */
abstract class CaseScenario {
  @Autowired protected RuntimeService runtime;
  @Autowired protected ManagementService management;
  @Autowired protected TaskService tasks;
  protected String reference;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  protected static ZonedDateTime paris(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(CaseClock.PARIS);
  }

  protected static void at(String dateTime) {
    ClockUtil.setCurrentTime(Date.from(paris(dateTime).toInstant()));
  }

  @Autowired protected ProcessEngine engine;

  /** This case's processes, moved the way the job executor would move them. */
  protected CaseRun run() {
    return new CaseRun(engine, reference);
  }

  protected Set<String> instances() {
    return run().instances();
  }

  protected List<Job> jobs() {
    return run().jobs();
  }

  protected List<Task> openTasks() {
    return run().openTasks();
  }

  /** Runs what the job executor would run now. */
  protected void runDue() {
    run().runDue();
  }

  /** When the next timer of the case is due (Paris time), or null when none waits. */
  protected ZonedDateTime nextTimer() {
    Date next = run().nextTimer();
    return next == null ? null : next.toInstant().atZone(CaseClock.PARIS);
  }

  /** Moves the clock to the next timer and runs what is due then. */
  protected void advance() {
    run().advance();
  }

  /** The case's one open task (the scenario knows there is exactly one). */
  protected Task only() {
    List<Task> open = openTasks();
    org.assertj.core.api.Assertions.assertThat(open).as("open tasks of " + reference).hasSize(1);
    return open.get(0);
  }

  /**
   * Completes a task as that person, with the groups the scenarios give them (carla a collector,
   * sam a supervisor, sophie both: the groups' grants apply, authorization is on), then runs what
   * is due.
   */
  protected void complete(Task task, String user, java.util.Map<String, Object> variables) {
    List<String> groups =
        switch (user) {
          case "sam" -> List.of("supervisors");
          case "sophie" -> List.of("supervisors", "collectors");
          default -> List.of("collectors");
        };
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    runDue();
  }
}

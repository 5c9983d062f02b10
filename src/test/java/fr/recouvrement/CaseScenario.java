package fr.recouvrement;

import fr.recouvrement.cases.CaseClock;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

  /** The case process and every process it called (they share the case reference as business key). */
  protected Set<String> instances() {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
        .map(ProcessInstance::getId).collect(Collectors.toCollection(HashSet::new));
  }

  protected List<Job> jobs() {
    Set<String> ids = instances();
    return ids.isEmpty() ? List.of() : management.createJobQuery().processInstanceIds(ids).active().list();
  }

  protected List<Task> openTasks() {
    Set<String> ids = instances();
    return ids.isEmpty() ? List.of() : tasks.createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new)).list();
  }

  /** Runs what the job executor would run now. */
  protected void runDue() {
    for (int i = 0; i < 100; i++) {
      Date now = ClockUtil.getCurrentTime();
      Job due = jobs().stream().filter(j -> j.getDuedate() == null || !j.getDuedate().after(now)).findFirst().orElse(null);
      if (due == null) {
        return;
      }
      management.executeJob(due.getId());
    }
    throw new AssertionError("jobs of " + reference + " keep coming");
  }

  /** When the next timer of the case is due, or null when none waits. */
  protected ZonedDateTime nextTimer() {
    return jobs().stream().map(Job::getDuedate).filter(d -> d != null).min(Comparator.naturalOrder())
        .map(d -> d.toInstant().atZone(CaseClock.PARIS)).orElse(null);
  }

  /** Moves the clock to the next timer and runs what is due then. */
  protected void advance() {
    ZonedDateTime next = nextTimer();
    if (next == null) {
      throw new AssertionError("No timer left for " + reference + "; open tasks: " + openTasks().stream().map(Task::getName).toList());
    }
    if (next.toInstant().isAfter(ClockUtil.getCurrentTime().toInstant())) {
      ClockUtil.setCurrentTime(Date.from(next.toInstant()));
    }
    runDue();
  }
}

package fr.recouvrement.money;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.IntegrationTest;
import fr.recouvrement.TaskChecks;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/rates-watch.bpmn: every morning, one « Mettre à jour les taux » task for the analysts
 * from 15 days before a half-year the interest-rates table has no row for (2026-H2 as shipped).
 */
@IntegrationTest
class RatesWatchProcessTest {
  @Autowired ProcessEngine engine;
  @Autowired InterestRates interestRates;

  @AfterEach
  void tidy() {
    openTasks()
        .forEach(t -> engine.getTaskService().complete(t.getId(), Map.of("ratesSources", "test")));
    ClockUtil.reset();
  }

  @Test
  void theTaskOpensFifteenDaysBeforeAHalfYearWithoutARowAndOnlyOnce() {
    // 15 June + 15 days = 30 June: still 2026-H1, which has its row
    HistoricProcessInstance june15 = runOn("2026-06-15");
    assertThat(missingHalfYears(june15)).doesNotContain("2026-H2");

    // 16 June + 15 days = 1 July: 2026-H2 has no row → one task for the analysts
    HistoricProcessInstance june16 = runOn("2026-06-16");
    assertThat(missingHalfYears(june16)).contains("2026-H2");
    List<Task> tasks = openTasks();
    assertThat(tasks).hasSize(1);
    Task task = tasks.get(0);
    assertThat(task.getName()).isEqualTo("Mettre à jour les taux");
    assertThat(TaskChecks.candidateGroups(engine, task)).containsExactly("analysts");
    assertThat(TaskChecks.form(engine, task)).isEqualTo("mettre-a-jour-les-taux");
    assertThat(engine.getTaskService().getVariable(task.getId(), "missingHalfYears").toString())
        .contains("2026-H2");

    // the next mornings: still missing, but the task is open: no second one
    HistoricProcessInstance june17 = runOn("2026-06-17");
    assertThat(missingHalfYears(june17)).contains("2026-H2");
    assertThat(june17.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(openTasks()).extracting(Task::getId).containsExactly(task.getId());

    // done by the analyst but still not deployed: the next morning asks again
    engine
        .getTaskService()
        .complete(task.getId(), Map.of("ratesSources", "arrêté non encore publié"));
    runOn("2026-06-18");
    assertThat(openTasks()).hasSize(1).extracting(Task::getId).doesNotContain(task.getId());
  }

  @Test
  void theTableAsShippedLacksOnly2020H2And2026H2BetweenItsFirstRowAndNextJanuary() {
    assertThat(interestRates.missing(HalfYear.parse("2020-H1"), HalfYear.parse("2026-H2")))
        .extracting(HalfYear::toString)
        .containsExactly("2020-H2", "2026-H2");
    assertThat(interestRates.missing(HalfYear.parse("2021-H1"), HalfYear.parse("2026-H1")))
        .isEmpty();
  }

  /** Runs the morning check as the job executor would on that day at 7:00. */
  private HistoricProcessInstance runOn(String day) {
    ClockUtil.setCurrentTime(
        Date.from(LocalDate.parse(day).atTime(7, 0).atZone(CaseClock.PARIS).toInstant()));
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey(CheckRates.PROCESS_KEY)
            .timers()
            .singleResult();
    assertThat(timer).as("the morning timer of rates-watch").isNotNull();
    List<String> before = instanceIds();
    engine.getManagementService().executeJob(timer.getId());
    List<HistoricProcessInstance> started =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(CheckRates.PROCESS_KEY)
            .list()
            .stream()
            .filter(p -> !before.contains(p.getId()))
            .toList();
    assertThat(started).hasSize(1);
    return started.get(0);
  }

  private List<String> instanceIds() {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(CheckRates.PROCESS_KEY)
        .list()
        .stream()
        .map(HistoricProcessInstance::getId)
        .toList();
  }

  private String missingHalfYears(HistoricProcessInstance instance) {
    Object value =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableName("missingHalfYears")
            .singleResult()
            .getValue();
    return value.toString();
  }

  private List<Task> openTasks() {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processDefinitionKey(CheckRates.PROCESS_KEY)
        .taskDefinitionKey(CheckRates.UPDATE_TASK)
        .list();
  }
}

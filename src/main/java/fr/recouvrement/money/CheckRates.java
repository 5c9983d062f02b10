package fr.recouvrement.money;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Vérifier les taux des semestres utiles" (rates-watch): the half-years the open cases need (from
 * the oldest unpaid due date) and the one starting within {@code leadDays}, without a row of their
 * own in {@code interest-rates}. Sets {@code missingHalfYears} ("2020-H2, 2026-H2") and {@code
 * updateTaskToOpen}: some are missing and no « Mettre à jour les taux » task is open yet — one task
 * for the whole portfolio, never one per case or per day.
 */
@Component("checkRates")
class CheckRates implements JavaDelegate {
  static final String PROCESS_KEY = "rates-watch";
  static final String UPDATE_TASK = "Task_UpdateRates";

  private final InterestRates interestRates;
  private final OpenDebts cases;
  private final TaskService taskService;

  CheckRates(InterestRates interestRates, OpenDebts cases, TaskService taskService) {
    this.interestRates = interestRates;
    this.cases = cases;
    this.taskService = taskService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // leadDays: the model's input, days before a half-year to ask for its rates
    int lead = StepVariables.of(execution).integer("leadDays");
    LocalDate today = CaseClock.today();
    HalfYear last = HalfYear.of(today.plusDays(lead));
    LocalDate oldestDue = cases.oldestUnpaidDueDate().orElse(null);
    HalfYear first =
        oldestDue == null || !oldestDue.isBefore(today)
            ? HalfYear.of(today)
            : HalfYear.of(oldestDue);
    List<HalfYear> missing = interestRates.missing(first, last);
    String list = missing.stream().map(HalfYear::toString).collect(Collectors.joining(", "));
    List<org.camunda.bpm.engine.task.Task> openTasks =
        taskService
            .createTaskQuery()
            .processDefinitionKey(PROCESS_KEY)
            .taskDefinitionKey(UPDATE_TASK)
            .list();
    // the task already open shows this morning's list: a half-year that came within reach since is
    // added to it
    for (org.camunda.bpm.engine.task.Task task : openTasks) {
      if (!list.isEmpty()) {
        taskService.setVariable(task.getId(), "missingHalfYears", list);
      }
    }
    execution.setVariable("missingHalfYears", list);
    execution.setVariable("updateTaskToOpen", !missing.isEmpty() && openTasks.isEmpty());
  }
}

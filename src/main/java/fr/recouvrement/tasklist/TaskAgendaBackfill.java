package fr.recouvrement.tasklist;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The open tasks created before the agenda existed (an upgrade) get what {@link TaskAgenda} gives a
 * new one, once, at start: without the approval mark the lists would not show them. A task that has
 * the mark is left as it is; a start with nothing to do costs two queries of task ids.
 */
@Component
class TaskAgendaBackfill {
  private static final Logger log = LoggerFactory.getLogger(TaskAgendaBackfill.class);
  private static final int PAGE = 500;

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final TaskAgenda agenda;

  TaskAgendaBackfill(
      TaskService tasks, RuntimeService runtime, RepositoryService repository, TaskAgenda agenda) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.agenda = agenda;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    int done = backfill();
    if (done > 0) {
      log.info("Agenda prepared for {} open tasks created before it existed", done);
    }
  }

  /** Prepares the open process tasks that have no agenda yet; returns how many. */
  int backfill() {
    Set<String> marked = new HashSet<>();
    marked.addAll(ids(true));
    marked.addAll(ids(false));
    int done = 0;
    for (int first = 0; ; first += PAGE) {
      List<Task> page =
          tasks.createTaskQuery().active().orderByTaskId().asc().listPage(first, PAGE);
      for (Task task : page) {
        if (task.getProcessDefinitionId() == null || marked.contains(task.getId())) {
          continue;
        }
        if (repository
                    .getBpmnModelInstance(task.getProcessDefinitionId())
                    .getModelElementById(task.getTaskDefinitionKey())
                instanceof UserTask element
            && TaskAgendaPlugin.forWorkers(element.getCamundaCandidateGroups())) {
          prepare(task, element);
          done++;
        }
      }
      if (page.size() < PAGE) {
        return done;
      }
    }
  }

  private void prepare(Task task, UserTask element) {
    tasks.setVariableLocal(task.getId(), TaskAgenda.APPROVAL, TaskAgenda.isApproval(element));
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .singleResult();
    String reference = instance == null ? null : instance.getBusinessKey();
    agenda
        .describe(reference)
        .ifPresent(
            card -> {
              tasks.setVariablesLocal(task.getId(), card);
              tasks.setPriority(task.getId(), (Integer) card.get(TaskAgenda.PRIORITY));
            });
  }

  private List<String> ids(boolean approval) {
    return tasks
        .createTaskQuery()
        .active()
        .taskVariableValueEquals(TaskAgenda.APPROVAL, approval)
        .list()
        .stream()
        .map(Task::getId)
        .toList();
  }
}

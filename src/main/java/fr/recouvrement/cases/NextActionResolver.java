package fr.recouvrement.cases;

import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.springframework.stereotype.Component;

/**
 * Reads the case's next action off the running processes, so that the API follows the model an
 * analyst deployed: the earliest open task, else the earliest timer, else what the case waits for.
 */
@Component
class NextActionResolver {
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;

  NextActionResolver(
      RuntimeService runtimeService,
      TaskService taskService,
      ManagementService managementService,
      RepositoryService repositoryService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
  }

  /**
   * The case's active process instances: the case process and the processes it called, which carry
   * its reference as business key.
   */
  private static final String ACTIVE_INSTANCES =
      "select %s from %s E where E.BUSINESS_KEY_ = #{reference} and E.ID_ = E.PROC_INST_ID_"
          + " and E.SUSPENSION_STATE_ = 1";

  /** What the next action says while a case's process waits to run its first steps. */
  static final String SEGMENTATION_PENDING = "Segmentation en cours";

  /** ... and when that first step failed until its retries ran out (an incident in Cockpit). */
  static final String SEGMENTATION_FAILED =
      "Ouverture bloquée : incident à traiter dans Cockpit (segmentation)";

  /**
   * The next action; when the case has no segment yet ({@code notSegmented}), a process that waits
   * at its start for the job executor (a case opened by an import or with {@code Prefer:
   * respond-async}) answers {@link #SEGMENTATION_PENDING} rather than its far prescription timer.
   */
  Optional<CaseView.NextAction> resolve(String reference, boolean notSegmented) {
    // native queries: the engine's task and process instance queries build their SQL from a large
    // dynamic mapping on every call, which cost more than the reads themselves (a fifth of
    // answering POST /api/cases in the benchmark's profile, issue 14)
    String executions = managementService.getTableName(ExecutionEntity.class);
    List<ProcessInstance> instances =
        runtimeService
            .createNativeProcessInstanceQuery()
            .sql(ACTIVE_INSTANCES.formatted("E.*", executions))
            .parameter("reference", reference)
            .list();
    if (instances.isEmpty()) {
      return Optional.empty();
    }
    String[] ids = instances.stream().map(ProcessInstance::getId).toArray(String[]::new);
    if (notSegmented) {
      Optional<Job> atStart = waitingAtStart(ids);
      if (atStart.isPresent()) {
        return Optional.of(
            new CaseView.NextAction(
                atStart.get().getRetries() == 0 ? SEGMENTATION_FAILED : SEGMENTATION_PENDING,
                null));
      }
    }

    Optional<CaseView.NextAction> task =
        taskService
            .createNativeTaskQuery()
            .sql(
                "select T.* from "
                    + managementService.getTableName(TaskEntity.class)
                    + " T where T.PROC_INST_ID_ in ("
                    + ACTIVE_INSTANCES.formatted("E.ID_", executions)
                    + ")")
            .parameter("reference", reference)
            .list()
            .stream()
            .min(
                Comparator.comparing(
                        Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(Task::getCreateTime))
            .map(
                t ->
                    new CaseView.NextAction(
                        t.getName(),
                        toDate(t.getDueDate() != null ? t.getDueDate() : t.getCreateTime())));
    if (task.isPresent()) {
      return task;
    }

    Set<String> idSet = new HashSet<>(List.of(ids));
    Optional<Job> timer =
        managementService
            .createJobQuery()
            .processInstanceIds(idSet)
            .timers()
            .orderByJobDuedate()
            .asc()
            .listPage(0, 1)
            .stream()
            .findFirst();
    if (timer.isPresent()) {
      Job job = timer.get();
      // a step may say what it will do when its timer fires (e.g. "Envoyer un SMS de relance")
      String label = label(job);
      String what = label != null ? label : activityName(job);
      return Optional.of(new CaseView.NextAction(what, toDate(job.getDuedate())));
    }

    return instances.stream()
        .flatMap(i -> leaves(runtimeService.getActivityInstance(i.getId())))
        .map(a -> new CaseView.NextAction("En attente : " + a.getActivityName(), null))
        .findFirst();
  }

  /**
   * The asynchronous continuation after a start event of its process that one of the instances
   * waits at, if any: its first steps have not run yet (or failed until their retries ran out).
   */
  private Optional<Job> waitingAtStart(String[] ids) {
    for (Job job :
        managementService
            .createJobQuery()
            .processInstanceIds(new HashSet<>(List.of(ids)))
            .messages()
            .list()) {
      JobDefinition definition =
          job.getJobDefinitionId() == null
              ? null
              : managementService
                  .createJobDefinitionQuery()
                  .jobDefinitionId(job.getJobDefinitionId())
                  .singleResult();
      if (definition != null
          && repositoryService
                  .getBpmnModelInstance(job.getProcessDefinitionId())
                  .getModelElementById(definition.getActivityId())
              instanceof StartEvent start
          && start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process) {
        return Optional.of(job);
      }
    }
    return Optional.empty();
  }

  /**
   * The label the waiting step left ({@code nextActionLabel}), read by a query rather than from the
   * job's execution: the job executor may fire the timer and end that execution between the job
   * query above and this read (a reminder wave while someone reads the case), and a missing
   * execution must not turn the case view into a server error. Its own execution's value first,
   * else the process instance's.
   */
  private String label(Job job) {
    if (job.getProcessInstanceId() == null) {
      return null;
    }
    List<VariableInstance> labels =
        runtimeService
            .createVariableInstanceQuery()
            .processInstanceIdIn(job.getProcessInstanceId())
            .variableName("nextActionLabel")
            .list();
    return labels.stream()
        .filter(
            v ->
                v.getValue() != null
                    && (v.getExecutionId().equals(job.getExecutionId())
                        || v.getExecutionId().equals(job.getProcessInstanceId())))
        .min(
            Comparator.comparing(
                (VariableInstance v) -> v.getExecutionId().equals(job.getExecutionId()) ? 0 : 1))
        .map(v -> v.getValue().toString())
        .orElse(null);
  }

  private String activityName(Job job) {
    JobDefinition definition =
        managementService
            .createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId())
            .singleResult();
    if (definition == null) {
      return "Échéance";
    }
    FlowElement element =
        repositoryService
            .getBpmnModelInstance(job.getProcessDefinitionId())
            .getModelElementById(definition.getActivityId());
    return element == null || element.getName() == null
        ? definition.getActivityId()
        : element.getName();
  }

  private static Stream<ActivityInstance> leaves(ActivityInstance instance) {
    if (instance == null) {
      return Stream.empty();
    }
    if (instance.getChildActivityInstances().length == 0) {
      return instance.getActivityName() == null ? Stream.empty() : Stream.of(instance);
    }
    return Stream.of(instance.getChildActivityInstances()).flatMap(NextActionResolver::leaves);
  }

  private static LocalDate toDate(Date date) {
    return date == null ? null : LocalDate.ofInstant(date.toInstant(), CaseClock.PARIS);
  }
}

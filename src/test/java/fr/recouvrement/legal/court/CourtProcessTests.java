package fr.recouvrement.legal.court;

import fr.recouvrement.ProcessDriver;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * What the two court process tests share: French days, variables from history, candidate groups.
 */
final class CourtProcessTests {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private CourtProcessTests() {}

  static Date at(LocalDate day) {
    return Date.from(day.atTime(9, 0).atZone(PARIS).toInstant());
  }

  static Date midnight(LocalDate day) {
    return Date.from(day.atStartOfDay(PARIS).toInstant());
  }

  static LocalDate day(Date date) {
    return LocalDate.ofInstant(date.toInstant(), PARIS);
  }

  static Object variable(ProcessEngine engine, ProcessDriver driver, String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(driver.tree().get(0))
        .variableName(name)
        .singleResult()
        .getValue();
  }

  static List<String> candidateGroups(ProcessEngine engine, Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .toList();
  }

  static List<Job> timers(ProcessEngine engine, ProcessDriver driver) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(driver.tree().get(0))
        .timers()
        .list();
  }

  /**
   * The form references of the process's user tasks with no form of that name deployed beside the
   * model.
   */
  static List<String> missingForms(ProcessEngine engine, String processKey) {
    var definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .latestVersion()
            .singleResult();
    List<String> resources =
        engine.getRepositoryService().getDeploymentResourceNames(definition.getDeploymentId());
    return engine
        .getRepositoryService()
        .getBpmnModelInstance(definition.getId())
        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)
        .stream()
        .map(org.camunda.bpm.model.bpmn.instance.UserTask::getCamundaFormRef)
        .filter(key -> key == null || !resources.contains(key + ".form"))
        .map(String::valueOf)
        .toList();
  }

  static boolean passed(ProcessEngine engine, ProcessDriver driver, String activityId) {
    return engine
            .getHistoryService()
            .createHistoricActivityInstanceQuery()
            .processInstanceId(driver.tree().get(0))
            .activityId(activityId)
            .count()
        > 0;
  }
}

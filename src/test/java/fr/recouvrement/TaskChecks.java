package fr.recouvrement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * What a collector sees of a task in Tasklist: the form it opens and the groups it is offered to.
 */
public final class TaskChecks {
  private TaskChecks() {}

  /** The id of the Camunda Form the task opens, as deployed with the models. */
  public static String form(ProcessEngine engine, Task task) {
    try (InputStream in = engine.getFormService().getDeployedTaskForm(task.getId())) {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> candidateGroups(ProcessEngine engine, Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(Objects::nonNull)
        .toList();
  }
}

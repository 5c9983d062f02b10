package fr.recouvrement.tasklist;

import fr.recouvrement.security.GroupIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Tasklist filters that make a collector's day obvious, created at first start when no filter
 * of that name exists, each readable by the groups it is meant for (FILTER READ per filter; no
 * group holds READ on every filter). Like the groups, a filter belongs to the administrators once
 * created: a later start leaves an edited filter alone.
 *
 * <p>The queries are stored with expressions, evaluated each time Tasklist asks, for whoever asks:
 * {@code ${currentUser()}}, {@code ${currentUserGroups()}}, {@code ${now()}}. « Priorités du jour »
 * sorts by the priority the {@code task-priority} table gave each task (highest first, then the
 * soonest due); the others by due date, soonest first. Every card shows the case, the debtor, the
 * amount at stake in euros, the days overdue and the next legal deadline, prepared in French by
 * {@link TaskAgenda}. A four-eyes approval is listed in « À approuver » only, never in the team's
 * lists as well (a supervisor is also a collector).
 */
@Component
class TasklistFilters extends AbstractProcessEnginePlugin {
  private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

  static final String PRIORITIES = "Priorités du jour";
  static final String MY_TASKS = "Mes tâches";
  static final String TEAM_TASKS = "Tâches de mon équipe";
  static final String TO_APPROVE = "À approuver";
  static final String OVERDUE = "En retard";

  record Definition(
      String name,
      String description,
      int priority,
      String color,
      Function<TaskService, TaskQuery> query,
      List<String> readers,
      boolean byPriority) {
    Definition(
        String name,
        String description,
        int priority,
        String color,
        Function<TaskService, TaskQuery> query,
        List<String> readers) {
      this(name, description, priority, color, query, readers, false);
    }
  }

  private static final List<String> WORKERS = List.of(GroupIds.COLLECTORS, GroupIds.SUPERVISORS);

  static final List<Definition> FILTERS =
      List.of(
          new Definition(
              PRIORITIES,
              "Mes tâches et celles de mon équipe que personne n'a prises, les plus importantes d'abord (table task-priority)",
              -20,
              "#15803d",
              tasks ->
                  tasks
                      .createTaskQuery()
                      .or()
                      .taskAssigneeExpression("${currentUser()}")
                      .taskCandidateGroupInExpression("${currentUserGroups()}")
                      .endOr()
                      .taskVariableValueEquals(TaskAgenda.APPROVAL, false),
              WORKERS,
              true),
          new Definition(
              MY_TASKS,
              "Les tâches qui me sont attribuées",
              -10,
              "#3b8dbd",
              tasks -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
              WORKERS),
          new Definition(
              TEAM_TASKS,
              "Les tâches des groupes dont je fais partie, prises ou non",
              0,
              "#555555",
              tasks ->
                  tasks
                      .createTaskQuery()
                      .taskCandidateGroupInExpression("${currentUserGroups()}")
                      .includeAssignedTasks()
                      // approvals are listed in « À approuver »
                      .taskVariableValueEquals(TaskAgenda.APPROVAL, false),
              WORKERS),
          new Definition(
              TO_APPROVE,
              "Les validations à quatre yeux des superviseurs",
              10,
              "#d97706",
              tasks ->
                  tasks
                      .createTaskQuery()
                      .taskCandidateGroup(GroupIds.SUPERVISORS)
                      .includeAssignedTasks()
                      .taskVariableValueEquals(TaskAgenda.APPROVAL, true),
              List.of(GroupIds.SUPERVISORS)),
          new Definition(
              OVERDUE,
              "Les tâches dont l'échéance est passée",
              20,
              "#b91c1c",
              tasks -> tasks.createTaskQuery().dueBeforeExpression("${now()}"),
              // analysts watch the process, and overdue work is where it hurts
              List.of(GroupIds.COLLECTORS, GroupIds.SUPERVISORS, GroupIds.ANALYSTS)));

  /** The process variables Tasklist shows on each task card, so no other screen is needed. */
  static final Map<String, String> VARIABLES =
      linked(
          TaskAgenda.DEBTOR,
          "Débiteur",
          TaskAgenda.AMOUNT,
          "Montant en jeu",
          TaskAgenda.DAYS_OVERDUE,
          "Jours de retard",
          TaskAgenda.NEXT_DEADLINE,
          "Échéance légale",
          "caseReference",
          "Dossier");

  private final TransactionTemplate tx;

  TasklistFilters(TransactionTemplate tx) {
    this.tx = tx;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ensureFilters(engine);
  }

  /**
   * Creates the missing filters with their authorizations; returns the names of those it created.
   */
  List<String> ensureFilters(ProcessEngine engine) {
    List<String> created = new ArrayList<>();
    for (Definition definition : FILTERS) {
      // a filter and its grants in one transaction: never a filter nobody may see
      if (Boolean.TRUE.equals(tx.execute(status -> createIfAbsent(definition, engine)))) {
        created.add(definition.name());
      }
    }
    return created;
  }

  private static boolean createIfAbsent(Definition definition, ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    if (filters.createFilterQuery().filterName(definition.name()).count() > 0) {
      log.debug("Tasklist filter {} exists; left as it is", definition.name());
      return false;
    }
    TaskQuery query = definition.query().apply(engine.getTaskService());
    query =
        definition.byPriority()
            ? query.orderByTaskPriority().desc().orderByDueDate().asc()
            : query.orderByDueDate().asc();
    Filter filter =
        filters
            .newTaskFilter(definition.name())
            .setQuery(query)
            .setProperties(properties(definition));
    filters.saveFilter(filter);
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String group : definition.readers()) {
      Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setGroupId(group);
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
    }
    log.info("Created Tasklist filter {} for {}", definition.name(), definition.readers());
    return true;
  }

  private static Map<String, Object> properties(Definition definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("color", definition.color());
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put(
        "variables",
        VARIABLES.entrySet().stream()
            .map(v -> Map.of("name", v.getKey(), "label", v.getValue()))
            .toList());
    return properties;
  }

  private static Map<String, String> linked(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}

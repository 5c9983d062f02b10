package fr.recouvrement.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.security.GroupIds;
import fr.recouvrement.security.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What each group finds in Tasklist, asked the way Tasklist asks: /engine-rest/filter as that user.
 */
@IntegrationTest
class TasklistFiltersTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired TasklistFilters bootstrap;

  final List<String> created = new ArrayList<>();

  @BeforeEach
  void users() {
    TestUsers.ensureAll(identity);
  }

  @AfterEach
  void removeTasks() {
    created.forEach(id -> tasks.deleteTask(id, true));
  }

  @Test
  void collectorsSeeTheirTasksTheirTeamsAndTheOverdueOnes() {
    assertThat(visibleFilters(TestUsers.COLLECTOR))
        .containsExactlyInAnyOrder(
            "Priorités du jour", "Mes tâches", "Tâches de mon équipe", "En retard");
  }

  @Test
  void supervisorsAlsoSeeWhatTheyMustApprove() {
    assertThat(visibleFilters(TestUsers.SUPERVISOR))
        .containsExactlyInAnyOrder(
            "Priorités du jour", "Mes tâches", "Tâches de mon équipe", "À approuver", "En retard");
  }

  @Test
  void analystsSeeTheOverdueWorkAndOthersNothing() {
    assertThat(visibleFilters(TestUsers.ANALYST)).containsExactlyInAnyOrder("En retard");
    assertThat(visibleFilters(TestUsers.AUDITOR)).isEmpty();
    assertThat(visibleFilters(TestUsers.NO_GROUP)).isEmpty();
  }

  @Test
  void theAgendaSortsByPriorityTheOthersByDueDateAndEveryCardShowsTheCaseInFrench() {
    for (Filter filter : filters.createTaskFilterQuery().list()) {
      assertThat(filter.getProperties())
          .as(filter.getName())
          .containsKeys("description", "priority", "variables");
      // the agenda's variables, formatted when the task is created (TaskAgenda)
      assertThat(filter.getProperties().get("variables").toString())
          .contains(
              "caseReference",
              "agendaDebtor",
              "agendaAmount",
              "agendaDaysOverdue",
              "agendaNextDeadline")
          .doesNotContain("balance");
      JsonNode sorting =
          admin().get("/engine-rest/filter/" + filter.getId()).json().get("query").get("sorting");
      if (filter.getName().equals(TasklistFilters.PRIORITIES)) {
        assertThat(sorting.get(0).get("sortBy").asText()).isEqualTo("priority");
        assertThat(sorting.get(0).get("sortOrder").asText()).isEqualTo("desc");
        assertThat(sorting.get(1).get("sortBy").asText()).isEqualTo("dueDate");
      } else {
        assertThat(sorting.get(0).get("sortBy").asText()).as(filter.getName()).isEqualTo("dueDate");
      }
    }
  }

  @Test
  void anApprovalIsListedInToApproveAndInNoneOfTheTeamsLists() {
    String approval =
        candidateTask("Valider l'escalade (test des filtres)", GroupIds.SUPERVISORS, true);
    String work =
        candidateTask("Instruire la contestation (test des filtres)", GroupIds.SUPERVISORS);
    String call = candidateTask("Appeler le débiteur (test des filtres)", GroupIds.COLLECTORS);

    assertThat(taskIds(TestUsers.SUPERVISOR, TasklistFilters.TO_APPROVE))
        .contains(approval)
        .doesNotContain(work, call);
    assertThat(taskIds(TestUsers.SUPERVISOR, TasklistFilters.TEAM_TASKS))
        .contains(work)
        .doesNotContain(approval);
    assertThat(taskIds(TestUsers.SUPERVISOR, TasklistFilters.PRIORITIES))
        .contains(work)
        .doesNotContain(approval);
    assertThat(taskIds(TestUsers.COLLECTOR, TasklistFilters.PRIORITIES))
        .contains(call)
        .doesNotContain(approval, work);
  }

  @Test
  void thePrioritiesOfTheDayListMineAndTheUnclaimedOnesHighestFirst() {
    String low = candidateTask("Tâche peu urgente (test des filtres)", GroupIds.COLLECTORS);
    String high = candidateTask("Tâche urgente (test des filtres)", GroupIds.COLLECTORS);
    String mine = candidateTask("Tâche prise (test des filtres)", GroupIds.COLLECTORS);
    String colleagues =
        candidateTask("Tâche d'un collègue (test des filtres)", GroupIds.COLLECTORS);
    tasks.setPriority(low, 10);
    tasks.setPriority(high, 90);
    tasks.setPriority(mine, 50);
    tasks.claim(mine, TestUsers.COLLECTOR);
    tasks.claim(colleagues, TestUsers.SUPERVISOR);

    List<String> agenda = taskIds(TestUsers.COLLECTOR, TasklistFilters.PRIORITIES);
    assertThat(agenda).contains(low, high, mine).doesNotContain(colleagues);
    assertThat(agenda.indexOf(high)).isLessThan(agenda.indexOf(mine));
    assertThat(agenda.indexOf(mine)).isLessThan(agenda.indexOf(low));
  }

  @Test
  void myTasksListsTheTaskAClaimedAndNotTheOneLeftToTheTeam() {
    String mine = candidateTask("Appeler le débiteur (test des filtres)", GroupIds.COLLECTORS);
    String team = candidateTask("Tâche d'équipe (test des filtres)", GroupIds.COLLECTORS);
    tasks.claim(mine, TestUsers.COLLECTOR);

    assertThat(taskIds(TestUsers.COLLECTOR, TasklistFilters.MY_TASKS))
        .contains(mine)
        .doesNotContain(team);
    assertThat(taskIds(TestUsers.COLLECTOR, TasklistFilters.TEAM_TASKS)).contains(mine, team);
    assertThat(taskIds(TestUsers.SUPERVISOR, TasklistFilters.MY_TASKS)).doesNotContain(mine, team);
  }

  @Test
  void toApproveListsTheSupervisorsTasksAndOverdueOnlyThePastDueOnes() {
    String approval =
        candidateTask("Valider l'échéancier (test des filtres)", GroupIds.SUPERVISORS, true);
    String late = candidateTask("Tâche en retard (test des filtres)", GroupIds.COLLECTORS);
    String notYet = candidateTask("Tâche à venir (test des filtres)", GroupIds.COLLECTORS);
    due(late, -1);
    due(notYet, +1);

    assertThat(taskIds(TestUsers.SUPERVISOR, TasklistFilters.TO_APPROVE))
        .contains(approval)
        .doesNotContain(late);
    assertThat(taskIds(TestUsers.COLLECTOR, TasklistFilters.OVERDUE))
        .contains(late)
        .doesNotContain(notYet, approval);
  }

  @Test
  void runningAgainCreatesNothing() {
    long before = filters.createFilterQuery().count();
    assertThat(bootstrap.ensureFilters(engine)).isEmpty();
    assertThat(filters.createFilterQuery().count()).isEqualTo(before);
  }

  // --- helpers

  private List<String> visibleFilters(String user) {
    ApiClient.Response r = TestUsers.as(port, user).get("/engine-rest/filter?resourceType=Task");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    r.json().forEach(f -> names.add(f.get("name").asText()));
    return names;
  }

  private List<String> taskIds(String user, String filterName) {
    String id = filters.createFilterQuery().filterName(filterName).singleResult().getId();
    ApiClient.Response r = TestUsers.as(port, user).get("/engine-rest/filter/" + id + "/list");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    r.json().forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  private String candidateTask(String name, String group) {
    return candidateTask(name, group, false);
  }

  /**
   * A task as the engine creates it for a model's user task: TaskAgenda marks whether it is a
   * four-eyes approval.
   */
  private String candidateTask(String name, String group, boolean approval) {
    Task task = tasks.newTask();
    task.setName(name);
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), group);
    tasks.setVariableLocal(task.getId(), TaskAgenda.APPROVAL, approval);
    created.add(task.getId());
    return task.getId();
  }

  private void due(String taskId, int days) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(
        java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(days))));
    tasks.saveTask(task);
  }

  private ApiClient admin() {
    return new ApiClient(port, "admin", "admin-test");
  }
}

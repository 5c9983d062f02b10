package fr.recouvrement.reminder;

import static fr.recouvrement.cases.CaseFixtures.businessCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.kernel.time.CaseClock;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * « Préparer l'étape de relance » stores what the cadence's decisions and the steps after the timer
 * read, and not the debtor's name, phone and reachability, which no one reads from the variables
 * (issue 14): the decisions still get every input they had.
 */
@IntegrationTest
class ReminderStepVariablesTest {
  static final java.util.List<String> UNREAD =
      java.util.List.of("debtorName", "debtorPhone", "hasEmail", "hasPhone");

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  private String openCase() {
    ApiClient api = new ApiClient(port, "admin", "admin-test");
    // the fixture's debtor has an email address and a phone number
    String body = businessCase(newDebtorId(), "F-1", "1850.00", CaseClock.today().plusDays(5));
    ApiClient.Response r = api.postJson("/api/cases", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("reference").asText();
  }

  @Test
  void aReminderStepWaitingForItsDayKeepsTheDecisionsInputsAndNotTheUnreadFacts() {
    String reference = openCase();
    ProcessInstance reminders =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("amicable-reminders")
            .processInstanceBusinessKey(reference)
            .singleResult();

    Map<String, Object> stored = runtime.getVariables(reminders.getId());

    assertThat(stored)
        .containsKeys("reminderStep", "segment", "debtorType", "balance", "daysOverdue")
        .doesNotContainKeys(UNREAD.toArray(String[]::new));
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(reminders.getId())
                .variableNameIn(UNREAD.toArray(String[]::new))
                .count())
        .as("no history row either")
        .isZero();
  }

  @Test
  void aCadenceThatStoredTheUnreadFactsBeforeGoesOnAndKeepsItsCopyUpToDate() {
    String reference = openCase();
    // a cadence started by an earlier version stored them: its next step finds them stored
    ProcessInstance earlier =
        runtime.startProcessInstanceByKey(
            "amicable-reminders",
            reference,
            Map.of(
                "caseReference",
                reference,
                "reminderStep",
                1,
                "debtorName",
                "Ancien nom",
                "debtorPhone",
                "+33600000000",
                "hasEmail",
                false,
                "hasPhone",
                true));
    try {
      Map<String, Object> stored = runtime.getVariables(earlier.getId());
      // the step ran (the engine refuses a transient value over a stored one: it is not attempted)
      assertThat(stored).containsKeys("segment", "balance");
      assertThat(stored.get("debtorName")).isEqualTo("Boulangerie Martin SARL");
      assertThat(stored.get("hasEmail")).isEqualTo(true);
    } finally {
      runtime.deleteProcessInstance(earlier.getId(), "test: a second cadence of the same case");
    }
  }
}

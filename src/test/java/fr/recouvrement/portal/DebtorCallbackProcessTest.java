package fr.recouvrement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.IntegrationTest;
import fr.recouvrement.TaskChecks;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/debtor-callback.bpmn: the collectors' call task, due at the end of the slot the debtor
 * chose, then done.
 */
@IntegrationTest
class DebtorCallbackProcessTest {
  @Autowired ProcessEngine engine;

  @Test
  void theCollectorsGetACallTaskDueAtTheEndOfTheSlotAndTheProcessEndsWhenItIsDone() {
    ZonedDateTime from = ZonedDateTime.of(2026, 12, 8, 14, 0, 0, 0, CaseClock.PARIS);
    ProcessInstance instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "debtor-callback",
                "DOS-TEST-CALLBACK",
                Map.of(
                    "caseReference",
                    "DOS-TEST-CALLBACK",
                    "debtorName",
                    "Jeanne Martin",
                    "debtorPhone",
                    "+33612345678",
                    "callbackSlot",
                    "le mardi 8 décembre entre 14 h et 16 h",
                    "callbackFrom",
                    Date.from(from.toInstant()),
                    "callbackUntil",
                    Date.from(from.plusHours(2).toInstant())));

    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .singleResult();
    assertThat(task.getName()).isEqualTo("Rappeler le débiteur à sa demande");
    assertThat(TaskChecks.candidateGroups(engine, task)).containsExactly("collectors");
    assertThat(TaskChecks.form(engine, task)).isEqualTo("rappeler-debiteur");
    assertThat(task.getDueDate()).isEqualTo(Date.from(from.plusHours(2).toInstant()));
    assertThat(task.getFollowUpDate()).isEqualTo(Date.from(from.toInstant()));

    engine
        .getTaskService()
        .complete(task.getId(), Map.of("callbackNotes", "Rappelé, paiement sous huit jours"));

    HistoricProcessInstance done =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(instance.getId())
            .singleResult();
    assertThat(done.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(done.getEndActivityId()).isEqualTo("Event_DebtorCalledBack");
  }
}

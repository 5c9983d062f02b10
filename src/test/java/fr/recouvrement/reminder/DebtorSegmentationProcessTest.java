package fr.recouvrement.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.ProcessTestEngine;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * processes/debtor-segmentation.bpmn, the one place the case segments its debtor (collection-case
 * calls it at opening, after a partial payment and after a new invoice): the payment history and
 * the recording of the segment are stood in for, the debtor-segment table is the real one.
 */
class DebtorSegmentationProcessTest {
  static int seq;
  final ProcessEngine engine = ProcessTestEngine.get();
  ReminderMocks mocks;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    mocks = new ReminderMocks().register();
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  /**
   * A consumer owing 6,000 €, never late, no broken promise: debtor-segment's first rule needs two
   * broken promises, its second a business debtor, its third (« Particulier, 5 000 € ou plus »)
   * applies: GROS_ENJEU.
   */
  @Test
  void shouldReadThePaymentHistoryChooseTheSegmentWithTheTableAndRecordIt() {
    mocks.debtorType = "CONSUMER";
    mocks.balance = 6000.0;
    String reference = "DOS-SEG-" + (++seq);

    ProcessInstance segmentation =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "debtor-segmentation", reference, Map.of("caseReference", reference));

    assertThat(segmentation)
        .isEnded()
        .hasPassedInOrder(
            "Task_CollectPaymentHistory",
            "Task_SegmentDebtor",
            "Task_RecordSegment",
            "Event_DebtorSegmented");
    assertThat(mocks.count("collectPaymentHistory")).isEqualTo(1);
    assertThat(mocks.recordedSegments).containsExactly("GROS_ENJEU");
    // what the calling case maps back (camunda:out)
    Map<String, Object> left = variables(segmentation);
    assertThat(left)
        .containsEntry("segment", "GROS_ENJEU")
        .containsEntry(
            "strategy", "Encours important : un chargé appelle tôt, les courriers sont validés")
        .containsEntry("debtorType", "CONSUMER")
        .containsEntry("balance", 6000.0)
        .containsEntry("daysOverdue", -10)
        .containsEntry("latePaymentsLast12Months", 0)
        .containsEntry("averageDelayDays", 0.0)
        .containsEntry("brokenPromises", 0);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricDecisionInstanceQuery()
                .processInstanceId(segmentation.getId())
                .decisionDefinitionKey("debtor-segment")
                .count())
        .isEqualTo(1);
  }

  private Map<String, Object> variables(ProcessInstance finished) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(finished.getId())
        .list()
        .stream()
        .filter(v -> v.getValue() != null)
        .collect(
            Collectors.toMap(
                HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
  }
}

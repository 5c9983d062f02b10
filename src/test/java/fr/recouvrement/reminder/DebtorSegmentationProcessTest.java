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
    // what the calling case maps back (camunda:out): the segment and the strategy are stored; the
    // facts were transient here, the decision keeps them as its inputs (the case, as its variables)
    Map<String, Object> left = variables(segmentation);
    assertThat(left)
        .containsEntry("segment", "GROS_ENJEU")
        .containsEntry(
            "strategy", "Encours important : un chargé appelle tôt, les courriers sont validés")
        .doesNotContainKeys(
            "debtorType",
            "balance",
            "daysOverdue",
            "latePaymentsLast12Months",
            "averageDelayDays",
            "brokenPromises");
    var decisions =
        engine
            .getHistoryService()
            .createHistoricDecisionInstanceQuery()
            .processInstanceId(segmentation.getId())
            .decisionDefinitionKey("debtor-segment")
            .includeInputs()
            .list();
    assertThat(decisions).hasSize(1);
    Map<String, Object> inputs =
        decisions.get(0).getInputs().stream()
            .collect(
                Collectors.toMap(
                    org.camunda.bpm.engine.history.HistoricDecisionInputInstance::getClauseId,
                    org.camunda.bpm.engine.history.HistoricDecisionInputInstance::getValue));
    assertThat(inputs)
        .containsEntry("Input_debtorType", "CONSUMER")
        .containsEntry("Input_balance", 6000.0)
        .containsEntry("Input_daysOverdue", -10)
        .containsEntry("Input_latePaymentsLast12Months", 0)
        .containsEntry("Input_averageDelayDays", 0.0)
        .containsEntry("Input_brokenPromises", 0);
  }

  /**
   * The facts are transient in the segmentation's instance: a call activity that mapped one back by
   * name ({@code source="balance"}) would hand the case a transient variable, gone at the next wait
   * state, and a later step would stop on it. Every caller in the shipped models maps them by
   * expression.
   */
  @Test
  void everyCallerMapsTheTransientFactsBackByExpression() throws Exception {
    java.util.List<String> facts =
        java.util.List.of(
            "debtorType",
            "debtorName",
            "balance",
            "daysOverdue",
            "latePaymentsLast12Months",
            "averageDelayDays",
            "brokenPromises");
    int callers = 0;
    for (org.springframework.core.io.Resource r :
        new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
            .getResources("classpath:processes/*.bpmn")) {
      var model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(r.getInputStream());
      for (var call :
          model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.CallActivity.class)) {
        if (!"debtor-segmentation".equals(call.getCalledElement())) {
          continue;
        }
        callers++;
        Map<String, String> byTarget =
            call
                .getExtensionElements()
                .getElementsQuery()
                .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut.class)
                .list()
                .stream()
                .filter(out -> out.getCamundaTarget() != null)
                .collect(
                    Collectors.toMap(
                        org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut::getCamundaTarget,
                        out ->
                            out.getCamundaSourceExpression() == null
                                ? "source=" + out.getCamundaSource()
                                : out.getCamundaSourceExpression()));
        for (String fact : facts) {
          assertThat(byTarget)
              .as(r.getFilename() + " " + call.getId())
              .containsEntry(fact, "${" + fact + "}");
        }
      }
    }
    assertThat(callers).isEqualTo(3);
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

package fr.recouvrement.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.recouvrement.ApiClient;
import fr.recouvrement.cases.CaseFixtures;
import fr.recouvrement.cases.OpenCaseRequest;
import fr.recouvrement.kernel.time.CaseClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * Cases opened through the intake API, and tiny test processes that run one channel delegate as an
 * asynchronous job, the way the real models call them.
 */
final class ChannelFixtures {
  static final String EMAIL_PROCESS = "test-channel-email";
  static final String SMS_PROCESS = "test-channel-sms";
  static final String LETTER_PROCESS = "test-channel-letter";
  static final String STEP = "Task_Step";
  static final String SEND = "Task_SendLetter";
  static final String DONE = "Task_Done";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private ChannelFixtures() {}

  static LocalDate today() {
    return CaseClock.today();
  }

  static OpenCaseRequest.Invoice invoice(String number, int daysOverdue, String amount) {
    LocalDate due = today().minusDays(daysOverdue);
    return new OpenCaseRequest.Invoice(number, due.minusDays(30), due, new BigDecimal(amount));
  }

  static OpenCaseRequest request(
      String type, String email, String phone, OpenCaseRequest.Invoice... invoices) {
    return new OpenCaseRequest(
        new OpenCaseRequest.Debtor(
            CaseFixtures.newDebtorId(),
            type,
            type.equals("BUSINESS") ? "Boulangerie Martin SARL" : "Jeanne Martin",
            type.equals("BUSINESS") ? "552100554" : null,
            email,
            phone,
            new OpenCaseRequest.Address("3 rue des Lilas", "69003", "Lyon", "FR")),
        List.of(invoices));
  }

  /** Opens the case through the intake API, as an ERP would; answers its reference. */
  static String open(ApiClient api, OpenCaseRequest request) {
    try {
      ApiClient.Response r = api.postJson("/api/cases", JSON.writeValueAsString(request));
      if (r.status() != 201) {
        throw new IllegalStateException("Could not open the case: " + r);
      }
      return r.json().get("reference").asText();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ApiClient api(int port) {
    return new ApiClient(port, "admin", "admin-test");
  }

  /** Deploys one process per channel: start, the delegate(s) as async jobs, then a wait state. */
  static Deployment deploy(RepositoryService repository) {
    BpmnModelInstance email = oneStep(EMAIL_PROCESS, "${sendReminderEmail}", true);
    BpmnModelInstance sms = oneStep(SMS_PROCESS, "${sendReminderSms}", false);
    BpmnModelInstance letter =
        Bpmn.createExecutableProcess(LETTER_PROCESS)
            .camundaHistoryTimeToLive(180)
            .startEvent()
            .serviceTask(STEP)
            .camundaDelegateExpression("${prepareReminderLetter}")
            .camundaAsyncBefore()
            .serviceTask(SEND)
            .camundaDelegateExpression("${sendLetterByPost}")
            .camundaAsyncBefore()
            .userTask(DONE)
            .endEvent()
            .done();
    return repository
        .createDeployment()
        .name("channel-tests")
        .addModelInstance(EMAIL_PROCESS + ".bpmn", email)
        .addModelInstance(SMS_PROCESS + ".bpmn", sms)
        .addModelInstance(LETTER_PROCESS + ".bpmn", letter)
        .deploy();
  }

  private static BpmnModelInstance oneStep(String key, String delegate, boolean crashable) {
    AbstractFlowNodeBuilder<?, ?> task =
        Bpmn.createExecutableProcess(key)
            .camundaHistoryTimeToLive(180)
            .startEvent()
            .serviceTask(STEP)
            .camundaDelegateExpression(delegate)
            .camundaAsyncBefore();
    if (crashable) {
      task = task.camundaExecutionListenerClass("end", CrashAfterStep.class.getName());
    }
    return task.userTask(DONE).endEvent().done();
  }

  static String start(
      RuntimeService runtime,
      String process,
      String reference,
      int step,
      String template,
      String tone) {
    return start(runtime, process, reference, step, template, tone, Map.of());
  }

  static String start(
      RuntimeService runtime,
      String process,
      String reference,
      int step,
      String template,
      String tone,
      Map<String, Object> more) {
    Map<String, Object> variables = new HashMap<>(more);
    variables.putAll(
        Map.of(
            "caseReference", reference, "reminderStep", step, "template", template, "tone", tone));
    return runtime.startProcessInstanceByKey(process, reference, variables).getId();
  }

  /** The step's rows in {@code communication}, oldest first. */
  static List<CommunicationLog.Entry> communications(CommunicationLog log, String reference) {
    return log.ofCase(reference);
  }

  static Job job(ManagementService management, String processInstanceId) {
    return management.createJobQuery().processInstanceId(processInstanceId).singleResult();
  }
}

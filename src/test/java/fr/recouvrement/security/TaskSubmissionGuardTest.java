package fr.recouvrement.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.ProcessTestEngine;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The guard in front of task submissions, on the shipped payment-plan's « Négocier l'échéancier »
 * and its deployed form (negocier-echeancier), without a server: what reaches the engine, and what
 * is refused before it.
 */
class TaskSubmissionGuardTest {
  static final ObjectMapper JSON = new ObjectMapper();

  final ProcessEngine engine = ProcessTestEngine.get();
  final TaskSubmissionGuard guard = new TaskSubmissionGuard(() -> engine);
  String instanceId;
  Task negotiation;

  @BeforeEach
  void startPlan() {
    instanceId =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "payment-plan",
                "DOS-GUARD",
                Map.of(
                    "caseReference",
                    "DOS-GUARD",
                    "segment",
                    "RECALCITRANT",
                    "debtorType",
                    "BUSINESS",
                    "balance",
                    50539.0,
                    "debtorName",
                    "Boulangerie Martin SARL"))
            .getId();
    negotiation =
        engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
  }

  @AfterEach
  void cancel() {
    engine.getRuntimeService().deleteProcessInstance(instanceId, "test over");
  }

  record Outcome(MockHttpServletResponse response, MockFilterChain chain) {
    boolean reachedTheEngine() {
      return chain.getRequest() != null;
    }

    JsonNode forwarded() throws Exception {
      return JSON.readTree(chain.getRequest().getInputStream().readAllBytes());
    }

    String message() throws Exception {
      return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8))
          .get("message")
          .asText();
    }
  }

  Outcome send(String method, String path, String body) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setContentType("application/json");
    if (body != null) {
      request.setContent(body.getBytes(StandardCharsets.UTF_8));
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    guard.doFilter(request, response, chain);
    return new Outcome(response, chain);
  }

  String complete() {
    return "/engine-rest/task/" + negotiation.getId() + "/complete";
  }

  @Test
  void aVariableTheFormDoesNotDeclareIsRefusedNamingIt() throws Exception {
    Outcome o =
        send(
            "POST",
            complete(),
            """
        {"variables": {"instalmentCount": {"value": 6, "type": "Long"}, "segment": {"value": "PONCTUEL"},
          "planApproved": {"value": true, "type": "Boolean"}}}""");

    assertThat(o.response().getStatus()).isEqualTo(400);
    assertThat(o.message()).contains("[segment, planApproved]").contains("negocier-echeancier");
    assertThat(o.reachedTheEngine()).isFalse();
  }

  @Test
  void aFieldTheFormOnlyShowsIsDroppedAndTheRestGoesThrough() throws Exception {
    Outcome o =
        send(
            "POST",
            complete(),
            """
        {"variables": {"planFeedback": {"value": "Validé par le superviseur"},
          "instalmentCount": {"value": 6, "type": "Long"}, "planNotes": {"value": "ok"}}, "withVariablesInReturn": false}""");

    assertThat(o.reachedTheEngine()).isTrue();
    JsonNode variables = o.forwarded().get("variables");
    // the supervisor's feedback is shown to the collector, read-only
    assertThat(variables.has("planFeedback")).isFalse();
    assertThat(variables.get("instalmentCount").get("value").asInt()).isEqualTo(6);
    assertThat(variables.get("planNotes").get("value").asText()).isEqualTo("ok");
  }

  @Test
  void objectsFilesAndJsonValuesAreRefusedEvenUnderAFieldName() throws Exception {
    for (String value :
        new String[] {
          "{\"value\": \"\\\"/etc/passwd\\\"\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.io.File\"}}",
          "{\"value\": \"aGVsbG8=\", \"type\": \"File\", \"valueInfo\": {\"filename\": \"x.bin\"}}",
          "{\"value\": \"{}\", \"type\": \"Json\"}",
          "{\"value\": [1, 2]}"
        }) {
      Outcome o = send("POST", complete(), "{\"variables\": {\"planNotes\": " + value + "}}");

      assertThat(o.response().getStatus()).as(value).isEqualTo(400);
      assertThat(o.message()).contains("[planNotes]");
      assertThat(o.reachedTheEngine()).isFalse();
    }
  }

  @Test
  void tasklistsDoorAndTheFormSubmissionAreGuardedAlike() throws Exception {
    Outcome viaTasklist =
        send(
            "POST",
            "/camunda/api/engine/engine/default/task/" + negotiation.getId() + "/submit-form",
            "{\"variables\": {\"segment\": {\"value\": \"PONCTUEL\"}}}");
    Outcome viaResolve =
        send(
            "POST",
            "/engine-rest/task/" + negotiation.getId() + "/resolve",
            "{\"variables\": {\"segment\": {\"value\": \"PONCTUEL\"}}}");

    assertThat(viaTasklist.response().getStatus()).isEqualTo(400);
    assertThat(viaResolve.response().getStatus()).isEqualTo(400);
  }

  @Test
  void aTasksVariablesAreNotWrittenDirectly() throws Exception {
    Outcome put =
        send(
            "PUT",
            "/engine-rest/task/" + negotiation.getId() + "/variables/segment",
            "{\"value\": \"PONCTUEL\"}");
    Outcome modify =
        send(
            "POST",
            "/engine-rest/task/" + negotiation.getId() + "/localVariables",
            "{\"modifications\": {}}");
    Outcome read = send("GET", "/engine-rest/task/" + negotiation.getId() + "/variables", null);

    assertThat(put.response().getStatus()).isEqualTo(403);
    assertThat(modify.response().getStatus()).isEqualTo(403);
    assertThat(read.reachedTheEngine()).isTrue();
  }

  @Test
  void anOversizedSubmissionIsRefusedBeforeItIsRead() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", complete());
    request.setContent(new byte[TaskSubmissionGuard.MAX_BODY + 1]);
    MockHttpServletResponse response = new MockHttpServletResponse();

    guard.doFilter(request, response, new MockFilterChain());

    assertThat(response.getStatus()).isEqualTo(413);
  }

  @Test
  void anUnknownTaskIsLeftToTheEngine() throws Exception {
    Outcome o =
        send(
            "POST",
            "/engine-rest/task/no-such-task/complete",
            "{\"variables\": {\"x\": {\"value\": 1}}}");

    assertThat(o.reachedTheEngine()).isTrue();
  }
}

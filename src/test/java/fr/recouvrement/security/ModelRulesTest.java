package fr.recouvrement.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What an analyst may deploy (review H1), checked on the files themselves; {@link
 * SecurityReviewTest} does the same through {@code /engine-rest} as Modeler would.
 */
class ModelRulesTest {
  /**
   * Spring beans of the running application an expression could reach: a few delegates and the
   * engine's services.
   */
  static final Set<String> BEANS =
      Set.of(
          "sendReminderEmail",
          "caseStatus",
          "courtDates",
          "identityService",
          "runtimeService",
          "dataSource",
          "jdbcTemplate");

  final ModelRules rules =
      new ModelRules(ModelRules.shipped(), BEANS::contains, key -> key.equals("collection-case"));

  @Test
  void everyShippedModelPassesTheAnalystRules() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> models =
        new java.util.ArrayList<>(List.of(resolver.getResources("classpath*:processes/*.bpmn")));
    models.addAll(List.of(resolver.getResources("classpath*:processes/decisions/*.dmn")));
    models.addAll(List.of(resolver.getResources("classpath*:forms/*.form")));
    assertThat(models).hasSizeGreaterThan(20);
    // every shipped process is deployed once the application runs
    ModelRules running = new ModelRules(ModelRules.shipped(), BEANS::contains, key -> true);
    for (Resource model : models) {
      assertThat(running.problems(model.getFilename(), model.getContentAsByteArray()))
          .as(model.getFilename())
          .isEmpty();
    }
  }

  @Test
  void theReviewsTimerStartThatMakesItsAuthorAnAdministratorIsRefused() {
    String bpmn =
        process(
            "Process_Backdoor",
            """
        <bpmn:startEvent id="Event_Tick">
          <bpmn:timerEventDefinition id="Timer_Tick"><bpmn:timeCycle>R/PT1M</bpmn:timeCycle></bpmn:timerEventDefinition>
          <bpmn:extensionElements>
            <camunda:executionListener event="start" expression="${identityService.createMembership('tanalyst', 'camunda-admin')}" />
          </bpmn:extensionElements>
        </bpmn:startEvent>
        """);

    List<String> problems = rules.problems("backdoor.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));

    assertThat(problems)
        .anyMatch(
            p -> p.contains("Event_Tick") && p.contains("timer start events are not allowed"));
    assertThat(problems)
        .anyMatch(
            p ->
                p.contains(
                    "'identityService.createMembership()' is not a form the shipped models use"));
  }

  @Test
  void codeInAnyOtherShapeIsRefused() {
    String bpmn =
        process(
            "collection-case",
            """
        <bpmn:startEvent id="Event_Start" />
        <bpmn:scriptTask id="Task_Script" scriptFormat="javascript"><bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask>
        <bpmn:serviceTask id="Task_Class" camunda:class="java.lang.Runtime" />
        <bpmn:serviceTask id="Task_Bean" camunda:delegateExpression="${dataSource}" />
        <bpmn:serviceTask id="Task_Services" camunda:expression="${execution.getProcessEngineServices().getIdentityService()}" />
        <bpmn:serviceTask id="Task_Chain" camunda:expression="${(execution).processEngineServices}" />
        <bpmn:serviceTask id="Task_Index" camunda:expression="${execution['processEngineServices']}" />
        <bpmn:serviceTask id="Task_Spin" camunda:expression="${S('{}').prop('x')}" />
        <bpmn:serviceTask id="Task_Connector"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>
        <bpmn:sequenceFlow id="Flow_Script" sourceRef="Event_Start" targetRef="Task_Script"><bpmn:conditionExpression language="groovy">true</bpmn:conditionExpression></bpmn:sequenceFlow>
        """);

    String problems =
        String.join("\n", rules.problems("code.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)));

    assertThat(problems)
        .contains("(Task_Script): scripts are not allowed")
        .contains("(Task_Class): camunda:class is not allowed")
        .contains("(Task_Bean): 'dataSource' is not a form the shipped models use")
        .contains(
            "(Task_Services): 'execution.getProcessEngineServices().getIdentityService()' is not a form")
        .contains("(Task_Chain): property access on a computed value")
        .contains("(Task_Index): index access")
        .contains("(Task_Spin): 'S().prop()' is not a form")
        .contains("connectors are not allowed")
        .contains("(Flow_Script): script conditions are not allowed");
  }

  @Test
  void theShippedFormsOfExpressionsStayAllowedOnNewModels() {
    String bpmn =
        process(
            "collection-case",
            """
        <bpmn:startEvent id="Event_Start"><bpmn:messageEventDefinition id="Message_Def" /></bpmn:startEvent>
        <bpmn:serviceTask id="Task_Send" camunda:delegateExpression="${sendReminderEmail}" />
        <bpmn:serviceTask id="Task_Status" camunda:expression="${caseStatus.set(execution, 'DISPUTED')}" />
        <bpmn:userTask id="Task_Call" camunda:dueDate="${dateTime().plusDays(slaDays).toDate()}" camunda:candidateGroups="collectors" />
        <bpmn:sequenceFlow id="Flow_Big" sourceRef="Event_Start" targetRef="Task_Send"><bpmn:conditionExpression>${balance &gt;= 10000 &amp;&amp; decisionResult.getSingleResult().newColumn == 'X'}</bpmn:conditionExpression></bpmn:sequenceFlow>
        """);

    assertThat(rules.problems("strategy.bpmn", bpmn.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void aNewProcessKeyCannotBeStartedByAMessageNorADoctypeSlipIn() {
    String newKey =
        process(
            "Process_New",
            "<bpmn:startEvent id=\"Event_Message\"><bpmn:messageEventDefinition id=\"Def\" /></bpmn:startEvent>");
    String doctype =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + process("collection-case", "")
                .substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".length());

    assertThat(rules.problems("new.bpmn", newKey.getBytes(StandardCharsets.UTF_8)))
        .singleElement()
        .asString()
        .contains("(Event_Message)", "may only be started by the application");
    assertThat(rules.problems("doctype.bpmn", doctype.getBytes(StandardCharsets.UTF_8)))
        .singleElement()
        .asString()
        .contains("without DOCTYPE");
    assertThat(rules.problems("payload.groovy", "x".getBytes(StandardCharsets.UTF_8)))
        .singleElement()
        .asString()
        .contains("only BPMN");
  }

  @Test
  void decisionsAreFeelWithoutJavaFunctions() {
    String dmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_X" name="x" namespace="x">
          <decision id="Decision_X" name="x">
            <decisionTable id="Table_X">
              <input id="Input_1"><inputExpression id="Expr_1" typeRef="string" expressionLanguage="javascript"><text>java.lang.System.exit(0)</text></inputExpression></input>
              <output id="Output_1" name="out" typeRef="string" />
              <rule id="Rule_1"><inputEntry id="Entry_1"><text>-</text></inputEntry>
                <outputEntry id="Entry_2"><text>function(x) external { java: { class: "java.lang.Runtime" } }</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """
            .strip();

    String problems =
        String.join("\n", rules.problems("x.dmn", dmn.getBytes(StandardCharsets.UTF_8)));

    assertThat(problems)
        .contains("(Expr_1): only FEEL expressions")
        .contains("(Entry_2): external (Java) functions");
  }

  static String process(String key, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="Definitions_Test" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
        %s
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(key, body)
        .strip();
  }

  @Test
  void theAllowListIsDerivedFromTheShippedModels() {
    Set<String> shipped = new HashSet<>(ModelRules.shipped());

    assertThat(shipped)
        .contains(
            "caseStatus.set()",
            "dateTime().plusDays().toDate()",
            "execution.setVariable()",
            "sendReminderEmail");
    assertThat(shipped)
        .noneMatch(
            s ->
                s.startsWith("identityService")
                    || s.startsWith("runtimeService")
                    || s.contains("getProcessEngineServices"));
  }
}

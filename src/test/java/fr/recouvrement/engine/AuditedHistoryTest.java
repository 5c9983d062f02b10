package fr.recouvrement.engine;

import static fr.recouvrement.cases.CaseFixtures.businessCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.ProcessDriver;
import fr.recouvrement.kernel.time.CaseClock;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History stays {@code full} for what auditors read, without the rows nobody reads (issue 14, P4):
 * what a case's steps write leaves its last value, not a detail row per write; what a person writes
 * keeps its detail row. (The timeline's form data and hand-set variables: {@code
 * CaseTimelineTest}.)
 */
@IntegrationTest
class AuditedHistoryTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;

  @Test
  void aStepsVariablesKeepTheirLastValueWithoutADetailRowWhileAPersonsEditKeepsOne() {
    ApiClient api = new ApiClient(port, "admin", "admin-test");
    LocalDate due = CaseClock.today().plusDays(20);
    ApiClient.Response opened =
        api.postJson("/api/cases", businessCase(newDebtorId(), "F-AH1", "1850.00", due));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String reference = opened.json().get("reference").asText();
    String root =
        jdbc.queryForObject(
            "select process_instance_id from collection_case where reference = ?",
            String.class,
            reference);

    // opening ran the case process, its segmentation and the reminders' first step: variables
    // written, no detail rows
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_varinst where root_proc_inst_id_ = ?",
                Integer.class,
                root))
        .isGreaterThan(10);
    assertThat(
            jdbc.queryForObject(
                "select text_ from act_hi_varinst where proc_inst_id_ = ? and name_ = 'caseReference'",
                String.class,
                root))
        .isEqualTo(reference);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_detail where root_proc_inst_id_ = ?",
                Integer.class,
                root))
        .isZero();
    // the decisions keep their inputs, the steps their activity instances
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_dec_in i join act_hi_decinst d on d.id_ = i.dec_inst_id_ where d.root_proc_inst_id_ = ?",
                Integer.class,
                root))
        .isGreaterThan(5);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_actinst where root_proc_inst_id_ = ? and act_id_ = 'Task_CollectPaymentHistory'",
                Integer.class,
                root))
        .isEqualTo(1);
    // a decision's step keeps its activity row: auditors' scripts list the steps through
    // /engine-rest/history/activity-instance (AuditorReadOnlyTest)
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_actinst where root_proc_inst_id_ = ? and act_id_ = 'Task_SegmentDebtor'",
                Integer.class,
                root))
        .isEqualTo(1);
    // no row for the gateways the timeline never showed
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_actinst where root_proc_inst_id_ = ? and act_type_ = 'exclusiveGateway'",
                Integer.class,
                root))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_actinst where root_proc_inst_id_ = ? and act_id_ = 'Timer_ReminderStepDue'",
                Integer.class,
                root))
        .isEqualTo(1);
    // the first reminder's timer: no "job created" row
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_job_log where root_proc_inst_id_ = ? and job_state_ = 0",
                Integer.class,
                root))
        .isZero();

    // an administrator sets a variable by hand (Cockpit does it through the REST API): that write
    // keeps its detail row
    ApiClient.Response set =
        api.putJson(
            "/engine-rest/process-instance/" + root + "/variables/auditNote",
            "{\"value\": \"vérifié\", \"type\": \"String\"}");
    assertThat(set.status()).as(set.toString()).isEqualTo(204);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_detail where root_proc_inst_id_ = ? and name_ = 'auditNote'",
                Integer.class,
                root))
        .isEqualTo(1);
  }

  @Test
  void aReminderStepsDecidedVariablesLeaveNoVariableRowWhileTheDecisionKeepsTheirValues() {
    ApiClient api = new ApiClient(port, "admin", "admin-test");
    LocalDate due = CaseClock.today().plusDays(20);
    ApiClient.Response opened =
        api.postJson("/api/cases", businessCase(newDebtorId(), "F-AH2", "640.00", due));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String reference = opened.json().get("reference").asText();
    String root =
        jdbc.queryForObject(
            "select process_instance_id from collection_case where reference = ?",
            String.class,
            reference);
    String reminders =
        jdbc.queryForObject(
            "select id_ from act_hi_procinst where root_proc_inst_id_ = ? and proc_def_key_ = 'amicable-reminders'",
            String.class,
            root);

    // the first step decided its channel and content: the answers are the decisions' outputs...
    List<String> decided =
        jdbc.queryForList(
            "select o.var_name_ from act_hi_dec_out o join act_hi_decinst d on d.id_ = o.dec_inst_id_ where d.proc_inst_id_ = ? and d.dec_def_key_ in ('reminder-cadence', 'reminder-content')",
            String.class,
            reminders);
    assertThat(decided).contains("action", "template", "tone", "approvalRequired");
    // ... and their inputs the facts the step read
    assertThat(
            jdbc.queryForList(
                "select i.clause_name_ from act_hi_dec_in i join act_hi_decinst d on d.id_ = i.dec_inst_id_ where d.proc_inst_id_ = ? and d.dec_def_key_ = 'reminder-cadence'",
                String.class,
                reminders))
        .contains("Solde dû (€)", "Jours de retard", "Segment");
    // the running process still reads them (the timer's date, the gateways, the send step)...
    assertThat(
            jdbc.queryForList(
                "select name_ from act_ru_variable where proc_inst_id_ = ?",
                String.class,
                reminders))
        .contains("action", "template", "tone", "approvalRequired", "balance", "stepAt");
    // ... but history keeps no third copy of them
    assertThat(
            jdbc.queryForList(
                "select name_ from act_hi_varinst where proc_inst_id_ = ?",
                String.class,
                reminders))
        .contains("caseReference", "reminderStep", "stepAt", "channel")
        .doesNotContainAnyElementsOf(AuditedHistory.KEPT_BY_DECISIONS.get("amicable-reminders"))
        // nor of whether the debtor has an email or a phone: no step reads those (the schedule
        // reads
        // the case), so they are no variables at all
        .doesNotContain("hasEmail", "hasPhone", "debtorPhone");
    assertThat(
            jdbc.queryForList(
                "select name_ from act_ru_variable where proc_inst_id_ = ?",
                String.class,
                reminders))
        .doesNotContain("hasEmail", "hasPhone", "debtorPhone");
    // the segmentation's answer stays on the case, where it was mapped back
    assertThat(
            jdbc.queryForList(
                "select name_ from act_hi_varinst where root_proc_inst_id_ = ? and proc_def_key_ = 'debtor-segmentation'",
                String.class,
                root))
        .doesNotContain("segment", "strategy");
    assertThat(
            jdbc.queryForList(
                "select name_ from act_hi_varinst where proc_inst_id_ = ?", String.class, root))
        .contains("segment", "strategy");
    // the decision replay still lists the step's decisions
    ApiClient.Response replay = api.get("/api/cases/" + reference + "/decisions");
    assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
    assertThat(replay.body()).contains("reminder-cadence", "Task_DecideNextReminder");

    // the first reminder's timer fires: its activity row ends, no job-log row says it succeeded
    ProcessDriver driver = new ProcessDriver(engine, root);
    driver.fireTimer("Timer_ReminderStepDue");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = 'Timer_ReminderStepDue' and end_time_ is not null",
                Integer.class,
                reminders))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_job_log where process_instance_id_ = ? and act_id_ = 'Timer_ReminderStepDue'",
                Integer.class,
                reminders))
        .isZero();

    // a person who sets one by hand (Cockpit, /engine-rest) leaves its row and its detail
    ApiClient.Response set =
        api.putJson(
            "/engine-rest/process-instance/" + reminders + "/variables/tone",
            "{\"value\": \"ferme\", \"type\": \"String\"}");
    assertThat(set.status()).as(set.toString()).isEqualTo(204);
    assertThat(
            jdbc.queryForObject(
                "select text_ from act_hi_varinst where proc_inst_id_ = ? and name_ = 'tone'",
                String.class,
                reminders))
        .isEqualTo("ferme");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_detail where proc_inst_id_ = ? and name_ = 'tone'",
                Integer.class,
                reminders))
        .isEqualTo(1);
  }

  /**
   * Each variable {@link AuditedHistory#KEPT_BY_DECISIONS} leaves out is, in its process's model,
   * an answer mapped from a business rule task's decision or an input of a table one of its
   * business rule tasks evaluates, and no other mapping or listener of that model writes it. (Of
   * the Java steps, only « Préparer l'étape de relance » writes the inputs, right before the
   * decisions.) Fails when a model change makes one of them carry something no decision keeps.
   */
  @Test
  void everyVariableLeftOutOfHistoryIsADecisionsAnswerOrInputInItsModel() throws Exception {
    for (Map.Entry<String, Set<String>> process : AuditedHistory.KEPT_BY_DECISIONS.entrySet()) {
      BpmnModelInstance bpmn;
      try (InputStream in =
          new PathMatchingResourcePatternResolver()
              .getResource("classpath:processes/" + process.getKey() + ".bpmn")
              .getInputStream()) {
        bpmn = Bpmn.readModelFromStream(in);
      }
      Set<String> answers = new HashSet<>();
      Set<String> otherWriters = new HashSet<>();
      for (CamundaOutputParameter output :
          bpmn.getModelElementsByType(CamundaOutputParameter.class)) {
        boolean decision =
            output.getParentElement().getParentElement().getParentElement()
                instanceof BusinessRuleTask;
        if (decision && output.getTextContent().contains("decisionResult")) {
          answers.add(output.getCamundaName());
        } else {
          otherWriters.add(output.getCamundaName());
        }
      }
      for (CamundaOut out : bpmn.getModelElementsByType(CamundaOut.class)) {
        otherWriters.add(out.getCamundaTarget());
      }
      Set<String> inputs = new HashSet<>();
      for (BusinessRuleTask task : bpmn.getModelElementsByType(BusinessRuleTask.class)) {
        inputs.addAll(inputsOf(task.getCamundaDecisionRef()));
      }
      for (String name : process.getValue()) {
        String where = process.getKey() + " variable " + name;
        assertThat(answers.contains(name) || inputs.contains(name))
            .as(where + " is a decision's answer or input")
            .isTrue();
        assertThat(otherWriters).as(where + " written by no other mapping").doesNotContain(name);
        for (CamundaExecutionListener listener :
            bpmn.getModelElementsByType(CamundaExecutionListener.class)) {
          assertThat(String.valueOf(listener.getCamundaExpression()))
              .as(where + " written by no listener")
              .doesNotContain("'" + name + "'");
        }
      }
    }
  }

  /** The input expressions of the decision table with this id, in any shipped DMN. */
  static Set<String> inputsOf(String decisionId) throws Exception {
    Set<String> inputs = new HashSet<>();
    for (Resource file :
        new PathMatchingResourcePatternResolver()
            .getResources("classpath:processes/decisions/*.dmn")) {
      DmnModelInstance dmn;
      try (InputStream in = file.getInputStream()) {
        dmn = Dmn.readModelFromStream(in);
      }
      if (dmn.getModelElementById(decisionId) instanceof Decision decision
          && decision.getExpression() instanceof DecisionTable table) {
        for (Input input : table.getInputs()) {
          inputs.add(input.getInputExpression().getText().getTextContent().trim());
        }
      }
    }
    assertThat(inputs).as("inputs of " + decisionId).isNotEmpty();
    return inputs;
  }
}

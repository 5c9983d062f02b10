package fr.recouvrement.engine;

import static fr.recouvrement.cases.CaseFixtures.businessCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

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
  void variablesUpdatedTogetherEachKeepTheirNewLastValueAndTheOthersTheirOwn() {
    ApiClient api = new ApiClient(port, "admin", "admin-test");
    ApiClient.Response opened =
        api.postJson(
            "/api/cases",
            businessCase(newDebtorId(), "F-AH2", "1850.00", CaseClock.today().plusDays(20)));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String reference = opened.json().get("reference").asText();
    // the reminders' instance: its first step wrote the debtor's facts
    String reminders =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("amicable-reminders")
            .processInstanceBusinessKey(reference)
            .singleResult()
            .getId();
    String segment = lastValue(reminders, "segment");

    // one transaction updating three variables and creating one: the history rows are read in one
    // query for the first update, from the engine's cache for the others
    runtime.setVariables(
        reminders,
        java.util.Map.of(
            "debtorName", "Boulangerie Martin et Fils", "daysOverdue", 99, "auditNote", "lu"));

    assertThat(lastValue(reminders, "debtorName")).isEqualTo("Boulangerie Martin et Fils");
    assertThat(lastValue(reminders, "daysOverdue")).isEqualTo("99");
    assertThat(lastValue(reminders, "auditNote")).isEqualTo("lu");
    assertThat(lastValue(reminders, "segment")).isEqualTo(segment).isNotNull();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_varinst where proc_inst_id_ = ? and name_ in ('debtorName', 'daysOverdue')",
                Integer.class,
                reminders))
        .isEqualTo(2);
  }

  /** The last value history keeps of a variable, as text (text or whole number). */
  String lastValue(String processInstance, String name) {
    return jdbc.queryForObject(
        "select coalesce(text_, cast(long_ as varchar(40))) from act_hi_varinst where proc_inst_id_ = ? and name_ = ?",
        String.class,
        processInstance,
        name);
  }
}

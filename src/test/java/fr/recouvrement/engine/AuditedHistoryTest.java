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
}

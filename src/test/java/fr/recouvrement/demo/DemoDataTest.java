package fr.recouvrement.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.IntegrationTest;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Demo data is off in tests (application-test.yaml); this runs the seeding by hand, twice, in the
 * shared context, then removes the demo users again (the demo case stays: a case is never deleted).
 */
@IntegrationTest
class DemoDataTest {
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired CaseService cases;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void removeDemoUsers() {
    for (DemoData.DemoUser user : DemoData.USERS) {
      identityService.deleteUser(user.id());
    }
  }

  @Test
  void seedingTwiceCreatesOneUserPerGroupAndOneCaseOnce() {
    DemoData demo = new DemoData(identityService, cases, jdbc);

    demo.run(null);
    demo.run(null);

    assertThat(identityService.checkPassword("collecteur", "demo")).isTrue();
    assertThat(groupsOf("superviseur")).containsExactlyInAnyOrder("supervisors", "collectors");
    assertThat(groupsOf("analyste")).containsExactly("analysts");
    assertThat(groupsOf("auditeur")).containsExactly("auditors");

    List<Map<String, Object>> demoCases =
        jdbc.queryForList(
            "select c.reference from collection_case c join debtor d on d.id = c.debtor_id where d.external_id = ?",
            DemoData.DEBTOR_ID);
    assertThat(demoCases).hasSize(1);
    String reference = (String) demoCases.get(0).get("reference");
    var view = cases.get(reference);
    assertThat(view.debtor().name()).isEqualTo("Boulangerie Martin SARL");
    assertThat(view.debtor().siren()).isEqualTo("552100554");
    LocalDate today = CaseClock.today();
    assertThat(view.invoices())
        .extracting(i -> i.dueDate())
        .containsExactly(today.minusDays(40), today.minusDays(20));
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(reference)
                .processDefinitionKey(CaseService.PROCESS_KEY)
                .count())
        .isEqualTo(1);
  }

  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
  }
}

package fr.recouvrement.tasklist;

import static fr.recouvrement.cases.CaseFixtures.consumerCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.ProcessDriver;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.security.TestUsers;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a collector's task carries once the engine has created it: its priority and its French card.
 */
@IntegrationTest
class TaskAgendaTest {
  static final String CALL = "Appeler le débiteur";
  static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired TaskAgendaBackfill backfill;

  @org.junit.jupiter.api.BeforeEach
  void smsProvider() {
    TasklistBrowserTest.twilioAccepts();
  }

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  record Seeded(String reference, Task call, LocalDate due, String invoice) {}

  @Test
  void theCallOfTheLargestDebtHasTheHighestPriorityAndItsCardIsInFrench() {
    Seeded large = seedAtItsCall("Agence Durand", "49229.44");
    Seeded medium = seedAtItsCall("Atelier Morel", "12480.00");
    Seeded small = seedAtItsCall("Café Lambert", "3727.19");

    assertThat(large.call().getPriority()).isGreaterThan(medium.call().getPriority());
    assertThat(medium.call().getPriority()).isGreaterThan(small.call().getPriority());

    Map<String, Object> card = tasks.getVariablesLocal(large.call().getId());
    assertThat(card.get(TaskAgenda.DEBTOR)).isEqualTo("Agence Durand");
    // a consumer owes no late penalty before a formal notice: the balance is the invoice
    assertThat(card.get(TaskAgenda.AMOUNT)).isEqualTo("49\u00a0229,44\u00a0€");
    LocalDate createdOn =
        LocalDate.ofInstant(large.call().getCreateTime().toInstant(), CaseClock.PARIS);
    long overdue = ChronoUnit.DAYS.between(large.due(), createdOn);
    assertThat(card.get(TaskAgenda.DAYS_OVERDUE)).isEqualTo((int) overdue);
    JsonNode view = admin().get("/api/cases/" + large.reference()).json();
    LocalDate prescription = LocalDate.parse(view.get("prescriptionDate").asText());
    assertThat(card.get(TaskAgenda.NEXT_DEADLINE))
        .isEqualTo(prescription.format(FRENCH_DATE) + " (prescription)");
    // the priority is the table's, for the facts on the card
    long toDeadline = ChronoUnit.DAYS.between(createdOn, prescription);
    assertThat(large.call().getPriority())
        .isEqualTo(
            TaskPriorityDecisionTest.priority(
                49229.44, (int) overdue, view.get("segment").asText(), (int) toDeadline))
        .isEqualTo(card.get(TaskAgenda.PRIORITY));

    String header = (String) card.get(TaskAgenda.CONTEXT);
    assertThat(header)
        .contains(
            "Agence Durand",
            "49\u00a0229,44\u00a0€",
            overdue + "\u00a0jours",
            "href=\"tel:+33612345678\"",
            "06 12 34 56 78",
            "href=\"/app/cases/" + large.reference() + "\"",
            "Gros enjeu")
        .doesNotContain("GROS_ENJEU", "49229.44");
    assertThat((String) card.get(TaskAgenda.INVOICES))
        .contains(
            "| " + large.invoice(),
            large.due().format(FRENCH_DATE),
            "49\u00a0229,44\u00a0€",
            overdue + "\u00a0jours");
    assertThat((String) card.get(TaskAgenda.PROMISES)).isEqualTo("Aucune promesse de paiement.");
    assertThat(card.get(TaskAgenda.APPROVAL)).isEqualTo(false);
  }

  @Test
  void theSupervisorsApprovalOfAPlanIsMarkedAsAFourEyesApprovalAndTheNegotiationIsNot() {
    Seeded seeded = seedAtItsCall("Garage Petit", "2400.00");
    ProcessDriver driver = new ProcessDriver(engine, instance(seeded.reference()));
    TestUsers.ensureAll(identity);
    tasks.complete(seeded.call().getId(), Map.of("callOutcome", "PAYMENT_PLAN"));
    driver.settle();
    Task negotiation = driver.task();
    assertThat(tasks.getVariableLocal(negotiation.getId(), TaskAgenda.APPROVAL)).isEqualTo(false);
    identity.setAuthentication(
        TestUsers.COLLECTOR, java.util.List.of(fr.recouvrement.security.GroupIds.COLLECTORS));
    try {
      tasks.complete(
          negotiation.getId(),
          Map.of(
              "debtorRefuses",
              false,
              "instalmentCount",
              10,
              "frequency",
              "MONTHLY",
              "firstInstalmentDate",
              LocalDate.now(CaseClock.PARIS).plusDays(15).toString(),
              "downPayment",
              0.0));
    } finally {
      identity.clearAuthentication();
    }
    driver.settle();
    Task approval = driver.task();
    assertThat(approval.getName()).isEqualTo("Approuver l'échéancier");
    assertThat(tasks.getVariableLocal(approval.getId(), TaskAgenda.APPROVAL)).isEqualTo(true);
    assertThat((String) tasks.getVariableLocal(approval.getId(), TaskAgenda.CONTEXT))
        .contains("Garage Petit", "2\u00a0400,00\u00a0€");
  }

  @Test
  void aTaskCreatedBeforeTheAgendaExistedGetsItsCardOnceAtTheNextStart() {
    Seeded seeded = seedAtItsCall("Maison Roux", "2400.00");
    String id = seeded.call().getId();
    Map<String, Object> card = tasks.getVariablesLocal(id);
    // as the engine left it before the upgrade: no agenda variable, the default priority
    tasks.removeVariablesLocal(id, card.keySet());
    tasks.setPriority(id, 50);

    assertThat(backfill.backfill()).isGreaterThanOrEqualTo(1);

    // prepared as of today (the task was created on a day the test's clock had moved to)
    Map<String, Object> again = tasks.getVariablesLocal(id);
    assertThat(again).containsOnlyKeys(card.keySet());
    assertThat(again.get(TaskAgenda.APPROVAL)).isEqualTo(false);
    assertThat(again.get(TaskAgenda.DEBTOR)).isEqualTo("Maison Roux");
    assertThat(again.get(TaskAgenda.AMOUNT)).isEqualTo("2\u00a0400,00\u00a0€");
    assertThat(tasks.createTaskQuery().taskId(id).singleResult().getPriority())
        .isEqualTo(again.get(TaskAgenda.PRIORITY));
    // done once: the next start finds nothing to do
    assertThat(backfill.backfill()).isZero();
  }

  private Seeded seedAtItsCall(String name, String amount) {
    LocalDate due = LocalDate.now(CaseClock.PARIS).minusDays(3);
    String debtor = newDebtorId();
    String json =
        consumerCase(debtor, "F-" + debtor, amount, due).replace("Boulangerie Martin SARL", name);
    ApiClient.Response opened = admin().postJson("/api/cases", json);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String reference = opened.json().get("reference").asText();
    Task call =
        new ProcessDriver(engine, opened.json().get("processInstanceId").asText())
            .advanceUntilTask(CALL);
    ClockUtil.reset();
    return new Seeded(reference, call, due, "F-" + debtor);
  }

  private String instance(String reference) {
    return admin().get("/api/cases/" + reference).json().get("processInstanceId").asText();
  }

  private ApiClient admin() {
    return new ApiClient(port, "admin", "admin-test");
  }
}

package fr.recouvrement.dispute;

import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.security.GroupIds;
import fr.recouvrement.security.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dispute process with its real delegates: a credit note lowers the case balance, a rejection
 * records the reason, and either way the invoices are chased again.
 */
@IntegrationTest
class DisputeResolutionTest {
  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired fr.recouvrement.channel.DocumentStore documents;

  ApiClient api;
  final LocalDate today = LocalDate.now(CaseClock.PARIS);

  @BeforeEach
  void client() {
    api = new ApiClient(port, "admin", "admin-test");
  }

  record Disputed(String reference, long disputeId, ProcessInstance process) {}

  /**
   * A consumer case (no penalties) with A 1,000.00 and B 500.00; A disputed, its dispute process
   * started.
   */
  Disputed disputeInvoiceA() {
    Response opened =
        api.postJson(
            "/api/cases",
            caseJson(
                newDebtorId(),
                "CONSUMER",
                "",
                invoice("F-A", today.minusDays(40), today.minusDays(10), "1000.00"),
                invoice("F-B", today.minusDays(40), today.minusDays(10), "500.00")));
    String reference = opened.json().get("reference").asText();
    Response raised =
        api.postJson(
            "/api/cases/" + reference + "/disputes",
            """
        {"category": "COMMERCIAL", "invoiceNumbers": ["F-A"], "comment": "Prix non conforme au devis"}""");
    assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
    long disputeId = raised.json().get("id").asLong();
    // what collection-case's call activity will do
    ProcessInstance process =
        runtimeService.startProcessInstanceByKey(
            "dispute", reference, Map.of("caseReference", reference, "disputeId", disputeId));
    return new Disputed(reference, disputeId, process);
  }

  Task investigation(Disputed d) {
    return taskService
        .createTaskQuery()
        .processInstanceId(d.process().getId())
        .taskDefinitionKey("Task_InvestigateDispute")
        .singleResult();
  }

  /** The decision, taken by a collector other than who raised the dispute (four eyes). */
  void decide(String taskId, Map<String, Object> outcome) {
    identityService.setAuthentication(TestUsers.COLLECTOR, List.of(GroupIds.COLLECTORS));
    try {
      taskService.complete(taskId, outcome);
    } finally {
      identityService.clearAuthentication();
    }
  }

  JsonNode invoiceA(String reference) {
    for (JsonNode i : api.get("/api/cases/" + reference).json().get("invoices")) {
      if (i.get("number").asText().equals("F-A")) {
        return i;
      }
    }
    throw new AssertionError("no F-A");
  }

  @Test
  void aCreditNoteLowersTheCaseBalanceAndReleasesTheInvoice() {
    Disputed d = disputeInvoiceA();
    Task task = investigation(d);
    assertThat(task.getName()).isEqualTo("Instruire la contestation");
    assertThat(taskService.getVariable(task.getId(), "disputedAmount")).isEqualTo(1000.0);
    assertThat(taskService.getVariable(task.getId(), "disputedInvoices")).isEqualTo("F-A");
    assertThat(taskService.getVariable(task.getId(), "balance")).isEqualTo(1500.0);

    decide(
        task.getId(),
        Map.of(
            "disputeOutcome",
            "CREDIT_NOTE",
            "creditNoteNumber",
            "AV-2026-0007",
            "creditNoteAmount",
            300.0));

    JsonNode c = api.get("/api/cases/" + d.reference()).json();
    assertThat(c.get("balance").decimalValue()).isEqualByComparingTo("1200.00");
    assertThat(c.get("principal").decimalValue()).isEqualByComparingTo("1200.00");
    JsonNode a = invoiceA(d.reference());
    assertThat(a.get("credited").decimalValue()).isEqualByComparingTo("300.00");
    assertThat(a.get("outstanding").decimalValue()).isEqualByComparingTo("700.00");
    assertThat(a.get("disputed").asBoolean()).isFalse();
    assertThat(
            jdbc.queryForMap(
                "select status, outcome, credit_note_number, credited_amount from dispute where id = ?",
                d.disputeId()))
        .containsEntry("STATUS", "RESOLVED")
        .containsEntry("OUTCOME", "CREDIT_NOTE")
        .containsEntry("CREDIT_NOTE_NUMBER", "AV-2026-0007");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(d.process().getId())
                .count())
        .isZero();
  }

  @Test
  void aPartialAcceptanceCannotCreditMoreThanTheDisputedInvoicesOwe() {
    Disputed d = disputeInvoiceA();
    Task task = investigation(d);

    assertThatThrownBy(
            () ->
                decide(
                    task.getId(), Map.of("disputeOutcome", "PARTIAL", "acceptedAmount", 1000.01)))
        .hasMessageContaining("1000.00");
    assertThat(api.get("/api/cases/" + d.reference()).json().get("balance").decimalValue())
        .isEqualByComparingTo("1500.00");

    decide(task.getId(), Map.of("disputeOutcome", "PARTIAL", "acceptedAmount", 1000.00));
    assertThat(api.get("/api/cases/" + d.reference()).json().get("balance").decimalValue())
        .isEqualByComparingTo("500.00");
  }

  @Test
  void aRejectionRecordsTheReasonAndRemindersChaseTheInvoiceAgain() {
    Disputed d = disputeInvoiceA();

    decide(
        investigation(d).getId(),
        Map.of(
            "disputeOutcome", "REJECTED", "rejectionReason", "Le prix est celui du devis signé"));
    Job notify =
        managementService.createJobQuery().processInstanceId(d.process().getId()).singleResult();
    managementService.executeJob(notify.getId());

    assertThat(
            jdbc.queryForMap(
                "select status, outcome, rejection_reason from dispute where id = ?",
                d.disputeId()))
        .containsEntry("STATUS", "RESOLVED")
        .containsEntry("OUTCOME", "REJECTED")
        .containsEntry("REJECTION_REASON", "Le prix est celui du devis signé");
    // the reason went to the debtor by email, traced like every contact
    assertThat(
            jdbc.queryForMap(
                "select m.channel, m.recipient, m.status from communication m join collection_case c on c.id = m.case_id"
                    + " where c.reference = ? and m.template = 'contestation-rejetee'",
                d.reference()))
        .containsEntry("CHANNEL", "EMAIL")
        .containsEntry("RECIPIENT", "compta@martin.example")
        .containsEntry("STATUS", "SENT");
    JsonNode a = invoiceA(d.reference());
    assertThat(a.get("disputed").asBoolean()).isFalse();
    assertThat(a.get("credited").decimalValue()).isEqualByComparingTo("0");
    assertThat(api.get("/api/cases/" + d.reference()).json().get("balance").decimalValue())
        .isEqualByComparingTo("1500.00");
  }

  static String words(String text) {
    return text.replace('\u00a0', ' ').replaceAll("\\s+", " ");
  }

  void reject(Disputed d) {
    decide(
        investigation(d).getId(),
        Map.of(
            "disputeOutcome", "REJECTED", "rejectionReason", "Le prix est celui du devis signé"));
    Job notify =
        managementService.createJobQuery().processInstanceId(d.process().getId()).singleResult();
    managementService.executeJob(notify.getId());
  }

  @Test
  void aConsumersRejectedDisputeIsAnsweredByEmailNamingTheCreditorsConsumerMediator()
      throws Exception {
    Disputed d = disputeInvoiceA();
    reject(d);

    jakarta.mail.internet.MimeMessage mail =
        java.util.Arrays.stream(fr.recouvrement.TestServers.greenMail().getReceivedMessages())
            .filter(
                m -> {
                  try {
                    return m.getSubject().contains(d.reference());
                  } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .findFirst()
            .orElseThrow();
    jakarta.mail.Multipart parts = (jakarta.mail.Multipart) mail.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      String body = words(((String) parts.getBodyPart(i).getContent()).replaceAll("<[^>]+>", " "));
      // recouvrement.creditor.mediator.* of application.yaml: only the consumer refers to the
      // mediator (L616-1)
      assertThat(body)
          .contains(
              "Le prix est celui du devis signé",
              "médiateur de la consommation",
              "Médiation Démo Consommation",
              "12 rue du Médiateur, 75008 Paris",
              "https://www.mediateur-demo.example",
              "L616-1",
              "Vous seul pouvez le saisir");
    }
  }

  @Test
  void aConsumerWithoutEmailGetsTheRejectionByLetterNamingTheMediator() throws Exception {
    fr.recouvrement.TestServers.acceptSmsAndLetters("1A0000000R001");
    Response opened =
        api.postJson(
            "/api/cases",
            """
        {"debtor": {"externalId": "%s", "type": "CONSUMER", "name": "Jeanne Martin",
                    "address": {"line1": "3 rue des Lilas", "postalCode": "69003", "city": "Lyon", "country": "FR"}},
         "invoices": [%s]}"""
                .formatted(
                    newDebtorId(),
                    invoice("F-A", today.minusDays(40), today.minusDays(10), "1000.00")));
    String reference = opened.json().get("reference").asText();
    long disputeId =
        api.postJson(
                "/api/cases/" + reference + "/disputes",
                """
        {"category": "COMMERCIAL", "invoiceNumbers": ["F-A"], "comment": "Prix non conforme au devis"}""")
            .json()
            .get("id")
            .asLong();
    ProcessInstance process =
        runtimeService.startProcessInstanceByKey(
            "dispute", reference, Map.of("caseReference", reference, "disputeId", disputeId));
    reject(new Disputed(reference, disputeId, process));

    fr.recouvrement.channel.DocumentStore.Document letter =
        documents.ofCase(reference).stream()
            .filter(doc -> doc.kind().equals("DISPUTE_REJECTION"))
            .findFirst()
            .orElseThrow();
    String text;
    try (org.apache.pdfbox.pdmodel.PDDocument pdf =
        org.apache.pdfbox.Loader.loadPDF(documents.content(letter))) {
      text = words(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf));
    }
    assertThat(text)
        .contains(
            "Jeanne Martin",
            "3 rue des Lilas",
            "F-A",
            "Le prix est celui du devis signé",
            "Médiation Démo Consommation",
            "12 rue du Médiateur",
            "L616-1");
    // posted by the provider: no collector's task, the dispute is resolved
    assertThat(
            jdbc.queryForMap(
                "select m.channel, m.status from communication m join collection_case c on c.id = m.case_id"
                    + " where c.reference = ? and m.template = 'contestation-rejetee'",
                reference))
        .containsEntry("CHANNEL", "LETTER")
        .containsEntry("STATUS", "SENT");
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(process.getId()).count())
        .isZero();
  }
}

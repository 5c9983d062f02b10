package fr.recouvrement;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static fr.recouvrement.cases.CaseFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.security.GroupIds;
import fr.recouvrement.security.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whole cases through the shipped models, the real delegates, GreenMail and WireMock: the clock
 * moves from one timer to the next as the job executor would see time pass.
 */
@IntegrationTest
class AmicableScenarioTest extends CaseScenario {
  static final String TWILIO_MESSAGES = TestServers.TWILIO_MESSAGES;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port, "admin", "admin-test");
    TestServers.reset();
    TestServers.acceptSmsAndLetters("1A0000000A001");
  }

  @Test
  void aBusinessCaseGoesFromTheCourtesyEmailThroughAPromiseToPaid() throws Exception {
    at("2026-03-02T09:00"); // a Monday, two days before the due date
    reference =
        open(
            "BUSINESS",
            "\"siren\": \"552100554\",",
            invoice("F-S1", LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 4), "1850.00"));
    runDue();
    assertThat(mails()).hasSize(1);
    assertThat(text(mails()[0])).contains(reference);

    // J+3 falls on Saturday 7 March: the email waits for Monday 08:00
    assertThat(nextTimer()).isEqualTo(paris("2026-03-09T08:00"));
    advance();
    assertThat(mails()).hasSize(2);
    String second = text(mails()[1]);
    assertThat(second).contains("F-S1").containsIgnoringCase("indemnit").contains("40,00");

    // J+10 is Saturday 14 March: the SMS waits for Monday 10:00, the start of the allowed hours
    assertThat(nextTimer()).isEqualTo(paris("2026-03-16T10:00"));
    advance();
    assertThat(TestServers.wireMock().findAll(postRequestedFor(urlEqualTo(TWILIO_MESSAGES))))
        .hasSize(1);

    at("2026-03-17T15:00");
    JsonNode partial =
        api.postJson(
                "/api/cases/" + reference + "/payments",
                payment("600.00", LocalDate.of(2026, 3, 17), "VIR-S1"))
            .json();
    assertThat(partial.get("status").asText()).isEqualTo("AMICABLE");
    assertThat(
            jdbc.queryForObject(
                "select last_acknowledged_on from collection_case where reference = ?",
                LocalDate.class,
                reference))
        .isEqualTo(LocalDate.of(2026, 3, 17));

    // J+15: a collector calls; the debtor promises to pay the rest on 31 March
    assertThat(nextTimer()).isEqualTo(paris("2026-03-19T10:00"));
    advance();
    Task call = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
    assertThat(call.getName()).isEqualTo("Appeler le débiteur");
    tasks.complete(
        call.getId(),
        Map.of("callOutcome", "PROMISE", "promiseDate", "2026-03-31", "promiseAmount", 1300.0));
    runDue();
    assertThat(
            jdbc.queryForObject(
                "select p.status from promise p join collection_case c on c.id = p.case_id where c.reference = ?",
                String.class,
                reference))
        .isEqualTo("PENDING");
    assertThat(nextTimer())
        .isEqualTo(paris("2026-04-04T00:00")); // the promised day + 3 days of grace

    at("2026-03-30T11:00");
    JsonNode beforePaying = api.get("/api/cases/" + reference).json();
    String rest = beforePaying.get("balance").decimalValue().toPlainString();
    JsonNode paid =
        api.postJson(
                "/api/cases/" + reference + "/payments",
                payment(rest, LocalDate.of(2026, 3, 30), "VIR-S2"))
            .json();

    assertThat(paid.get("status").asText()).isEqualTo("PAID");
    assertThat(paid.get("balance").decimalValue()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
        .isZero();
    assertThat(channels()).containsExactly("EMAIL", "EMAIL", "SMS", "PHONE_CALL");
  }

  @Test
  void aConsumerNeverSeesPenaltiesNorTheFortyEuros() throws Exception {
    at("2026-03-02T09:00");
    reference =
        open(
            "CONSUMER",
            "",
            invoice("F-C1", LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 1), "420.00"));
    JsonNode c = api.get("/api/cases/" + reference).json();
    assertThat(c.get("penalties").decimalValue()).isZero();
    assertThat(c.get("balance").decimalValue()).isEqualByComparingTo("420.00");
    assertThat(c.get("invoices").get(0).get("recoveryIndemnity").decimalValue()).isZero();

    runDue();
    while (mails().length == 0 && nextTimer() != null) {
      advance();
    }
    String mail = text(mails()[0]);
    assertThat(mail).contains(reference).contains("420,00");
    assertThat(mail)
        .doesNotContainIgnoringCase("pénalit")
        .doesNotContainIgnoringCase("indemnit")
        .doesNotContain("40,00");
  }

  @Test
  void aDisputeRaisedOnThePhoneIsInvestigatedThenTheRemindersResume() throws Exception {
    at("2026-03-02T09:00");
    reference =
        open(
            "BUSINESS",
            "",
            invoice("F-D1", LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 19), "900.00"));
    runDue();
    while (tasks.createTaskQuery().processInstanceBusinessKey(reference).count() == 0) {
      advance();
    }
    Task call = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
    assertThat(call.getName()).isEqualTo("Appeler le débiteur");
    tasks.complete(
        call.getId(),
        Map.of(
            "callOutcome",
            "DISPUTE",
            "disputeCategory",
            "TECHNICAL",
            "callNotes",
            "Livraison incomplète"));
    runDue();

    JsonNode disputed = api.get("/api/cases/" + reference).json();
    assertThat(disputed.get("status").asText()).isEqualTo("DISPUTED");
    assertThat(disputed.get("invoices").get(0).get("disputed").asBoolean()).isTrue();
    Task investigation =
        tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
    assertThat(investigation.getName()).isEqualTo("Instruire la contestation");

    int mailsBefore = mails().length;
    // decided by a collector, identified (four eyes: not whoever recorded the dispute)
    engine
        .getIdentityService()
        .setAuthentication(TestUsers.COLLECTOR, List.of(GroupIds.COLLECTORS));
    try {
      tasks.complete(
          investigation.getId(),
          Map.of(
              "disputeOutcome",
              "REJECTED",
              "rejectionReason",
              "La livraison a été signée sans réserve."));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    runDue();
    JsonNode resumed = api.get("/api/cases/" + reference).json();
    assertThat(resumed.get("status").asText()).isEqualTo("AMICABLE");
    assertThat(resumed.get("invoices").get(0).get("disputed").asBoolean()).isFalse();
    assertThat(mails()).hasSize(mailsBefore + 1);
    assertThat(text(mails()[mailsBefore])).contains("La livraison a été signée sans réserve.");
    assertThat(nextTimer()).as("the cadence waits for its next step again").isNotNull();
  }

  // --- helpers

  private String open(String type, String extra, String invoice) {
    ApiClient.Response r =
        api.postJson("/api/cases", caseJson(newDebtorId(), type, extra, invoice));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("reference").asText();
  }

  private static MimeMessage[] mails() {
    return TestServers.greenMail().getReceivedMessages();
  }

  /** The decoded plain-text part of a mail (what a reader sees). */
  private static String text(MimeMessage message) throws Exception {
    return plain(message.getContent());
  }

  private static String plain(Object content) throws Exception {
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof jakarta.mail.Multipart multipart) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        jakarta.mail.BodyPart part = multipart.getBodyPart(i);
        if (part.isMimeType("text/plain") || part.isMimeType("multipart/*")) {
          all.append(plain(part.getContent()));
        }
      }
      return all.toString();
    }
    return "";
  }

  private List<String> channels() {
    return jdbc.queryForList(
        "select m.channel from communication m join collection_case c on c.id = m.case_id where c.reference = ? order by m.id",
        String.class,
        reference);
  }
}

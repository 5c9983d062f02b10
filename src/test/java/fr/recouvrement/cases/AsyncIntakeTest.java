package fr.recouvrement.cases;

import static fr.recouvrement.cases.CaseFixtures.businessCase;
import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.ApiClient.Response;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.ProcessDriver;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The asynchronous intake (issue 14): a CSV import and {@code POST /api/cases} with {@code Prefer:
 * respond-async} store the case and start its process at « Dossier importé », whose continuation
 * (segmentation, first reminder step) the job executor runs after the answer. The shared test
 * context runs with the job executor off: {@link ProcessDriver#settle()} plays its part.
 */
@IntegrationTest
class AsyncIntakeTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  ApiClient api;
  final LocalDate today = LocalDate.now(CaseClock.PARIS);

  @BeforeEach
  void client() {
    api = new ApiClient(port, "admin", "admin-test");
  }

  @Test
  void anImportedCaseWaitsForItsContinuationThenSettlesLikeACaseOpenedByTheApi() {
    // the same debtor profile and invoice both ways: business, 1,850.00 issued 30 days ago, due
    // today
    Response opened =
        api.postJson("/api/cases", businessCase(newDebtorId(), "F-1", "1850.00", today));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    JsonNode sync = opened.json();

    String imported = newDebtorId();
    Response r =
        api.post(
            "/api/cases/import",
            "text/csv",
            CsvImportApiTest.HEADER
                + imported
                + ",BUSINESS,Boulangerie Martin SARL,552100554,compta@martin.example,+33612345678,3 rue des Lilas,69003,Lyon,F-1,"
                + today.minusDays(30)
                + ","
                + today
                + ",1850.00\n");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().get("casesOpened").asInt()).isEqualTo(1);

    JsonNode before = caseOfDebtor(imported);
    assertThat(before.get("segment").isNull()).as(before.toString()).isTrue();
    assertThat(before.get("nextAction").get("what").asText()).isEqualTo("Segmentation en cours");
    String processId = before.get("processInstanceId").asText();
    assertThat(continuations(processId))
        .as("the import leaves one job per new case: the continuation after its start")
        .hasSize(1);

    new ProcessDriver(engine, processId).settle();

    JsonNode after = caseOfDebtor(imported);
    assertThat(after.get("segment").asText()).isEqualTo(sync.get("segment").asText());
    assertThat(after.get("nextAction").get("what").asText())
        .isEqualTo(sync.get("nextAction").get("what").asText())
        .isEqualTo("Envoyer un courriel de relance");
    assertThat(after.get("nextAction").get("due").asText())
        .isEqualTo(sync.get("nextAction").get("due").asText());
  }

  @Test
  void preferRespondAsyncAnswers202WithTheCaseAsStoredAndItsLocation() {
    String debtor = newDebtorId();
    Response r =
        api.postJson(
            "/api/cases",
            businessCase(debtor, "F-1", "1850.00", today),
            "Prefer",
            "respond-async, wait=5");

    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    String reference = r.json().get("reference").asText();
    assertThat(r.header("Location")).isEqualTo("/api/cases/" + reference);
    assertThat(r.header("Preference-Applied")).isEqualTo("respond-async");
    assertThat(r.json().get("balance").decimalValue()).isEqualByComparingTo("1850.00");
    assertThat(r.json().get("segment").isNull()).isTrue();
    assertThat(r.json().get("nextAction").get("what").asText()).isEqualTo("Segmentation en cours");

    JsonNode pending = api.get("/api/cases/" + reference).json();
    assertThat(pending.get("nextAction").get("what").asText()).isEqualTo("Segmentation en cours");

    new ProcessDriver(engine, pending.get("processInstanceId").asText()).settle();

    JsonNode settled = api.get("/api/cases/" + reference).json();
    assertThat(settled.get("segment").isNull()).as(settled.toString()).isFalse();
    assertThat(settled.get("nextAction").get("what").asText())
        .isEqualTo("Envoyer un courriel de relance");

    // an invoice added to the open case is not a new case: answered 200 as without the header
    Response added =
        api.postJson(
            "/api/cases",
            caseJson(
                debtor,
                "BUSINESS",
                "\"siren\": \"552100554\",",
                invoice("F-2", today.minusDays(20), today.plusDays(10), "100.00")),
            "Prefer",
            "respond-async");
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    assertThat(added.header("Preference-Applied")).isEmpty();
    assertThat(added.json().get("reference").asText()).isEqualTo(reference);
  }

  @Test
  void aContinuationWhoseRetriesRanOutIsAnIncidentOnTheCaseNotALostCase() {
    Response r =
        api.postJson(
            "/api/cases",
            businessCase(newDebtorId(), "F-1", "1850.00", today),
            "Prefer",
            "respond-async");
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    String reference = r.json().get("reference").asText();
    String processId = r.json().get("processInstanceId").asText();
    Job continuation = continuations(processId).get(0);

    // what the job executor does when the step failed on each of its tries
    engine.getManagementService().setJobRetries(continuation.getId(), 0);

    assertThat(
            engine
                .getRuntimeService()
                .createIncidentQuery()
                .processInstanceId(processId)
                .incidentType("failedJob")
                .count())
        .isEqualTo(1);
    assertThat(api.get("/api/cases/" + reference).json().get("nextAction").get("what").asText())
        .isEqualTo("Ouverture bloquée : incident à traiter dans Cockpit (segmentation)");

    // an operator retries it in Cockpit: the case carries on from its start
    engine.getManagementService().setJobRetries(continuation.getId(), 1);
    new ProcessDriver(engine, processId).settle();
    JsonNode settled = api.get("/api/cases/" + reference).json();
    assertThat(settled.get("segment").isNull()).isFalse();
    assertThat(settled.get("nextAction").get("what").asText())
        .isEqualTo("Envoyer un courriel de relance");
  }

  @Test
  void otherPreferencesKeepTheSynchronousAnswer() {
    Response r =
        api.postJson(
            "/api/cases",
            businessCase(newDebtorId(), "F-1", "1850.00", today),
            "Prefer",
            "return=representation");

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().get("nextAction").get("what").asText())
        .isEqualTo("Envoyer un courriel de relance");
  }

  @Test
  void theDescriptionSaysHowToAskForTheAsynchronousAnswer() {
    JsonNode post = api.get("/api/openapi.json").json().get("paths").get("/api/cases").get("post");

    JsonNode accepted = post.get("responses").get("202");
    assertThat(accepted).as(post.toString()).isNotNull();
    assertThat(accepted.get("headers").has("Location")).isTrue();
    assertThat(accepted.get("content").toString()).as(post.toString()).contains("CaseView");
    assertThat(post.get("parameters").toString()).contains("Prefer").contains("respond-async");
  }

  private JsonNode caseOfDebtor(String externalId) {
    String reference =
        jdbc.queryForObject(
            "select c.reference from collection_case c join debtor d on d.id = c.debtor_id"
                + " where d.external_id = ?",
            String.class,
            externalId);
    Response r = api.get("/api/cases/" + reference);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private List<Job> continuations(String processInstanceId) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(processInstanceId)
        .messages()
        .list();
  }
}

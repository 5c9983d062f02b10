package fr.recouvrement.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static fr.recouvrement.channel.ChannelFixtures.DONE;
import static fr.recouvrement.channel.ChannelFixtures.LETTER_PROCESS;
import static fr.recouvrement.channel.ChannelFixtures.invoice;
import static fr.recouvrement.channel.ChannelFixtures.job;
import static fr.recouvrement.channel.ChannelFixtures.open;
import static fr.recouvrement.channel.ChannelFixtures.request;
import static fr.recouvrement.channel.ChannelFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.TestServers;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.cases.OpenCaseRequest;
import fr.recouvrement.channel.DocumentStore.Document;
import fr.recouvrement.kernel.format.Formats;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * "prepareReminderLetter" then "sendLetterByPost", as jobs of a real engine: the PDF stored and
 * recorded, then posted once to the postal provider played by WireMock.
 */
@IntegrationTest
class ReminderLetterTest extends ChannelStepTest {
  static final String LETTERS = TestServers.POSTAL_PATH + "/letters";

  @Autowired CaseService cases;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired CommunicationLog log;
  @Autowired DocumentStore documents;
  @Autowired ReminderLetters letters;
  @Autowired LetterPost post;
  @Autowired ObjectMapper json;

  @Value("${recouvrement.data-dir}")
  String dataDir;

  @Test
  void aLetterIsRenderedStoredWithItsHashThenPostedAsRegisteredMail() throws Exception {
    TestServers.wireMock().stubFor(post(urlEqualTo(LETTERS)).willReturn(accepted("1A00000000017")));
    String reference =
        open(
            api,
            request(
                "BUSINESS",
                "compta@martin.example",
                null,
                invoice("F-L1", 25, "1850.00"),
                invoice("F-L2", 4, "12.30")));
    String instance =
        start(
            runtime,
            LETTER_PROCESS,
            reference,
            4,
            "dernier-avis",
            "dernier-avis",
            Map.of("registeredLetter", true));

    management.executeJob(job(management, instance).getId());

    Long documentId = (Long) runtime.getVariable(instance, "letterDocumentId");
    assertThat(runtime.getVariable(instance, "postalGatewayConfigured")).isEqualTo(true);
    Document document = documents.find(documentId).orElseThrow();
    assertThat(document.caseReference()).isEqualTo(reference);
    assertThat(document.kind()).isEqualTo("REMINDER_LETTER");
    assertThat(document.template()).isEqualTo("dernier-avis");
    Path file = Path.of(dataDir).resolve(document.storagePath());
    assertThat(document.storagePath()).startsWith("documents/" + reference + "/").endsWith(".pdf");
    byte[] pdf = Files.readAllBytes(file);
    assertThat(fr.recouvrement.kernel.hash.Sha256.hex(pdf)).isEqualTo(document.sha256());
    assertThat(document.sizeBytes()).isEqualTo(pdf.length);
    CaseView view = cases.get(reference);
    BigDecimal total =
        view.invoices().stream()
            .map(i -> i.outstanding().add(i.latePenalty()).add(i.recoveryIndemnity()))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(ChannelTestData.plain(ReminderTemplatesTest.pdfText(pdf)))
        .contains(
            "Dernier avis avant mise en demeure",
            reference,
            "F-L1",
            "1 850,00 €",
            "F-L2",
            "12,30 €",
            "40,00 €")
        .contains(ChannelTestData.plain(Formats.INSTANCE.amount(total)))
        .contains("Boulangerie Martin SARL", "69003 Lyon", "FR76 3000 6000 0112 3456 7890 189");

    management.executeJob(job(management, instance).getId());

    List<LoggedRequest> requests =
        TestServers.wireMock().findAll(postRequestedFor(urlEqualTo(LETTERS)));
    assertThat(requests).hasSize(1);
    LoggedRequest sent = requests.get(0);
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + TestServers.POSTAL_API_KEY);
    JsonNode body = json.readTree(sent.getBodyAsString());
    String key = body.get("clientReference").asText();
    assertThat(key).startsWith(reference + "/" + instance + "/Task_SendLetter/4");
    assertThat(sent.getHeader("Idempotency-Key")).isEqualTo(key);
    assertThat(body.get("registered").asBoolean()).isTrue();
    assertThat(body.at("/recipient/name").asText()).isEqualTo("Boulangerie Martin SARL");
    assertThat(body.at("/recipient/line1").asText()).isEqualTo("3 rue des Lilas");
    assertThat(body.at("/recipient/postalCode").asText()).isEqualTo("69003");
    assertThat(body.at("/recipient/city").asText()).isEqualTo("Lyon");
    assertThat(body.at("/sender/name").asText()).isEqualTo("Démo Créancier SAS");
    assertThat(body.at("/document/sha256").asText()).isEqualTo(document.sha256());
    assertThat(Base64.getDecoder().decode(body.at("/document/base64").asText())).isEqualTo(pdf);

    assertThat(runtime.getVariable(instance, "postalTrackingId")).isEqualTo("1A00000000017");
    assertThat(runtime.getVariable(instance, "communicationStatus")).isEqualTo("SENT");
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(DONE);
    CommunicationLog.Entry row = onlyRow(reference);
    assertThat(row.channel()).isEqualTo(Channel.LETTER);
    assertThat(row.providerId()).isEqualTo("1A00000000017");
    assertThat(row.contentSha256()).isEqualTo(document.sha256());
    assertThat(row.recipient()).contains("Boulangerie Martin SARL", "69003 Lyon");
  }

  @Test
  void aRetriedPreparationReusesTheStoredLetter() {
    String reference = open(api, request("CONSUMER", null, null, invoice("F-L3", 25, "70.00")));
    ReminderStep step =
        new ReminderStep(
            reference, 1, "relance-courtoise", "courtois", reference + "/retry/Task_Step/1");

    Document first = letters.prepare(step).orElseThrow();
    Document again = letters.prepare(step).orElseThrow();

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(documents.ofCase(reference)).hasSize(1);
  }

  @Test
  void aPostalServerErrorThenASuccessMakesExactlyOneLetter() {
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(LETTERS))
                .inScenario("postal")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("maintenance"))
                .willSetStateTo("up"));
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(LETTERS))
                .inScenario("postal")
                .whenScenarioStateIs("up")
                .willReturn(accepted("1A00000000024")));
    String reference = open(api, request("CONSUMER", null, null, invoice("F-L4", 25, "70.00")));
    String instance = start(runtime, LETTER_PROCESS, reference, 1, "relance-ferme", "ferme");
    management.executeJob(job(management, instance).getId());

    assertThatThrownBy(() -> management.executeJob(job(management, instance).getId()))
        .hasStackTraceContaining("503");
    assertThat(onlyRow(reference).status()).isEqualTo(CommunicationStatus.FAILED);
    assertThat(job(management, instance).getRetries()).isEqualTo(2);

    management.executeJob(job(management, instance).getId());

    CommunicationLog.Entry row = onlyRow(reference);
    assertThat(row.status()).isEqualTo(CommunicationStatus.SENT);
    assertThat(row.providerId()).isEqualTo("1A00000000024");
    // the step once more, as a duplicate job would: no new mission
    Long documentId = (Long) runtime.getVariable(instance, "letterDocumentId");
    post.send(
        new ReminderStep(reference, 1, "relance-ferme", "ferme", row.idempotencyKey()),
        documentId,
        false);
    TestServers.wireMock().verify(2, postRequestedFor(urlEqualTo(LETTERS)));
    List<LoggedRequest> requests =
        TestServers.wireMock().findAll(postRequestedFor(urlEqualTo(LETTERS)));
    // both attempts carried the same client reference: the provider can tell a retry from a new
    // letter
    assertThat(requests)
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsOnly(row.idempotencyKey());
    assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).isEqualTo(1);
  }

  @Test
  void aPostalProviderSlowerThanTheReadTimeoutFailsTheStep() {
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(LETTERS))
                .willReturn(
                    accepted("1A00000000031")
                        .withFixedDelay(TestServers.POSTAL_READ_TIMEOUT_MS + 1500)));
    String reference = open(api, request("CONSUMER", null, null, invoice("F-L5", 25, "70.00")));
    String instance = start(runtime, LETTER_PROCESS, reference, 1, "relance-ferme", "ferme");
    management.executeJob(job(management, instance).getId());

    long started = System.nanoTime();
    assertThatThrownBy(() -> management.executeJob(job(management, instance).getId()))
        .hasStackTraceContaining("did not answer within");
    assertThat((System.nanoTime() - started) / 1_000_000)
        .isLessThan(TestServers.POSTAL_READ_TIMEOUT_MS + 1500);
    CommunicationLog.Entry row = onlyRow(reference);
    assertThat(row.status()).isEqualTo(CommunicationStatus.FAILED);
    assertThat(row.error()).contains("recouvrement.postal.read-timeout");
    assertThat(job(management, instance).getRetries()).isEqualTo(2);
  }

  @Test
  void aDebtorWithoutAddressFailsThePreparationSayingSo() {
    OpenCaseRequest noAddress =
        new OpenCaseRequest(
            new OpenCaseRequest.Debtor(
                fr.recouvrement.cases.CaseFixtures.newDebtorId(),
                "CONSUMER",
                "Jeanne Martin",
                null,
                "jeanne@martin.example",
                null,
                null),
            List.of(invoice("F-L6", 25, "70.00")));
    String reference = open(api, noAddress);
    String instance = start(runtime, LETTER_PROCESS, reference, 1, "relance-ferme", "ferme");

    assertThatThrownBy(() -> management.executeJob(job(management, instance).getId()))
        .hasStackTraceContaining("has no complete postal address");
    assertThat(documents.ofCase(reference)).isEmpty();
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder accepted(
      String trackingId) {
    return aResponse()
        .withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"trackingId\": \"" + trackingId + "\", \"status\": \"ACCEPTED\"}");
  }

  private CommunicationLog.Entry onlyRow(String reference) {
    List<CommunicationLog.Entry> rows = log.ofCase(reference);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }
}

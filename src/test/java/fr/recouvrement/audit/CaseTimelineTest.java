package fr.recouvrement.audit;

import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static fr.recouvrement.cases.CaseFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.TestServers;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.security.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case worked end to end through the shipped models, then read back as an auditor would: the
 * timeline (JSON and CSV) and the proofs of what was sent.
 */
@IntegrationTest
class CaseTimelineTest {
  static final String TWILIO_MESSAGES = TestServers.TWILIO_MESSAGES;
  static final String LETTERS = TestServers.POSTAL_LETTERS;
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  @Value("${recouvrement.data-dir}")
  String dataDir;

  ApiClient api;
  String reference;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port, "admin", "admin-test");
    TestServers.reset();
    TestServers.acceptSmsAndLetters("1A0000000T001");
    TestUsers.ensure(identity, TestUsers.COLLECTOR, "collectors");
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  void theTimelineOfAWorkedCaseHasEveryStepInOrderWithItsActor() throws Exception {
    at("2026-03-02T09:00");
    reference =
        open(
            "BUSINESS",
            "\"siren\": \"552100554\",",
            invoice("F-T1", LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 4), "1850.00"));
    runDue();
    advance(); // second email
    advance(); // SMS
    at("2026-03-17T15:00");
    assertThat(
            api.postJson(
                    "/api/cases/" + reference + "/payments",
                    payment("600.00", LocalDate.of(2026, 3, 17), "VIR-T1"))
                .status())
        .isEqualTo(201);
    advance(); // the call
    Task call = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
    identity.setAuthentication(TestUsers.COLLECTOR, List.of("collectors"));
    try {
      tasks.claim(call.getId(), TestUsers.COLLECTOR);
      tasks.complete(
          call.getId(),
          Map.of("callOutcome", "PROMISE", "promiseDate", "2026-03-31", "promiseAmount", 1300.0));
    } finally {
      identity.clearAuthentication();
    }
    runDue();

    // an administrator sets a variable by hand, as Cockpit does, through the engine's REST API
    at("2026-03-20T10:00");
    String root =
        jdbc.queryForObject(
            "select process_instance_id from collection_case where reference = ?",
            String.class,
            reference);
    ApiClient.Response set =
        api.putJson(
            "/engine-rest/process-instance/" + root + "/variables/auditNote",
            "{\"value\": \"rappel vérifié\", \"type\": \"String\"}");
    assertThat(set.status()).as(set.toString()).isEqualTo(204);

    at("2026-03-30T11:00");
    String rest =
        api.get("/api/cases/" + reference).json().get("balance").decimalValue().toPlainString();
    assertThat(
            api.postJson(
                    "/api/cases/" + reference + "/payments",
                    payment(rest, LocalDate.of(2026, 3, 30), "VIR-T2"))
                .json()
                .get("status")
                .asText())
        .isEqualTo("PAID");

    ApiClient.Response r = api.get("/api/cases/" + reference + "/timeline");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<JsonNode> events = StreamSupport.stream(r.json().spliterator(), false).toList();

    List<Instant> times = events.stream().map(e -> Instant.parse(e.get("at").asText())).toList();
    assertThat(times).isSortedAccordingTo(Comparator.naturalOrder());
    for (JsonNode e : events) {
      assertThat(e.fieldNames())
          .toIterable()
          .containsExactly("at", "type", "title", "actor", "details");
    }

    JsonNode caseStarted =
        first(
            events,
            e ->
                type(e, "PROCESS_STARTED")
                    && "collection-case".equals(e.at("/details/processDefinitionKey").asText()));
    assertThat(caseStarted.at("/details/processDefinitionVersion").isInt()).isTrue();
    assertThat(caseStarted.get("actor").asText()).isEqualTo("system");
    assertThat(events)
        .anyMatch(
            e ->
                type(e, "PROCESS_STARTED")
                    && "amicable-reminders".equals(e.at("/details/processDefinitionKey").asText()));

    JsonNode segment =
        first(
            events,
            e ->
                type(e, "DECISION")
                    && "debtor-segment".equals(e.at("/details/decisionKey").asText()));
    assertThat(segment.get("actor").asText()).isEqualTo("system");
    assertThat(segment.at("/details/decisionVersion").isInt()).isTrue();
    assertThat(segment.at("/details/inputs").size()).isPositive();
    assertThat(segment.at("/details/outputs").size()).isPositive();

    JsonNode opened = first(events, e -> type(e, "PHASE_CHANGED"));
    assertThat(opened.at("/details/status").asText()).isEqualTo("AMICABLE");
    assertThat(opened.get("actor").asText())
        .as("who opened the case through the API")
        .isEqualTo("admin");

    List<JsonNode> emails =
        all(
            events,
            e -> type(e, "COMMUNICATION") && "EMAIL".equals(e.at("/details/channel").asText()));
    assertThat(emails)
        .hasSize(2)
        .allSatisfy(
            m -> {
              assertThat(m.get("actor").asText()).isEqualTo("system");
              assertThat(m.at("/details/contentSha256").asText()).matches("[0-9a-f]{64}");
              assertThat(m.at("/details/status").asText()).isEqualTo("SENT");
              assertThat(m.at("/details/template").asText()).isNotBlank();
              assertThat(m.at("/details/documentId").isNull()).isTrue();
            });
    JsonNode emailStep =
        first(
            events,
            e ->
                type(e, "ACTIVITY")
                    && "Task_SendReminderEmail".equals(e.at("/details/activityId").asText()));
    assertThat(emailStep.get("actor").asText()).isEqualTo("system");
    assertThat(emailStep.at("/details/processDefinitionVersion").isInt()).isTrue();
    JsonNode sms =
        first(
            events,
            e -> type(e, "COMMUNICATION") && "SMS".equals(e.at("/details/channel").asText()));
    assertThat(sms.at("/details/providerId").asText()).isEqualTo("SM0001");

    JsonNode claimed = first(events, e -> type(e, "TASK_CLAIMED"));
    assertThat(claimed.get("actor").asText()).isEqualTo(TestUsers.COLLECTOR);
    JsonNode completed = first(events, e -> type(e, "TASK_COMPLETED"));
    assertThat(completed.get("actor").asText()).isEqualTo(TestUsers.COLLECTOR);
    assertThat(completed.at("/details/taskName").asText()).isEqualTo("Appeler le débiteur");
    assertThat(completed.at("/details/formData/callOutcome").asText()).isEqualTo("PROMISE");
    assertThat(completed.at("/details/formData/promiseDate").asText()).isEqualTo("2026-03-31");

    JsonNode manual =
        first(
            events,
            e ->
                type(e, "USER_OPERATION")
                    && "SetVariable".equals(e.at("/details/operationType").asText()));
    assertThat(manual.get("actor").asText()).isEqualTo("admin");
    assertThat(manual.at("/details/variables/auditNote").asText()).isEqualTo("rappel vérifié");
    JsonNode phoneCall =
        first(
            events,
            e ->
                type(e, "COMMUNICATION") && "PHONE_CALL".equals(e.at("/details/channel").asText()));
    assertThat(phoneCall.get("actor").asText()).isEqualTo(TestUsers.COLLECTOR);

    List<JsonNode> payments = all(events, e -> type(e, "PAYMENT"));
    assertThat(payments)
        .hasSize(2)
        .allSatisfy(p -> assertThat(p.get("actor").asText()).isEqualTo("admin"));
    assertThat(payments.get(0).at("/details/amount").decimalValue()).isEqualByComparingTo("600.00");

    JsonNode paid = last(events, e -> type(e, "PHASE_CHANGED"));
    assertThat(paid.at("/details/status").asText()).isEqualTo("PAID");
    assertThat(paid.at("/details/previousStatus").asText()).isEqualTo("AMICABLE");

    // the story in order
    assertThat(
            List.of(
                events.indexOf(caseStarted),
                events.indexOf(segment),
                events.indexOf(emails.get(0)),
                events.indexOf(emails.get(1)),
                events.indexOf(sms),
                events.indexOf(payments.get(0)),
                events.indexOf(claimed),
                events.indexOf(completed),
                events.indexOf(manual),
                events.indexOf(payments.get(1)),
                events.indexOf(paid)))
        .isSorted();
    assertThat(events.indexOf(opened)).isLessThan(events.indexOf(emails.get(0)));

    // CSV for programs (RFC 4180, details as JSON): the same rows, parsed back
    HttpResponse<String> csv =
        get("/api/cases/" + reference + "/timeline?format=csv&dialect=rfc4180", "application/json");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment")
        .contains("filename=\"" + reference + "-timeline.csv\"");
    List<List<String>> rows = parseCsv(csv.body());
    assertThat(rows.get(0)).containsExactly("at", "type", "title", "actor", "details");
    assertThat(rows).hasSize(events.size() + 1);
    List<String> completedRow = rows.get(events.indexOf(completed) + 1);
    assertThat(completedRow.get(1)).isEqualTo("TASK_COMPLETED");
    assertThat(completedRow.get(3)).isEqualTo(TestUsers.COLLECTOR);
    assertThat(JSON.readTree(completedRow.get(4)).at("/formData/callOutcome").asText())
        .isEqualTo("PROMISE");

    // CSV for French Excel, the default: BOM, ';', French headers, Paris time, one column per
    // detail
    HttpResponse<byte[]> excel = getBytes("/api/cases/" + reference + "/timeline?format=csv");
    assertThat(excel.statusCode()).isEqualTo(200);
    assertThat(excel.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/csv")
        .containsIgnoringCase("charset=UTF-8");
    byte[] bytes = excel.body();
    assertThat(java.util.Arrays.copyOf(bytes, 3))
        .as("UTF-8 byte-order mark")
        .containsExactly(0xEF, 0xBB, 0xBF);
    List<List<String>> french =
        parseCsv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), ';');
    assertThat(french).hasSize(events.size() + 1);
    List<String> header = french.get(0);
    assertThat(header.subList(0, 4))
        .containsExactly("Date et heure (Paris)", "Type", "Événement", "Acteur");
    assertThat(header)
        .contains("Saisie · callOutcome", "Montant (€)", "Canal", "Empreinte SHA-256");
    List<String> frenchCompleted = french.get(events.indexOf(completed) + 1);
    assertThat(frenchCompleted.get(1)).isEqualTo("Tâche terminée");
    assertThat(frenchCompleted.get(3)).isEqualTo(TestUsers.COLLECTOR);
    assertThat(frenchCompleted.get(header.indexOf("Saisie · callOutcome"))).isEqualTo("PROMISE");
    // the first payment was recorded at 2026-03-17 15:00 Paris (ClockUtil), 14:00 UTC: the file
    // says Paris time
    List<String> firstPayment = french.get(events.indexOf(payments.get(0)) + 1);
    assertThat(firstPayment.get(0))
        .isEqualTo(
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
                .format(
                    Instant.parse(payments.get(0).get("at").asText())
                        .atZone(java.time.ZoneId.of("Europe/Paris"))));
    assertThat(firstPayment.get(0)).startsWith("17/03/2026 15:00");
    assertThat(firstPayment.get(header.indexOf("Montant (€)"))).isEqualTo("600,00");
    assertThat(french).allSatisfy(row -> assertThat(row).noneMatch(cell -> cell.startsWith("{")));

    HttpResponse<String> byAccept = get("/api/cases/" + reference + "/timeline", "text/csv");
    assertThat(byAccept.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(parseCsv(byAccept.body().substring(1), ';')).hasSize(events.size() + 1);
    ApiClient.Response badDialect =
        api.get("/api/cases/" + reference + "/timeline?format=csv&dialect=excel-en");
    assertThat(badDialect.status()).isEqualTo(400);
    assertThat(badDialect.body()).contains("dialect");

    // the email as sent, and its proof; then someone edits the stored text
    long emailId = emails.get(0).at("/details/communicationId").asLong();
    JsonNode email = api.get("/api/communications/" + emailId).json();
    assertThat(email.get("content").asText()).contains(reference);
    JsonNode proof = api.get("/api/communications/" + emailId + "/verification").json();
    assertThat(proof.get("matches").asBoolean()).as(proof.toString()).isTrue();
    assertThat(proof.get("recordedSha256").asText())
        .isEqualTo(emails.get(0).at("/details/contentSha256").asText());
    jdbc.update("update communication set content = content || ' ' where id = ?", emailId);
    ApiClient.Response altered = api.get("/api/communications/" + emailId + "/verification");
    assertThat(altered.status()).isEqualTo(200);
    assertThat(altered.json().get("matches").asBoolean()).as(altered.toString()).isFalse();
    assertThat(altered.json().get("problem").asText()).contains("modifié");
  }

  @Test
  void aLetterAndItsPostingVerifyUntilTheFileIsAlteredThenRemoved() throws Exception {
    at("2026-03-02T09:00");
    reference =
        open(
            "CONSUMER",
            "",
            invoice("F-T2", LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 1), "420.00"),
            false);
    runDue();
    for (int i = 0; i < 12 && letters().isEmpty() && nextTimer() != null; i++) {
      advance();
    }
    JsonNode documents = api.get("/api/cases/" + reference + "/documents").json();
    assertThat(documents.size()).as(documents.toString()).isPositive();
    JsonNode document = documents.get(0);
    long id = document.get("id").asLong();
    assertThat(document.get("sha256").asText()).matches("[0-9a-f]{64}");
    assertThat(document.get("fileName").asText()).endsWith(".pdf");

    HttpResponse<byte[]> pdf =
        HttpClient.newHttpClient()
            .send(
                request("/api/documents/" + id, "*/*").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
    assertThat(pdf.headers().firstValue("X-Content-SHA256").orElse(""))
        .isEqualTo(fr.recouvrement.kernel.hash.Sha256.hex(pdf.body()));
    assertThat(pdf.headers().firstValue("X-Content-SHA256").orElse(""))
        .isEqualTo(document.get("sha256").asText());

    JsonNode ok = api.get("/api/documents/" + id + "/verification").json();
    assertThat(ok.get("matches").asBoolean()).as(ok.toString()).isTrue();
    List<Long> letters = letters();
    assertThat(letters).isNotEmpty();
    JsonNode letter = api.get("/api/communications/" + letters.get(0)).json();
    assertThat(letter.get("documentId").asLong()).isEqualTo(id);
    assertThat(
            api.get("/api/communications/" + letters.get(0) + "/verification")
                .json()
                .get("matches")
                .asBoolean())
        .isTrue();
    JsonNode timelineLetter =
        first(
            StreamSupport.stream(
                    api.get("/api/cases/" + reference + "/timeline").json().spliterator(), false)
                .toList(),
            e -> type(e, "DOCUMENT"));
    assertThat(timelineLetter.at("/details/sha256").asText())
        .isEqualTo(document.get("sha256").asText());

    Path file =
        Path.of(dataDir)
            .resolve("documents")
            .resolve(reference)
            .resolve(document.get("fileName").asText());
    Files.write(file, "%PDF-1.4 altered".getBytes(StandardCharsets.US_ASCII));
    JsonNode changed = api.get("/api/documents/" + id + "/verification").json();
    assertThat(changed.get("matches").asBoolean()).isFalse();
    assertThat(changed.get("storedSha256").asText())
        .isNotEqualTo(changed.get("recordedSha256").asText());
    assertThat(changed.get("problem").asText()).contains("modifié");
    assertThat(
            api.get("/api/communications/" + letters.get(0) + "/verification")
                .json()
                .get("matches")
                .asBoolean())
        .isFalse();
    ApiClient.Response refused = api.get("/api/documents/" + id);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");

    Files.delete(file);
    JsonNode vanished = api.get("/api/documents/" + id + "/verification").json();
    assertThat(vanished.get("matches").asBoolean()).isFalse();
    assertThat(vanished.get("storedSha256").isNull()).isTrue();
    assertThat(vanished.get("problem").asText()).contains("disparu");
  }

  @Test
  void anUnknownCaseOrProofIsAProblem() throws Exception {
    ApiClient.Response json = api.get("/api/cases/DOS-1999-999999/timeline");
    assertThat(json.status()).isEqualTo(404);
    assertThat(json.contentType()).startsWith("application/problem+json");
    HttpResponse<String> csv = get("/api/cases/DOS-1999-999999/timeline?format=csv", "text/csv");
    assertThat(csv.statusCode()).isEqualTo(404);
    assertThat(api.get("/api/cases/DOS-1999-999999/documents").status()).isEqualTo(404);
    assertThat(api.get("/api/documents/999999999").status()).isEqualTo(404);
    assertThat(api.get("/api/communications/999999999/verification").status()).isEqualTo(404);
    ApiClient.Response badFormat = api.get("/api/cases/DOS-1999-999999/timeline?format=xml");
    assertThat(badFormat.status()).isEqualTo(400);
    assertThat(badFormat.body()).contains("format");
  }

  // --- helpers

  private static boolean type(JsonNode e, String type) {
    return type.equals(e.get("type").asText());
  }

  private static JsonNode first(List<JsonNode> events, java.util.function.Predicate<JsonNode> p) {
    return events.stream()
        .filter(p)
        .findFirst()
        .orElseThrow(() -> new AssertionError("No such event in " + events));
  }

  private static JsonNode last(List<JsonNode> events, java.util.function.Predicate<JsonNode> p) {
    List<JsonNode> all = all(events, p);
    assertThat(all).isNotEmpty();
    return all.get(all.size() - 1);
  }

  private static List<JsonNode> all(
      List<JsonNode> events, java.util.function.Predicate<JsonNode> p) {
    return events.stream().filter(p).toList();
  }

  private List<Long> letters() {
    return jdbc.queryForList(
        "select m.id from communication m join collection_case c on c.id = m.case_id where c.reference = ? and m.channel = 'LETTER' order by m.id",
        Long.class,
        reference);
  }

  private HttpRequest.Builder request(String path, String accept) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", accept)
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("admin:admin-test".getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            request(path, accept).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<byte[]> getBytes(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(request(path, "*/*").build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static List<List<String>> parseCsv(String text) {
    return parseCsv(text, ',');
  }

  /**
   * RFC 4180: quoted fields may hold the separator, doubled quotes and line breaks; records end
   * with CRLF.
   */
  static List<List<String>> parseCsv(String text, char separator) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == separator) {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    assertThat(field.length()).as("the last record ends with CRLF").isZero();
    assertThat(row).isEmpty();
    return rows;
  }

  private String open(String type, String extra, String invoice) {
    return open(type, extra, invoice, true);
  }

  /** A debtor with email and phone, or (contacts=false) one reachable only by post. */
  private String open(String type, String extra, String invoice, boolean contacts) {
    String json = caseJson(newDebtorId(), type, extra, invoice);
    if (!contacts) {
      json =
          json.replaceAll("\"email\"\\s*:\\s*\"[^\"]*\"\\s*,", "")
              .replaceAll("\"phone\"\\s*:\\s*\"[^\"]*\"\\s*,", "");
    }
    ApiClient.Response r = api.postJson("/api/cases", json);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    if (!contacts) {
      assertThat(
              r.json().at("/debtor/email").isMissingNode() || r.json().at("/debtor/email").isNull())
          .as(r.toString())
          .isTrue();
    }
    return r.json().get("reference").asText();
  }

  private static void at(String dateTime) {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse(dateTime).atZone(CaseClock.PARIS).toInstant()));
  }

  private Set<String> instances() {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(reference)
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .collect(Collectors.toCollection(HashSet::new));
  }

  private List<Job> jobs() {
    Set<String> ids = instances();
    return ids.isEmpty()
        ? List.of()
        : management.createJobQuery().processInstanceIds(ids).active().list();
  }

  /**
   * Runs what the job executor would run now (the case's prescription timers, years away, are never
   * due here).
   */
  private void runDue() {
    for (int i = 0; i < 50; i++) {
      Date now = ClockUtil.getCurrentTime();
      Job due =
          jobs().stream()
              .filter(j -> j.getDuedate() == null || !j.getDuedate().after(now))
              .findFirst()
              .orElse(null);
      if (due == null) {
        return;
      }
      management.executeJob(due.getId());
    }
    throw new AssertionError("jobs of " + reference + " keep coming");
  }

  private Date nextTimer() {
    return jobs().stream()
        .map(Job::getDuedate)
        .filter(d -> d != null)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }

  private void advance() {
    ClockUtil.setCurrentTime(nextTimer());
    runDue();
  }
}

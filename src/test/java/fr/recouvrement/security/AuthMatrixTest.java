package fr.recouvrement.security;

import static fr.recouvrement.cases.CaseFixtures.businessCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static fr.recouvrement.cases.CaseFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.IntegrationTest;
import fr.recouvrement.kernel.time.CaseClock;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what, over HTTP, for every family of endpoints: anonymous and one user per group (the
 * administrator is {@code camunda-admin}). One row per family, one column per caller, the status
 * each one gets; docs/security.md says the same in words.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthMatrixTest {
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "admin-test";
  static final String PREFIX = "auth-matrix-";
  static final String TASK_PROCESS = "auth-matrix-task";

  static final List<String> CALLERS =
      List.of(
          "anonymous",
          TestUsers.COLLECTOR,
          TestUsers.SUPERVISOR,
          TestUsers.ANALYST,
          TestUsers.AUDITOR,
          ADMIN);

  /**
   * family: what is called. 302 = sent to the login form; 404 = the engine hides what the caller
   * may not read.
   */
  static final String MATRIX =
      """
      family           anonymous collector supervisor analyst auditor admin
      api-cases-read         401       200        200     200     200   200
      api-cases-open         401       201        201     403     403   201
      api-payments           401       201        201     403     403   201
      api-import             401       200        200     403     403   200
      api-kpis               401       200        200     200     200   200
      api-audit-timeline     401       200        200     200     200   200
      api-callback-unsigned  401       401        401     401     401   401
      engine-read            401       200        200     200     200   200
      engine-history         401       404        200     200     200   200
      engine-complete-task   401       204        204     403     403   204
      engine-set-variable    401       403        403     403     403   204
      engine-deploy          401       403        403     200     403   200
      engine-delete          401       403        403     403     403   204
      app-pages              302       200        200     200     200   200
      webapp-tasklist        401       200        200     200     403   200
      webapp-cockpit         401       403        200     200     200   200
      webapp-admin           401       403        403     403     403   200
      """;

  static Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();
    List<String> lines = MATRIX.strip().lines().toList();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.trim().split("\\s+");
      for (int i = 0; i < CALLERS.size(); i++) {
        rows.add(Arguments.of(cells[0], CALLERS.get(i), Integer.parseInt(cells[i + 1])));
      }
    }
    return rows.stream();
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private final AtomicInteger sequence = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  String reference;

  @BeforeAll
  void fixtures() throws Exception {
    TestUsers.ensureAll(identity);
    repository
        .createDeployment()
        .name(PREFIX + "task")
        .addModelInstance("task.bpmn", EngineRestAuthorizationTest.taskProcess(TASK_PROCESS))
        .deploy();
    LocalDate due = LocalDate.now(CaseClock.PARIS).minusDays(3);
    Call opened =
        call(
            ADMIN,
            "POST",
            "/api/cases",
            "application/json",
            businessCase(newDebtorId(), "F-MATRIX-1", "10000.00", due));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    Matcher m = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"").matcher(opened.body());
    assertThat(m.find()).isTrue();
    reference = m.group(1);
  }

  @AfterAll
  void removeDeployments() {
    for (Deployment d :
        repository.createDeploymentQuery().deploymentNameLike(PREFIX + "%").list()) {
      repository.deleteDeployment(d.getId(), true);
    }
  }

  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @MethodSource("matrix")
  void eachCallerGetsWhatTheMatrixSays(String family, String caller, int expected)
      throws Exception {
    Call r = perform(family, caller);

    assertThat(r.status()).as(family + " as " + caller + ": " + r.body()).isEqualTo(expected);
  }

  Call perform(String family, String caller) throws Exception {
    LocalDate today = LocalDate.now(CaseClock.PARIS);
    int n = sequence.incrementAndGet();
    return switch (family) {
      case "api-cases-read" -> call(caller, "GET", "/api/cases", null, null);
      case "api-cases-open" ->
          call(
              caller,
              "POST",
              "/api/cases",
              "application/json",
              businessCase(newDebtorId(), "F-MATRIX-" + n, "50.00", today.minusDays(3)));
      case "api-payments" ->
          call(
              caller,
              "POST",
              "/api/cases/" + reference + "/payments",
              "application/json",
              payment("1.00", today, "VIR-MATRIX-" + UUID.randomUUID()));
      case "api-import" ->
          call(
              caller,
              "POST",
              "/api/cases/import",
              "text/csv",
              "debtor_id,debtor_type,debtor_name,siren,email,phone,address_line1,postal_code,city,invoice_number,issue_date,due_date,amount\n");
      case "api-kpis" -> call(caller, "GET", "/api/kpis?from=2026-01-01&to=2026-12-31", null, null);
      case "api-audit-timeline" ->
          call(caller, "GET", "/api/cases/" + reference + "/timeline", null, null);
      case "api-callback-unsigned" ->
          call(
              caller,
              "POST",
              "/api/callbacks/bailiff",
              "application/json",
              "{\"eventId\": \"matrix\"}");
      case "engine-read" ->
          call(caller, "GET", "/engine-rest/process-definition/key/" + TASK_PROCESS, null, null);
      case "engine-history" ->
          call(
              caller,
              "GET",
              "/engine-rest/history/process-instance/" + startTask().getProcessInstanceId(),
              null,
              null);
      case "engine-complete-task" ->
          call(
              caller,
              "POST",
              "/engine-rest/task/" + startTask().getId() + "/complete",
              "application/json",
              "{}");
      case "engine-set-variable" ->
          call(
              caller,
              "PUT",
              "/engine-rest/process-instance/"
                  + startTask().getProcessInstanceId()
                  + "/variables/note",
              "application/json",
              "{\"value\": \"x\", \"type\": \"String\"}");
      case "engine-deploy" -> deployStatus(caller, n);
      case "engine-delete" ->
          call(
              caller,
              "DELETE",
              "/engine-rest/deployment/" + freshDeployment(n) + "?cascade=true",
              null,
              null);
      case "app-pages" -> pages(caller);
      case "webapp-tasklist", "webapp-cockpit", "webapp-admin" ->
          webapp(caller, family.substring("webapp-".length()));
      default -> throw new IllegalArgumentException(family);
    };
  }

  private Call deployStatus(String caller, int n) {
    var r =
        EngineRestAuthorizationTest.deploy(
            client(caller),
            PREFIX + "deployed-" + n,
            Bpmn.convertToString(EngineRestAuthorizationTest.taskProcess("auth-matrix-deployed")));
    return new Call(r.status(), r.body());
  }

  private org.camunda.bpm.engine.task.Task startTask() {
    String instance =
        runtime
            .startProcessInstanceByKey(TASK_PROCESS, Map.of("candidateGroup", GroupIds.COLLECTORS))
            .getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult();
  }

  private String freshDeployment(int n) {
    return repository
        .createDeployment()
        .name(PREFIX + "delete-" + n)
        .addModelInstance(
            "delete.bpmn", EngineRestAuthorizationTest.taskProcess("auth-matrix-delete"))
        .deploy()
        .getId();
  }

  private fr.recouvrement.ApiClient client(String caller) {
    return caller.equals("anonymous")
        ? new fr.recouvrement.ApiClient(port, null, null)
        : new fr.recouvrement.ApiClient(port, caller, password(caller));
  }

  record Call(int status, String body) {}

  private static String password(String caller) {
    return caller.equals(ADMIN) ? ADMIN_PASSWORD : TestUsers.PASSWORD;
  }

  Call call(String caller, String method, String path, String contentType, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json");
    if (!caller.equals("anonymous")) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (caller + ":" + password(caller)).getBytes(StandardCharsets.UTF_8)));
    }
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Call(r.statusCode(), r.body());
  }

  /** The French pages: their own login form, then the case list. */
  Call pages(String caller) throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String base = "http://localhost:" + port;
    if (!caller.equals("anonymous")) {
      String page =
          browser
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/app/login")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher token = CSRF.matcher(page);
      assertThat(token.find()).as("CSRF token on the login page").isTrue();
      String form =
          "username="
              + enc(caller)
              + "&password="
              + enc(password(caller))
              + "&_csrf="
              + enc(token.group(1));
      HttpResponse<String> login =
          browser.send(
              HttpRequest.newBuilder(URI.create(base + "/app/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.headers().firstValue("Location").orElse(""))
          .as("logged in")
          .doesNotContain("error");
    }
    HttpResponse<String> cases =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/app/cases")).build(),
            HttpResponse.BodyHandlers.ofString());
    return new Call(
        cases.statusCode(),
        cases.statusCode() == 302 ? cases.headers().firstValue("Location").orElse("") : "");
  }

  /** The Camunda webapps: their login, per application (what Tasklist, Cockpit and Admin call). */
  Call webapp(String caller, String app) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = "http://localhost:" + port + "/camunda";
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/app/" + app + "/default/")).build(),
            HttpResponse.BodyHandlers.ofString());
    String token =
        page.headers()
            .firstValue("X-XSRF-TOKEN")
            .orElseThrow(() -> new AssertionError("no CSRF token from " + app));
    if (caller.equals("anonymous")) {
      HttpResponse<String> r =
          browser.send(
              HttpRequest.newBuilder(URI.create(base + "/api/engine/engine/default/task/count"))
                  .header("X-XSRF-TOKEN", token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Call(r.statusCode(), r.body());
    }
    String form = "username=" + enc(caller) + "&password=" + enc(password(caller));
    HttpResponse<String> login =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Call(login.statusCode(), login.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static {
    // the matrix names every caller once, and each row has a status for each
    assertThat(MATRIX.strip().lines().skip(1).map(l -> l.trim().split("\\s+").length))
        .containsOnly(CALLERS.size() + 1);
    assertThat(
            Arrays.asList(MATRIX.strip().lines().findFirst().orElseThrow().trim().split("\\s+"))
                .subList(1, CALLERS.size() + 1))
        .containsExactly("anonymous", "collector", "supervisor", "analyst", "auditor", "admin");
  }
}

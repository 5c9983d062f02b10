package fr.recouvrement.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.IntegrationTest;
import fr.recouvrement.security.GroupIds;
import fr.recouvrement.security.TestUsers;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages under /app over plain HTTP, as a browser without JavaScript sees them: a login form
 * with a CSRF token, a session once logged in, read-only for every group, nothing for the others.
 */
@IntegrationTest
class PagesAccessTest {
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired fr.recouvrement.channel.CaseLetters letters;

  @org.springframework.beans.factory.annotation.Value("${recouvrement.data-dir:./data}")
  String dataDir;

  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired fr.recouvrement.legal.LegalEvents legalEvents;

  @BeforeEach
  void users() {
    TestUsers.ensure(identity, TestUsers.AUDITOR, GroupIds.AUDITORS);
    TestUsers.ensure(identity, TestUsers.NO_GROUP);
  }

  @Test
  void anAnonymousVisitorIsSentToTheLoginPage() throws Exception {
    Browser anonymous = new Browser();

    HttpResponse<String> cases = anonymous.get("/app/cases");
    HttpResponse<String> dashboard = anonymous.get("/app/dashboard");

    assertThat(cases.statusCode()).isEqualTo(302);
    assertThat(cases.headers().firstValue("Location").orElse("")).endsWith("/app/login");
    assertThat(dashboard.headers().firstValue("Location").orElse("")).endsWith("/app/login");
    HttpResponse<String> login = anonymous.get("/app/login");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body())
        .contains("Identifiant", "Mot de passe", "Se connecter", "name=\"_csrf\"");
    // its stylesheet too, before anyone logs in
    assertThat(anonymous.get("/app/app.css").statusCode()).isEqualTo(200);
  }

  @Test
  void aLoginPostedWithoutItsCsrfTokenIsRefused() throws Exception {
    Browser forger = new Browser();
    forger.get("/app/login");

    HttpResponse<String> r =
        forger.postForm(
            "/app/login", "username=" + TestUsers.AUDITOR + "&password=" + TestUsers.PASSWORD);

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("Accès refusé");
    // and nothing was opened by it
    assertThat(forger.get("/app/cases").statusCode()).isEqualTo(302);
  }

  @Test
  void anAuditorLogsInReadsAndCannotPostAnything() throws Exception {
    Browser auditor = new Browser();
    HttpResponse<String> loggedIn = auditor.logIn(TestUsers.AUDITOR, TestUsers.PASSWORD);
    assertThat(loggedIn.statusCode()).isEqualTo(302);
    assertThat(loggedIn.headers().firstValue("Location").orElse("")).endsWith("/app/cases");

    HttpResponse<String> cases = auditor.get("/app/cases");
    assertThat(cases.statusCode()).isEqualTo(200);
    assertThat(cases.body()).contains("Dossiers", TestUsers.AUDITOR);
    assertThat(auditor.get("/app/dashboard").statusCode()).isEqualTo(200);
    assertThat(auditor.get("/app/cases/DOS-1900-000000").statusCode()).isEqualTo(404);

    // even with a valid token, no page takes a write
    String token = auditor.csrfToken("/app/cases");
    assertThat(auditor.postForm("/app/cases", "_csrf=" + enc(token) + "&status=PAID").statusCode())
        .isEqualTo(403);

    // logging out needs the token too, and ends the session
    assertThat(auditor.postForm("/app/logout", "").statusCode()).isEqualTo(403);
    assertThat(auditor.get("/app/cases").statusCode()).isEqualTo(200);
    HttpResponse<String> out =
        auditor.postForm("/app/logout", "_csrf=" + enc(auditor.csrfToken("/app/cases")));
    assertThat(out.headers().firstValue("Location").orElse("")).endsWith("/app/login?logout");
    assertThat(auditor.get("/app/cases").statusCode()).isEqualTo(302);
  }

  @Test
  void aCasePageSaysWhichHalfYearsHaveRatesToConfirm() throws Exception {
    fr.recouvrement.ApiClient api = new fr.recouvrement.ApiClient(port, "admin", "admin-test");
    String stale;
    try {
      // the rate table has no row for 2031-H2: the penalty of July 2031 stands on the last known
      // row
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
          java.util.Date.from(
              java.time.LocalDate.parse("2031-07-31")
                  .atTime(10, 0)
                  .atZone(fr.recouvrement.kernel.time.CaseClock.PARIS)
                  .toInstant()));
      stale =
          api.postJson(
                  "/api/cases",
                  fr.recouvrement.cases.CaseFixtures.businessCase(
                      fr.recouvrement.cases.CaseFixtures.newDebtorId(),
                      "R-1",
                      "1000.00",
                      java.time.LocalDate.parse("2031-07-01")))
              .json()
              .get("reference")
              .asText();
      Browser auditor = new Browser();
      auditor.logIn(TestUsers.AUDITOR, TestUsers.PASSWORD);

      String page = auditor.get("/app/cases/" + stale).body();

      assertThat(page)
          .contains("id=\"rates-to-confirm\"")
          .contains("Taux à confirmer")
          .contains("2031-H2");
      assertThat(page).doesNotContain("id=\"recoverable-vat\"");
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  @Test
  void aCasePageListsTheVatRecoverableAfterALiquidation() throws Exception {
    fr.recouvrement.ApiClient api = new fr.recouvrement.ApiClient(port, "admin", "admin-test");
    java.time.LocalDate today = fr.recouvrement.kernel.time.CaseClock.today();
    String reference =
        api.postJson(
                "/api/cases",
                fr.recouvrement.cases.CaseFixtures.caseJson(
                    fr.recouvrement.cases.CaseFixtures.newDebtorId(),
                    "BUSINESS",
                    "\"siren\": \"552100554\",",
                    "{\"number\": \"F-TVA-1\", \"issueDate\": \"%s\", \"dueDate\": \"%s\", \"amount\": 1200.00, \"vatAmount\": 200.00}"
                        .formatted(today.minusDays(90), today.minusDays(60))))
            .json()
            .get("reference")
            .asText();
    assertThat(
            api.postJson(
                    "/api/cases/" + reference + "/insolvency",
                    "{\"procedure\": \"LIQUIDATION\", \"judgmentDate\": \"%s\", \"publicationDate\": \"%s\"}"
                        .formatted(today.minusDays(3), today.minusDays(1)))
                .status())
        .isLessThan(300);
    Browser auditor = new Browser();
    auditor.logIn(TestUsers.AUDITOR, TestUsers.PASSWORD);

    String page =
        auditor.get("/app/cases/" + reference).body().replace('\u00a0', ' ').replace('\u202f', ' ');

    // nothing paid: all 1,200.00 unpaid, its 200.00 of VAT recoverable since the judgment
    assertThat(page)
        .contains("id=\"recoverable-vat\"")
        .contains("F-TVA-1")
        .contains("1 200,00")
        .contains("200,00")
        .contains("Liquidation judiciaire");
  }

  @Test
  void aDocumentOpensInTheSessionWithItsHashAndIsRefusedOnceAltered() throws Exception {
    fr.recouvrement.ApiClient api = new fr.recouvrement.ApiClient(port, "admin", "admin-test");
    String reference =
        api.postJson(
                "/api/cases",
                fr.recouvrement.cases.CaseFixtures.caseJson(
                    fr.recouvrement.cases.CaseFixtures.newDebtorId(),
                    "BUSINESS",
                    "",
                    fr.recouvrement.cases.CaseFixtures.invoice(
                        "F-DOC-1",
                        java.time.LocalDate.of(2026, 1, 5),
                        java.time.LocalDate.of(2026, 2, 4),
                        "99.00")))
            .json()
            .get("reference")
            .asText();
    fr.recouvrement.channel.DocumentStore.Document letter =
        letters.prepare(
            reference,
            reference + "/page-test",
            "LETTER",
            "page-test",
            java.util.Map.of("reference", reference));

    Browser auditor = new Browser();
    auditor.logIn(TestUsers.AUDITOR, TestUsers.PASSWORD);
    HttpResponse<String> served = auditor.get("/app/documents/" + letter.id());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/pdf");
    assertThat(served.headers().firstValue("X-Content-SHA256")).contains(letter.sha256());
    assertThat(served.body()).startsWith("%PDF");
    assertThat(auditor.get("/app/documents/999999999").statusCode()).isEqualTo(404);
    // the case's proofs page: the letter's recorded hash and the hash of the file kept, matching
    HttpResponse<String> proofs = auditor.get("/app/cases/" + reference + "/proofs");
    assertThat(proofs.statusCode()).isEqualTo(200);
    assertThat(proofRow(proofs.body(), letter.id()))
        .contains("data-matches=\"true\"", letter.sha256(), "Concordante");

    // a file changed on disk after it was sent is not served as if it were the one sent
    java.nio.file.Path file =
        java.nio.file.Path.of(
            jdbc.queryForObject(
                "select storage_path from document where id = ?", String.class, letter.id()));
    java.nio.file.Path onDisk = documentsRoot().resolve(file);
    java.nio.file.Files.write(onDisk, "falsifié".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> refused = auditor.get("/app/documents/" + letter.id());
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("ne correspond plus");
    assertThat(proofRow(auditor.get("/app/cases/" + reference + "/proofs").body(), letter.id()))
        .contains("data-matches=\"false\"", "Non concordante", "modifié");
    // nobody logged in gets nothing
    assertThat(new Browser().get("/app/documents/" + letter.id()).statusCode()).isEqualTo(302);
  }

  @Test
  void theCasePageShowsEachInvoicesPrescriptionAndTheActThatSetIt() throws Exception {
    fr.recouvrement.ApiClient api = new fr.recouvrement.ApiClient(port, "admin", "admin-test");
    String reference =
        api.postJson(
                "/api/cases",
                fr.recouvrement.cases.CaseFixtures.caseJson(
                    fr.recouvrement.cases.CaseFixtures.newDebtorId(),
                    "BUSINESS",
                    "",
                    fr.recouvrement.cases.CaseFixtures.invoice(
                        "F-PRES-PAGE",
                        java.time.LocalDate.of(2026, 1, 5),
                        java.time.LocalDate.of(2026, 2, 4),
                        "99.00")))
            .json()
            .get("reference")
            .asText();

    Browser auditor = new Browser();
    auditor.logIn(TestUsers.AUDITOR, TestUsers.PASSWORD);
    HttpResponse<String> page = auditor.get("/app/cases/" + reference);

    assertThat(page.statusCode()).isEqualTo(200);
    // a business claim due 4 February 2026: 5 years (C. com. L110-4), from its due date
    assertThat(page.body())
        .contains("data-field=\"prescriptionDate\">04/02/2031</span>")
        .contains("Échéance de la facture : délai de la créance");
    // the order to pay served: interrupted until the proceedings end (C. civ. 2242), no date
    // meanwhile
    legalEvents.record(
        reference,
        fr.recouvrement.legal.LegalEventType.ORDER_TO_PAY_SERVED,
        java.time.LocalDate.of(2026, 6, 1),
        "Ordonnance signifiée",
        "test");
    String served = auditor.get("/app/cases/" + reference).body();
    assertThat(served)
        .contains("id=\"prescription-date\">interrompue jusqu’à la fin de l’instance</dd>")
        .contains("data-field=\"prescriptionDate\">interrompue jusqu’à la fin de l’instance</span>")
        .contains("Signification de l&#39;injonction de payer");
  }

  @Test
  void theCasePageSaysWhetherABusinessDebtorTradesAndSoWhichCourtItGoesTo() throws Exception {
    fr.recouvrement.ApiClient api = new fr.recouvrement.ApiClient(port, "admin", "admin-test");
    String sci =
        api.postJson(
                "/api/cases",
                fr.recouvrement.cases.CaseFixtures.caseJson(
                    fr.recouvrement.cases.CaseFixtures.newDebtorId(),
                    "BUSINESS",
                    "\"siren\": \"552100554\", \"commercial\": false,",
                    fr.recouvrement.cases.CaseFixtures.invoice(
                        "F-SCI-1",
                        java.time.LocalDate.of(2026, 1, 5),
                        java.time.LocalDate.of(2026, 2, 4),
                        "99.00")))
            .json()
            .get("reference")
            .asText();
    Browser auditor = new Browser();
    auditor.logIn(TestUsers.AUDITOR, TestUsers.PASSWORD);

    HttpResponse<String> page = auditor.get("/app/cases/" + sci);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Commerçant", "Non (tribunal judiciaire)");
  }

  /** The proofs page's row of a document, as the HTML has it. */
  private static String proofRow(String html, long documentId) {
    int start = html.indexOf("data-kind=\"DOCUMENT\" data-id=\"" + documentId + "\"");
    assertThat(start).as("row of document " + documentId).isNotNegative();
    return html.substring(start, html.indexOf("</tr>", start));
  }

  @Test
  void theAuditPagesAnswerAnUnknownCaseOrMessageAndBadParametersPlainly() throws Exception {
    assertThat(new Browser().get("/app/audit").statusCode()).isEqualTo(302);
    Browser auditor = new Browser();
    auditor.logIn(TestUsers.AUDITOR, TestUsers.PASSWORD);

    HttpResponse<String> search = auditor.get("/app/audit?status=OPEN&page=deux&q=%25");
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(search.body())
        .contains("Statut de clôture inconnu : « OPEN »", "Numéro de page invalide : « deux »");
    for (String page : List.of("decisions", "proofs")) {
      HttpResponse<String> unknown = auditor.get("/app/cases/DOS-1900-000000/" + page);
      assertThat(unknown.statusCode()).as(page).isEqualTo(404);
      assertThat(unknown.body()).as(page).contains("Dossier introuvable");
    }
    assertThat(auditor.get("/app/cases/DOS-1900-000000/timeline.csv").statusCode()).isEqualTo(404);
    HttpResponse<String> message = auditor.get("/app/communications/999999999");
    assertThat(message.statusCode()).isEqualTo(404);
    assertThat(message.body()).contains("Message introuvable");
  }

  private java.nio.file.Path documentsRoot() {
    return java.nio.file.Path.of(dataDir).toAbsolutePath().normalize();
  }

  @Test
  void wrongPasswordsAndUsersInNoGroupGetNoPage() throws Exception {
    String user = TestUsers.ensure(identity, "tpageswrongpassword", GroupIds.AUDITORS);
    Browser wrong = new Browser();
    HttpResponse<String> refused = wrong.logIn(user, "not-" + TestUsers.PASSWORD);
    assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/app/login?error");
    assertThat(wrong.get("/app/login?error").body())
        .contains("Identifiant ou mot de passe incorrect.");
    assertThat(wrong.get("/app/cases").statusCode()).isEqualTo(302);

    Browser outsider = new Browser();
    outsider.logIn(TestUsers.NO_GROUP, TestUsers.PASSWORD);
    HttpResponse<String> denied = outsider.get("/app/cases");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).contains("Accès refusé");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A cookie-keeping client that does not follow redirects, so each answer can be checked. */
  final class Browser {
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return http.send(
          HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, String form)
        throws IOException, InterruptedException {
      return http.send(
          HttpRequest.newBuilder(uri(path))
              .header("Accept", "text/html")
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** The token the page's forms carry (the logout form on every page, the login form). */
    String csrfToken(String page) throws IOException, InterruptedException {
      Matcher m = CSRF.matcher(get(page).body());
      assertThat(m.find()).as("a CSRF token on " + page).isTrue();
      return m.group(1);
    }

    HttpResponse<String> logIn(String user, String password)
        throws IOException, InterruptedException {
      String token = csrfToken("/app/login");
      return postForm(
          "/app/login",
          "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token));
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }
  }

  @Test
  void theCasePageShowsItsOpenTasksAndWhoHasThemAndTheListFiltersSegmentsByTheirFrenchNames()
      throws Exception {
    fr.recouvrement.ApiClient api = new fr.recouvrement.ApiClient(port, "admin", "admin-test");
    String reference =
        open(
            api,
            "Boulangerie Martin SARL",
            "F-TASK-1",
            java.time.LocalDate.of(2026, 2, 4),
            "99.00");
    Browser auditor = new Browser();
    auditor.logIn(TestUsers.AUDITOR, TestUsers.PASSWORD);
    assertThat(auditor.get("/app/cases/" + reference).body()).contains("Tâches en cours");

    // a dispute raised through the API: its investigation waits for a collector
    fr.recouvrement.ApiClient.Response dispute =
        api.postJson(
            "/api/cases/" + reference + "/disputes",
            "{\"category\": \"COMMERCIAL\", \"invoiceNumbers\": [\"F-TASK-1\"], \"comment\": \"Remise non appliquée\"}");
    assertThat(dispute.status()).as(dispute.toString()).isEqualTo(201);
    String page = auditor.get("/app/cases/" + reference).body();

    assertThat(page)
        .contains(
            "id=\"open-tasks\"",
            "à prendre (",
            "Ouvrir dans Tasklist",
            "/camunda/app/tasklist/default/#/?task=");
    // and the dispute itself: who raised it, its category in French, the invoice and the debtor's
    // words
    assertThat(page)
        .contains(
            "id=\"disputes\"",
            "Commerciale (prix, remise)",
            "F-TASK-1",
            "Remise non appliquée",
            "En cours d&#39;instruction",
            "admin");
    String list = auditor.get("/app/cases?segment=GROS_ENJEU").body();
    assertThat(list)
        .contains(
            "<select id=\"segment\" name=\"segment\">",
            "Payeur ponctuel",
            "En difficulté",
            "Récalcitrant")
        .contains("<option value=\"GROS_ENJEU\" selected=\"selected\">Gros enjeu</option>");
  }

  @Test
  void theCaseListFindsADebtorByPartOfItsNameAndSortsByBalanceOrByTheOldestUnpaidInvoice()
      throws Exception {
    fr.recouvrement.ApiClient api = new fr.recouvrement.ApiClient(port, "admin", "admin-test");
    String tag = "Zq" + Long.toString(System.nanoTime(), 36);
    java.time.LocalDate today = fr.recouvrement.kernel.time.CaseClock.today();
    // small but long overdue, and large but recent
    String old = open(api, "Boulangerie " + tag + " Ancienne", today.minusDays(120), "300.00");
    String big = open(api, "Garage " + tag + " Grand", today.minusDays(10), "49000.00");
    Browser auditor = new Browser();
    auditor.logIn(TestUsers.AUDITOR, TestUsers.PASSWORD);

    String byBalance = auditor.get("/app/cases?q=" + tag.toLowerCase() + "&sort=BALANCE").body();
    String byOverdue = auditor.get("/app/cases?q=" + tag + "&sort=OVERDUE").body();

    assertThat(byBalance).contains(old, big).contains("<span>2</span> dossier(s)");
    assertThat(byBalance.indexOf(big)).isLessThan(byBalance.indexOf(old));
    assertThat(byOverdue.indexOf(old)).isLessThan(byOverdue.indexOf(big));
    assertThat(byOverdue)
        .contains("data-field=\"daysOverdue\">120</td>", "data-field=\"daysOverdue\">10</td>");
    // the API takes the same search; an unknown order is a 400 naming the field
    assertThat(
            api.get("/api/cases?q=" + tag + "&sort=OVERDUE")
                .json()
                .get("items")
                .get(0)
                .get("reference")
                .asText())
        .isEqualTo(old);
    assertThat(api.get("/api/cases?sort=SIDEWAYS").status()).isEqualTo(400);
  }

  @Test
  void everyOrderOfTheCaseListPagesThroughEachCaseOnceInTheOrderOfTheWholeList() throws Exception {
    fr.recouvrement.ApiClient api = new fr.recouvrement.ApiClient(port, "admin", "admin-test");
    String tag = "Pg" + Long.toString(System.nanoTime(), 36);
    java.time.LocalDate today = fr.recouvrement.kernel.time.CaseClock.today();
    java.util.Set<String> opened =
        java.util.Set.of(
            open(api, "Menuiserie " + tag + " Une", today.minusDays(90), "700.00"),
            open(api, "Menuiserie " + tag + " Deux", today.minusDays(30), "12000.00"),
            open(api, "Menuiserie " + tag + " Trois", today.minusDays(60), "2500.00"));
    for (String sort : java.util.List.of("RECENT", "BALANCE", "OVERDUE")) {
      java.util.List<String> whole = new java.util.ArrayList<>();
      api.get("/api/cases?q=" + tag + "&sort=" + sort + "&size=10")
          .json()
          .get("items")
          .forEach(item -> whole.add(item.get("reference").asText()));
      java.util.List<String> paged = new java.util.ArrayList<>();
      for (int page = 0; page < 3; page++) {
        com.fasterxml.jackson.databind.JsonNode one =
            api.get("/api/cases?q=" + tag + "&sort=" + sort + "&size=1&page=" + page).json();
        assertThat(one.get("total").asLong()).as(sort).isEqualTo(3);
        paged.add(one.get("items").get(0).get("reference").asText());
      }
      assertThat(whole).as(sort).containsExactlyInAnyOrderElementsOf(opened);
      assertThat(paged).as(sort).isEqualTo(whole);
    }
  }

  private static String open(
      fr.recouvrement.ApiClient api, String name, java.time.LocalDate due, String amount) {
    return open(api, name, "F-" + name.hashCode(), due, amount);
  }

  /**
   * A trading business's case with one invoice issued 30 days before it fell due, opened through
   * the API.
   */
  private static String open(
      fr.recouvrement.ApiClient api,
      String name,
      String invoice,
      java.time.LocalDate due,
      String amount) {
    String json =
        fr.recouvrement.cases.CaseFixtures.caseJson(
                fr.recouvrement.cases.CaseFixtures.newDebtorId(),
                "BUSINESS",
                "\"siren\": \"552100554\",",
                fr.recouvrement.cases.CaseFixtures.invoice(invoice, due.minusDays(30), due, amount))
            .replace("Boulangerie Martin SARL", name);
    fr.recouvrement.ApiClient.Response r = api.postJson("/api/cases", json);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("reference").asText();
  }

  @Test
  void theCasePageShowsTheProcedureCollectiveWithItsClaimAndReliefDeadlines() throws Exception {
    fr.recouvrement.ApiClient api = new fr.recouvrement.ApiClient(port, "admin", "admin-test");
    java.time.LocalDate today = fr.recouvrement.kernel.time.CaseClock.today();
    String reference =
        open(
            api,
            "Menuiserie " + Long.toString(System.nanoTime(), 36),
            today.minusDays(40),
            "2400.00");
    java.time.LocalDate judgment = today.minusDays(5);
    java.time.LocalDate publication = today.minusDays(2);
    fr.recouvrement.ApiClient.Response declared =
        api.postJson(
            "/api/cases/" + reference + "/insolvency",
            "{\"procedure\": \"REDRESSEMENT\", \"judgmentDate\": \"%s\", \"publicationDate\": \"%s\"}"
                .formatted(judgment, publication));
    assertThat(declared.status()).as(declared.toString()).isIn(200, 201);
    Browser auditor = new Browser();
    auditor.logIn(TestUsers.AUDITOR, TestUsers.PASSWORD);

    String page = auditor.get("/app/cases/" + reference).body();

    java.time.format.DateTimeFormatter french =
        java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
    // proof of claim within 2 months of the BODACC publication (R622-24), relief within 6 (L622-26)
    assertThat(page)
        .contains("id=\"insolvency\"", "Redressement judiciaire", publication.format(french))
        .contains("id=\"relief-deadline\">" + publication.plusMonths(6).format(french));
    // the proof of claim, once filed, holds prescription until the procedure closes (C. com.
    // L622-25-1)
    legalEvents.record(
        reference,
        fr.recouvrement.legal.LegalEventType.PROOF_OF_CLAIM_FILED,
        today,
        "Créance déclarée",
        "test");
    assertThat(auditor.get("/app/cases/" + reference).body())
        .contains("interrompue jusqu’à la clôture de la procédure collective");
  }
}

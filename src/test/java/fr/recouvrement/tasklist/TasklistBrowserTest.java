package fr.recouvrement.tasklist;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static fr.recouvrement.cases.CaseFixtures.businessCase;
import static fr.recouvrement.cases.CaseFixtures.consumerCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.ProcessDriver;
import fr.recouvrement.TestServers;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.security.GroupIds;
import fr.recouvrement.security.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A collector's day in the real Camunda Tasklist, in headless Debian Chromium: log in, open "Mes
 * tâches" / "Tâches de mon équipe", claim the call of a seeded case, fill the Camunda Form
 * (appel-debiteur.form) with a promise, complete it, and find the promise in the case API.
 *
 * <p>Skipped when /usr/bin/chromedriver is missing, unless RECOUVREMENT_REQUIRE_BROWSER=true (as
 * .ci/run sets it), then it fails. No Selenium Manager download: the Debian driver and browser are
 * named explicitly. On failure, a screenshot and the page source go to target/browser/.
 */
@IntegrationTest
class TasklistBrowserTest {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path OUTPUT = Path.of("target", "browser");
  static final String COLLECTOR = "tcollectorweb";
  static final String CALL_TASK = "Appeler le débiteur";
  static final String APPROVE_TASK = "Approuver l'échéancier";
  static final Duration PATIENCE = Duration.ofSeconds(20);
  static final Path SCREENSHOTS = OUTPUT.resolve("screenshots");

  /**
   * The webapps follow the browser's language: these tests run in the browser a French collector
   * has, the others in English.
   */
  static final Map<String, String> LANGUAGES =
      Map.of(
          "aFrenchCollectorMeetsTasklistInFrench", "fr-FR",
          "anAdministratorMeetsCockpitAndAdminInFrench", "fr-FR",
          "frenchIsTheDefaultForALanguageTheWebappsDoNotSpeak", "de-DE",
          "thePrioritiesOfTheDayListTheFortyNineThousandEuroDebtorFirst", "fr-FR",
          "aCollectorCallsFromTheAgendaAndRecordsTheOutcomeInOneStep", "fr-FR",
          "aSupervisorApprovesInTasklistAPlanBeyondWhatACollectorMayGrant", "fr-FR",
          "aCollectorReadsTheEscalationDecisionInFrenchBeforeProposingIt", "fr-FR");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  WebDriver browser;
  WebDriverWait wait;
  String testName;

  @BeforeAll
  static void browserInstalled() {
    boolean installed = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    if (!installed) {
      String why =
          "Browser tests need Debian's chromium and chromium-driver ("
              + CHROMIUM
              + ", "
              + CHROMEDRIVER
              + "): apt-get install -y chromium chromium-driver";
      if (Boolean.parseBoolean(System.getenv("RECOUVREMENT_REQUIRE_BROWSER"))) {
        Assertions.fail(why + " (RECOUVREMENT_REQUIRE_BROWSER=true: required here)");
      }
      Assumptions.abort(why + "; skipped");
    }
  }

  @BeforeEach
  void openBrowser(TestInfo info) throws IOException {
    testName = info.getTestMethod().map(m -> m.getName()).orElse("browser");
    twilioAccepts();
    TestUsers.ensure(identity, COLLECTOR, GroupIds.COLLECTORS);

    // the Debian driver, never a Selenium Manager download
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Files.createDirectories(OUTPUT);
    Path profile = Files.createTempDirectory("recouvrement-chromium-");
    String language = LANGUAGES.getOrDefault(testName, "en-US");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1200",
        "--lang=" + language,
        "--user-data-dir=" + profile);
    // headless Chromium takes navigator.languages (what the webapps read) from this preference, not
    // from --lang
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    // a workstation in France: Tasklist shows its dates in the browser's time zone
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .withEnvironment(Map.of("TZ", "Europe/Paris"))
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, PATIENCE);
  }

  /** The reminders of a seeded case send an SMS: the test Twilio accepts it. */
  static void twilioAccepts() {
    TestServers.reset();
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(
                    "/2010-04-01/Accounts/" + TestServers.TWILIO_ACCOUNT_SID + "/Messages.json"))
                .willReturn(
                    aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"sid\": \"SM0002\", \"status\": \"queued\", \"account_sid\": \""
                                + TestServers.TWILIO_ACCOUNT_SID
                                + "\"}")));
  }

  @AfterEach
  void closeBrowser() {
    ClockUtil.reset();
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aCollectorRecordsAPromiseFromTheCallFormInTasklist() throws Exception {
    String reference = seedCaseAtItsCall();
    LocalDate promised = LocalDate.now(CaseClock.PARIS).plusDays(10);

    inBrowser(
        () -> {
          logIn(COLLECTOR, TestUsers.PASSWORD);
          openFilter(TasklistFilters.TEAM_TASKS);
          openTaskOfCase(reference);
          click(By.xpath("//button[contains(@class,'claim') or normalize-space()='Claim']"));
          // claimed, the call is now in the collector's own list
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.unclaim")));
          openFilter(TasklistFilters.MY_TASKS);
          openTaskOfCase(reference);
          // once claimed, the form is live: the case is on it, read-only, and the outcome waits for
          // a choice
          WebElement form =
              wait.until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("form.fjs-form, .fjs-form")));
          assertThat(caseHeader()).contains(reference, "Boulangerie Martin SARL");
          // the promise's fields only show for a promise
          assertThat(browser.findElements(By.cssSelector(".fjs-form [id*='-Field_PromiseAmount']")))
              .isEmpty();
          chooseOutcome("Promesse de paiement");
          type(
              field("Field_PromiseDate"),
              promised.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
          type(field("Field_PromiseAmount"), "450.00");
          assertThat(form.isDisplayed()).isTrue();
          click(By.cssSelector("button[ng-click='complete()']"));
          // completed: the task leaves the list of the filter
          wait.until(d -> d.findElements(taskOfCase(reference)).isEmpty());
        });

    ProcessDriver driver = new ProcessDriver(engine, caseInstance(reference));
    driver.settle();
    JsonNode promises = admin().get("/api/cases/" + reference).json().get("promises");
    assertThat(promises).hasSize(1);
    assertThat(promises.get(0).get("date").asText()).isEqualTo(promised.toString());
    assertThat(promises.get(0).get("amount").decimalValue()).isEqualByComparingTo("450.00");
    assertThat(promises.get(0).get("status").asText()).isEqualTo("PENDING");
    assertThat(promises.get(0).get("recordedBy").asText()).isEqualTo(COLLECTOR);
  }

  @Test
  void thePrioritiesOfTheDayListTheFortyNineThousandEuroDebtorFirst() throws Exception {
    // opened in this order, smallest first: the agenda must not follow the order of arrival
    String small = seedCaseAtItsCall("Café Lambert", "3727.19");
    String medium = seedCaseAtItsCall("Atelier Morel", "12480.00");
    String large = seedCaseAtItsCall("Agence Durand", "49229.44");
    // the shared database holds other tests' open tasks, some more urgent than these three: they
    // are set aside (given to another person) while the collector looks, so the list holds the
    // three cases of this test, then given back
    List<String> setAside = new java.util.ArrayList<>();
    for (org.camunda.bpm.engine.task.Task t : tasks.createTaskQuery().taskUnassigned().list()) {
      org.camunda.bpm.engine.runtime.ProcessInstance p =
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceId(t.getProcessInstanceId())
              .singleResult();
      if (p == null
          || p.getBusinessKey() == null
          || !List.of(small, medium, large).contains(p.getBusinessKey())) {
        tasks.setAssignee(t.getId(), "mise-de-cote");
        setAside.add(t.getId());
      }
    }
    try {
      inBrowser(
          () -> {
            logIn(COLLECTOR, TestUsers.PASSWORD);
            openFilter(TasklistFilters.PRIORITIES);
            By cards = By.cssSelector("li.task");
            // the list re-renders while its variables load: read the cards' texts in one go, again
            // if
            // a card was replaced meanwhile, once all three calls are in it
            List<String> texts =
                wait.until(
                    d -> {
                      List<String> read = cardTexts(d.findElements(cards));
                      return read != null && indexOf(read, small) >= 0 ? read : null;
                    });
            int first = indexOf(texts, large);
            int second = indexOf(texts, medium);
            int third = indexOf(texts, small);
            assertThat(first).as("the 49 k€ debtor's call is listed").isGreaterThanOrEqualTo(0);
            assertThat(first).isLessThan(second);
            assertThat(second).isLessThan(third);
            // its card says who, how much (in euros, French), how late, and the next legal deadline
            String card = texts.get(first).replace('\u00a0', ' ').replace('\u202f', ' ');
            assertThat(card)
                .contains(
                    "Agence Durand",
                    "Montant en jeu",
                    "49 229,44 €",
                    "Jours de retard",
                    "Échéance légale",
                    "(prescription)");
            assertThat(card).doesNotContain("49229.44");
            // the filter's description shows while the pointer is on it
            new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(browser.findElements(cards).get(0))
                .perform();
            screenshot("collecteur-priorites-du-jour");
          });
    } finally {
      setAside.forEach(id -> tasks.setAssignee(id, null));
    }
  }

  @Test
  void aCollectorCallsFromTheAgendaAndRecordsTheOutcomeInOneStep() throws Exception {
    // a professional's case: the call comes after an email and an SMS
    String reference = seedCaseAtItsCall();
    String invoice =
        jdbc.queryForObject(
            "select i.number from invoice i join collection_case c on c.id = i.case_id where c.reference = ?",
            String.class,
            reference);
    int sent =
        jdbc.queryForObject(
            "select count(*) from communication m join collection_case c on c.id = m.case_id where c.reference = ?",
            Integer.class,
            reference);
    assertThat(sent).as("the reminders before the call").isPositive();

    inBrowser(
        () -> {
          logIn(COLLECTOR, TestUsers.PASSWORD);
          openFilter(TasklistFilters.PRIORITIES);
          openTaskOfCase(reference);
          // opened from the agenda, the task is the collector's: no « Prendre en charge » to press
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.unclaim")));
          assertThat(
                  browser.findElements(
                      By.cssSelector(
                          ".task-details button.claim, [cam-tasklist-task] button.claim")))
              .isEmpty();
          String form = caseHeader();
          assertThat(form)
              .contains(
                  "Boulangerie Martin SARL",
                  "Montant en jeu",
                  "06 12 34 56 78",
                  "Factures impayées",
                  invoice,
                  "Messages envoyés au débiteur",
                  "Promesses de paiement",
                  "Aucune promesse de paiement.");
          // each message the debtor was sent: a row with its channel and whether it went out
          List<WebElement> messages =
              browser.findElements(
                  By.xpath(
                      "//*[contains(@class,'fjs-form')]//h4[contains(normalize-space(),'Messages envoyés')]/following-sibling::table[1]//tbody/tr"));
          assertThat(messages).hasSize(Math.min(sent, TaskAgenda.MAX_ROWS));
          assertThat(text(messages.get(0)))
              .containsAnyOf("Courriel", "SMS", "Courrier")
              .containsAnyOf("Envoyé", "Non envoyé", "Échec");
          assertThat(
                  browser
                      .findElement(By.cssSelector(".fjs-form a[href='tel:+33612345678']"))
                      .getText())
              .isEqualTo("06 12 34 56 78");
          assertThat(
                  browser
                      .findElement(
                          By.cssSelector(".fjs-form a[href='/app/cases/" + reference + "']"))
                      .getAttribute("target"))
              .isEqualTo("_blank");
          centre(browser.findElement(By.cssSelector(".fjs-form")));
          screenshot("collecteur-appel");

          chooseOutcome("Pas de réponse / messagerie");
          click(By.cssSelector("button[ng-click='complete()']"));
          wait.until(
              d ->
                  tasks
                          .createTaskQuery()
                          .processInstanceBusinessKey(reference)
                          .taskName(CALL_TASK)
                          .count()
                      == 0);
        });

    var done =
        engine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceBusinessKey(reference)
            .taskName(CALL_TASK)
            .finished()
            .singleResult();
    assertThat(done.getAssignee()).isEqualTo(COLLECTOR);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceIdIn(done.getProcessInstanceId())
                .variableName("callOutcome")
                .singleResult()
                .getValue())
        .isEqualTo("NO_ANSWER");
  }

  @Test
  void aSupervisorApprovesInTasklistAPlanBeyondWhatACollectorMayGrant() throws Exception {
    String reference = seedCaseAtItsCall();
    String supervisor = "tsupervisorweb";
    TestUsers.ensure(identity, supervisor, GroupIds.SUPERVISORS);
    ProcessDriver driver = new ProcessDriver(engine, caseInstance(reference));
    // the collector's part, through the engine as that collector: the debtor asks for a plan,
    // 10 monthly instalments (a collector may grant 6 alone)
    asUser(
        COLLECTOR,
        () -> tasks.complete(driver.task().getId(), Map.of("callOutcome", "PAYMENT_PLAN")));
    driver.settle();
    Task negotiation = driver.task();
    assertThat(negotiation.getName()).isEqualTo("Négocier l'échéancier");
    asUser(
        COLLECTOR,
        () ->
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
                    0.0)));
    driver.settle();
    Task approval = driver.task();
    assertThat(approval.getName()).isEqualTo(APPROVE_TASK);
    assertThat(engine.getRuntimeService().getVariable(approval.getExecutionId(), "planNegotiator"))
        .isEqualTo(COLLECTOR);

    inBrowser(
        () -> {
          logIn(supervisor, TestUsers.PASSWORD);
          openFilter(TasklistFilters.TO_APPROVE);
          openTaskOfCase(reference, APPROVE_TASK);
          // the approval and its case header, in the supervisor's « À approuver »
          assertThat(caseHeader()).contains(reference, "Boulangerie Martin SARL");
          screenshot("superviseur-a-approuver");
          click(By.xpath("//button[contains(@class,'claim') or normalize-space()='Claim']"));
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.unclaim")));
          // the plan and who negotiated it are on the form, read-only
          assertThat(filled("Field_InstalmentCount")).isEqualTo("10");
          assertThat(filled("Field_PlanNegotiator")).isEqualTo(COLLECTOR);
          click(
              By.xpath(
                  "//*[contains(@class,'fjs-form')]//label[contains(normalize-space(),\"Approuver l'échéancier\")]"));
          WebElement comment =
              wait.until(
                  ExpectedConditions.presenceOfElementLocated(
                      By.cssSelector(".fjs-form textarea[id$='-Field_ApprovalComment']")));
          type(comment, "Débiteur fiable, saisonnalité de l'activité");
          click(By.cssSelector("button[ng-click='complete()']"));
          wait.until(d -> d.findElements(taskOfCase(reference, APPROVE_TASK)).isEmpty());
        });

    driver.settle();
    Map<String, Object> plan =
        jdbc.queryForMap(
            "select p.status, p.instalment_count, p.negotiated_by, p.approved_by from payment_plan p"
                + " join collection_case c on c.id = p.case_id where c.reference = ?",
            reference);
    assertThat(plan.get("status")).isEqualTo("ACTIVE");
    assertThat(((Number) plan.get("instalment_count")).intValue()).isEqualTo(10);
    assertThat(plan.get("negotiated_by")).isEqualTo(COLLECTOR);
    assertThat(plan.get("approved_by")).isEqualTo(supervisor);
    assertThat(admin().get("/api/cases/" + reference).json().get("status").asText())
        .isEqualTo("PAYMENT_PLAN");
  }

  /**
   * What the escalation decision read and recommends, as the collector who proposes it sees it in «
   * Proposer l'escalade »: each code by its French label (debtor type, solvency signal, amicable
   * stage, what a procedure can bring, recommendation), never the code the table answered with.
   */
  @Test
  void aCollectorReadsTheEscalationDecisionInFrenchBeforeProposingIt() throws Exception {
    // the reminders on the way send SMS and letters too
    TestServers.acceptSmsAndLetters("1A0000000W001");
    String reference =
        seedCaseAtItsCall(
            businessCase(newDebtorId(), "F-WEB-ESC", "7350.00", LocalDate.now(CaseClock.PARIS)));
    Task proposal;
    try {
      proposal =
          new fr.recouvrement.CaseRun(engine, reference).amicableUntil("Proposer l'escalade");
    } finally {
      ClockUtil.reset();
    }
    Map<String, Object> read = engine.getRuntimeService().getVariables(proposal.getExecutionId());
    List<String> codes =
        List.of(
            (String) read.get("escalationRecommendation"),
            (String) read.get("solvencySignal"),
            (String) read.get("amicableStage"),
            (String) read.get("procedureProspect"));
    assertThat(codes).doesNotContainNull();

    inBrowser(
        () -> {
          logIn(COLLECTOR, TestUsers.PASSWORD);
          openTaskOfCase(reference, "Proposer l'escalade");
          assertThat(caseHeader()).contains(reference);
          String recommendation =
              fr.recouvrement.web.pages.Labels.FRENCH.decisionOutput("decision", codes.get(0));
          wait.until(
              d -> text(d.findElement(By.cssSelector(".fjs-form"))).contains(recommendation));
          String form = text(browser.findElement(By.cssSelector(".fjs-form")));
          assertThat(form)
              .contains(
                  "Professionnel",
                  recommendation,
                  fr.recouvrement.web.pages.Labels.FRENCH.decisionOutput(
                      "solvencySignal", codes.get(1)),
                  fr.recouvrement.web.pages.Labels.FRENCH.decisionOutput(
                      "amicableStage", codes.get(2)),
                  fr.recouvrement.web.pages.Labels.FRENCH.decisionOutput(
                      "procedureProspect", codes.get(3)));
          for (String code : codes) {
            assertThat(form).doesNotContain(code);
          }
          assertThat(form).doesNotContain("BUSINESS");
          screenshot("collecteur-proposer-escalade");
        });
  }

  @Test
  void aFrenchCollectorMeetsTasklistInFrench() throws Exception {
    String reference = seedCaseAtItsCall();

    inBrowser(
        () -> {
          browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
          WebElement logInButton =
              wait.until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("button[type='submit']")));
          wait.until(d -> !logInButton.getText().isBlank());
          assertThat(logInButton.getText()).isEqualTo("Se connecter");
          logIn(COLLECTOR, TestUsers.PASSWORD);
          openFilter(TasklistFilters.TEAM_TASKS);
          openTaskOfCase(reference);
          WebElement claim =
              wait.until(
                  ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.claim")));
          assertThat(claim.getText()).isEqualTo("Prendre en charge");
          String page = browser.findElement(By.tagName("body")).getText();
          assertThat(page)
              .contains("Formulaire", "Historique", "Schéma", TasklistFilters.TEAM_TASKS);
          assertThat(page)
              .doesNotContain("Claim", "Complete", "Add a simple filter", "migrate to Camunda 8");
          // the community edition's banner is in the page, hidden by our user-styles.css
          assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
              .allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
          screenshot("tasklist-fr");

          claim.click();
          WebElement complete =
              wait.until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("button[ng-click='complete()']")));
          assertThat(complete.getText()).isEqualTo("Terminer");
          WebElement unclaim =
              wait.until(
                  ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.unclaim")));
          assertThat(unclaim.getAttribute("uib-tooltip")).isEqualTo("Rendre au groupe");
        });
  }

  @Test
  void anAdministratorMeetsCockpitAndAdminInFrench() throws Exception {
    inBrowser(
        () -> {
          browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
          WebElement name =
              wait.until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("input[ng-model='username']")));
          assertThat(name.getAttribute("placeholder")).isEqualTo("Identifiant");
          name.sendKeys("admin");
          browser.findElement(By.cssSelector("input[type='password']")).sendKeys("admin-test");
          browser.findElement(By.cssSelector("button[type='submit']")).click();
          // the dashboard: its menu and its sections
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.tagName("body"), "Instances en cours"));
          String dashboard = browser.findElement(By.tagName("body")).getText();
          assertThat(dashboard)
              .contains(
                  "Processus",
                  "Décisions",
                  "Tâches humaines",
                  "En ce moment",
                  "Incidents ouverts",
                  "Déploiements");
          assertThat(dashboard)
              .doesNotContain(
                  "Running Process Instances",
                  "Open Incidents",
                  "Deployments",
                  "migrate to Camunda 8");
          screenshot("cockpit-fr");

          browser.get("http://localhost:" + port + "/camunda/app/admin/default/#/users");
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.tagName("body"), "Liste des utilisateurs"));
          String users = browser.findElement(By.tagName("body")).getText();
          assertThat(users).contains("Utilisateurs", "Groupes", "Autorisations");
          assertThat(users).doesNotContain("List of Users", "Create New User");
        });
  }

  @Test
  void frenchIsTheDefaultForALanguageTheWebappsDoNotSpeak() throws Exception {
    inBrowser(
        () -> {
          browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
          WebElement logInButton =
              wait.until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("button[type='submit']")));
          wait.until(d -> !logInButton.getText().isBlank());
          // a German browser: the webapps ship English and German, ours are French and English,
          // French is the fallback
          assertThat(logInButton.getText()).isEqualTo("Se connecter");
          assertThat(
                  browser
                      .findElement(
                          By.cssSelector("input#inputUsername, input[ng-model='username']"))
                      .getAttribute("placeholder"))
              .isEqualTo("Identifiant");
        });
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(
        png, SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private void asUser(String user, Runnable action) {
    identity.setAuthentication(
        user,
        identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList());
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  // --- the case

  private String seedCaseAtItsCall() {
    return seedCaseAtItsCall(
        businessCase(newDebtorId(), "F-WEB-1", "1250.00", LocalDate.now(CaseClock.PARIS)));
  }

  /**
   * A consumer's case (no late penalty: the amount at stake is the invoice) waiting at its call.
   */
  private String seedCaseAtItsCall(String debtorName, String amount) {
    String debtor = newDebtorId();
    return seedCaseAtItsCall(
        consumerCase(debtor, "F-" + debtor, amount, LocalDate.now(CaseClock.PARIS))
            .replace("Boulangerie Martin SARL", debtorName));
  }

  private String seedCaseAtItsCall(String json) {
    ApiClient.Response opened = admin().postJson("/api/cases", json);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String reference = opened.json().get("reference").asText();
    Task call =
        new ProcessDriver(engine, opened.json().get("processInstanceId").asText())
            .advanceUntilTask(CALL_TASK);
    // back to the real time the browser lives in; the call task waits
    ClockUtil.reset();
    assertThat(call.getAssignee()).isNull();
    return reference;
  }

  private String caseInstance(String reference) {
    return admin().get("/api/cases/" + reference).json().get("processInstanceId").asText();
  }

  private ApiClient admin() {
    return new ApiClient(port, "admin", "admin-test");
  }

  // --- Tasklist

  private void logIn(String user, String password) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    WebElement name =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(
                    "input#inputUsername, input[ng-model='username'], input[autocomplete='username']")));
    name.sendKeys(user);
    browser.findElement(By.cssSelector("input[type='password']")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".task-filters, [cam-tasklist-filters], .filters")));
  }

  private void openFilter(String name) {
    // the focused filter's link also holds its task count
    click(
        By.xpath(
            "//*[contains(@class,'task-filter')]/h4[contains(@class,'name')]/a[starts-with(normalize-space(),'"
                + name
                + "')]"));
  }

  private By taskOfCase(String reference) {
    return taskOfCase(reference, CALL_TASK);
  }

  private By taskOfCase(String reference, String taskName) {
    return By.xpath(
        "//li[contains(@class,'task')][.//*[contains(normalize-space(),\""
            + taskName
            + "\")]][contains(.,'"
            + reference
            + "')]");
  }

  private void openTaskOfCase(String reference) {
    openTaskOfCase(reference, CALL_TASK);
  }

  private void openTaskOfCase(String reference, String taskName) {
    WebElement link;
    try {
      WebElement task =
          new WebDriverWait(browser, Duration.ofSeconds(5))
              .until(ExpectedConditions.presenceOfElementLocated(taskOfCase(reference, taskName)));
      link = task.findElement(By.xpath(".//a[contains(normalize-space(),\"" + taskName + "\")]"));
    } catch (org.openqa.selenium.TimeoutException notOnThisPage) {
      // Tasklist loads a filter's tasks a page at a time and other tests' tasks share this
      // database: open the case's task in the filter by its link, as a bookmarked task would be
      String id =
          tasks
              .createTaskQuery()
              .processInstanceBusinessKey(reference)
              .taskName(taskName)
              .singleResult()
              .getId();
      String url = browser.getCurrentUrl().replaceAll("([?&])task=[^&]*&?", "$1");
      browser.get(
          url
              + (url.contains("?") ? (url.endsWith("?") || url.endsWith("&") ? "" : "&") : "?")
              + "task="
              + id);
      wait.until(
          ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form, form.fjs-form")));
      return;
    }
    // the case's task may be far down the list, under the fixed footer
    centre(link);
    wait.until(ExpectedConditions.elementToBeClickable(link)).click();
  }

  /**
   * A form-js input by its component id in the .form file: form-js gives each input the id
   * fjs-form-&lt;form instance&gt;-&lt;component id&gt; (a date input adds "-date").
   */
  private WebElement field(String componentId) {
    By input =
        By.cssSelector(
            ".fjs-form input[id$='-"
                + componentId
                + "'], .fjs-form input[id$='-"
                + componentId
                + "-date']");
    return wait.until(ExpectedConditions.presenceOfElementLocated(input));
  }

  /**
   * The text of the open form once the agenda's header has loaded (the task's variables arrive
   * after the form).
   */
  private String caseHeader() {
    wait.until(d -> !d.findElements(By.cssSelector(".fjs-form a[href^='/app/cases/']")).isEmpty());
    return text(browser.findElement(By.cssSelector(".fjs-form")));
  }

  /** What a person reads: no-break spaces as spaces. */
  private static String text(WebElement element) {
    return element.getText().replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  /** The cards' texts, or null when one was replaced while being read (Tasklist re-renders). */
  private static List<String> cardTexts(List<WebElement> cards) {
    try {
      return cards.stream().map(WebElement::getText).toList();
    } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
      return null;
    }
  }

  private static int indexOf(List<String> texts, String reference) {
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i).contains(reference)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The value form-js puts in a field once the task's variables have loaded (they arrive after the
   * form).
   */
  private String filled(String componentId) {
    WebElement input = field(componentId);
    wait.until(d -> !input.getAttribute("value").isEmpty());
    return input.getAttribute("value");
  }

  /** form-js draws its own drop-down: a display to click, then the list's items. */
  private void chooseOutcome(String label) {
    click(By.cssSelector(".fjs-form [id$='-Field_CallOutcome-display']"));
    click(
        By.xpath(
            "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + label + "']"));
  }

  private void type(WebElement input, String text) {
    centre(input);
    wait.until(ExpectedConditions.elementToBeClickable(input));
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
  }

  /**
   * Clicks once the element is on screen: Tasklist's fixed footer covers the bottom of long forms.
   */
  private void click(By by) {
    WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    centre(element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  private void centre(WebElement element) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  interface Steps {
    void run() throws Exception;
  }

  /** Runs the steps; on any failure keeps what the browser showed, then fails. */
  private void inBrowser(Steps steps) throws Exception {
    try {
      steps.run();
    } catch (Throwable e) {
      dump("failure");
      throw e;
    }
  }

  private void dump(String step) {
    try {
      Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(
          png,
          OUTPUT.resolve(testName + "-" + step + ".png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(
          OUTPUT.resolve(testName + "-" + step + ".html"),
          browser.getPageSource(),
          StandardCharsets.UTF_8);
    } catch (Exception e) {
      System.err.println("Could not keep the browser's state: " + e);
    }
  }
}

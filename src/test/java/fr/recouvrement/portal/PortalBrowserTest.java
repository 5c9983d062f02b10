package fr.recouvrement.portal;

import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.ProcessDriver;
import fr.recouvrement.TestServers;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.security.GroupIds;
import fr.recouvrement.security.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The debtor portal in headless Debian Chromium on a phone-sized screen (390 px wide): a debtor
 * opens the link of the reminder GreenMail received, proposes a plan, disputes with a PDF (and a
 * collector finds it in Tasklist), promises a date; expired links and another case's link show
 * nothing of the case. Screenshots go to docs/screenshots/ (referenced from docs/portal.md).
 * Skipped without chromium and chromedriver, as the other browser tests.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest {
  /**
   * Every test here comes from 127.0.0.1: each starts with the portal's per-address counts at zero.
   */
  @org.springframework.beans.factory.annotation.Autowired PortalThrottle portalThrottle;

  @org.junit.jupiter.api.BeforeEach
  void countsFromZero() {
    portalThrottle.clear();
  }

  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path OUTPUT = Path.of("target", "browser");
  static final Path SCREENSHOTS = Path.of("docs", "screenshots");
  static final String COLLECTOR = "tportalcollector";
  static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/portail/[a-z2-7]{26}");
  static final DateTimeFormatter INPUT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired PortalLinks links;

  WebDriver browser;
  WebDriverWait wait;
  String testName;

  @BeforeAll
  void openBrowser() throws Exception {
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
    TestUsers.ensure(identity, COLLECTOR, GroupIds.COLLECTORS);
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Files.createDirectories(OUTPUT);
    Files.createDirectories(SCREENSHOTS);
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
        "--window-size=390,844",
        "--lang=fr-FR",
        "--user-data-dir=" + Files.createTempDirectory("recouvrement-portal-"));
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR"));
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
            options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @BeforeEach
  void name(TestInfo info) {
    testName = info.getTestMethod().map(m -> m.getName()).orElse("browser");
    browser.manage().deleteAllCookies();
    phone();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aDebtorOpensTheLinkOfTheReminderEmailAndProposesAThreeInstalmentPlanTheTableAccepts()
      throws Exception {
    String reference = openCase("F-WEB-PLAN");
    String url = linkFromReminderEmail(reference);

    inBrowser(
        () -> {
          browser.get(url);
          wait.until(ExpectedConditions.textToBe(By.id("case-reference"), reference));
          assertThat(browser.findElement(By.tagName("body")).getText())
              .contains("Facture F-WEB-PLAN", "Référence à indiquer");
          assertThat(browser.findElement(By.id("epc-qr")).getAttribute("alt"))
              .contains("virement SEPA");
          // the reminder just received is listed among the messages sent
          assertThat(browser.findElement(By.id("messages")).getText()).contains("Courriel");
          fullPageScreenshot("portal-page");

          BigDecimal balance = new BigDecimal(jdbcBalance(reference));
          // payment-plan-terms, Rule_WithinCollectorLimit: PONCTUEL, under 10,000 €, at most 6
          // instalments, down payment >= 10 %
          BigDecimal down =
              balance
                  .multiply(new BigDecimal("0.10"))
                  .setScale(0, RoundingMode.CEILING)
                  .add(BigDecimal.ONE);
          type(By.id("plan-count"), "3");
          date(By.id("plan-first"), CaseClock.today().plusDays(15));
          type(By.id("plan-down"), down.toPlainString());
          click(By.id("plan-submit"));
          WebElement notice =
              wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
          assertThat(notice.getText()).contains("Votre échéancier est accepté");
          screenshot("portal-plan-accepted");
        });

    settle(reference);
    assertThat(
            jdbc.queryForObject(
                "select status from collection_case where reference = ?", String.class, reference))
        .isEqualTo("PAYMENT_PLAN");
    List<MimeMessage> schedules =
        mailsOf(reference).stream()
            .filter(m -> subject(m).toLowerCase().contains("échéancier"))
            .toList();
    assertThat(schedules).hasSize(1);
    assertThat(body(schedules.get(0))).contains("3", "/portail/");
  }

  @Test
  void aDebtorDisputesAnInvoiceWithAPdfAndACollectorFindsItInTasklist() throws Exception {
    String reference = openCase("F-WEB-DISP");
    String url = links.issue(reference, "test").orElseThrow();
    Path pdf = Files.createTempFile("bon-de-livraison", ".pdf");
    Files.write(pdf, PortalActionsTest.PDF);

    inBrowser(
        () -> {
          browser.get(url);
          wait.until(ExpectedConditions.textToBe(By.id("case-reference"), reference));
          click(By.id("dispute-invoice-0"));
          new Select(browser.findElement(By.id("dispute-category"))).selectByValue("TECHNICAL");
          type(By.id("dispute-comment"), "Marchandise reçue abîmée, voir le bon de livraison.");
          browser.findElement(By.id("dispute-files")).sendKeys(pdf.toAbsolutePath().toString());
          click(By.id("dispute-submit"));
          WebElement notice =
              wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
          assertThat(notice.getText()).contains("Votre contestation est enregistrée");
          assertThat(browser.findElement(By.cssSelector(".invoice .tag")).getText())
              .isEqualTo("contestée");
          screenshot("portal-dispute");
        });

    Task investigate =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey("Task_InvestigateDispute")
            .singleResult();
    assertThat(investigate).isNotNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(investigate.getId()))
        .anyMatch(l -> GroupIds.COLLECTORS.equals(l.getGroupId()));
    String fileName = pdf.getFileName().toString();

    inBrowser(
        () -> {
          browser.manage().window().setSize(new Dimension(1400, 1200));
          browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
          WebElement name =
              wait.until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector(
                          "input#inputUsername, input[ng-model='username'], input[autocomplete='username']")));
          name.sendKeys(COLLECTOR);
          browser
              .findElement(By.cssSelector("input[type='password']"))
              .sendKeys(TestUsers.PASSWORD);
          browser.findElement(By.cssSelector("button[type='submit']")).click();
          wait.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector(".task-filters, [cam-tasklist-filters], .filters")));
          browser.get(
              "http://localhost:"
                  + port
                  + "/camunda/app/tasklist/default/#/?task="
                  + investigate.getId());
          WebElement documents =
              wait.until(
                  ExpectedConditions.presenceOfElementLocated(
                      By.cssSelector(".fjs-form textarea[id$='-Field_DisputeDocuments']")));
          wait.until(d -> documents.getAttribute("value").contains(fileName));
          assertThat(documents.getAttribute("value"))
              .contains(
                  "SHA-256 " + PortalActionsTest.sha256(PortalActionsTest.PDF), "/app/documents/");
          centre(documents);
          Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
          Files.copy(
              png,
              SCREENSHOTS.resolve("portal-dispute-in-tasklist.png"),
              StandardCopyOption.REPLACE_EXISTING);
        });
  }

  @Test
  void aDebtorPromisesADateAndTheRemindersWait() throws Exception {
    String reference = openCase("F-WEB-PROM");
    String url = links.issue(reference, "test").orElseThrow();
    LocalDate promised = CaseClock.today().plusDays(10);

    inBrowser(
        () -> {
          browser.get(url);
          wait.until(ExpectedConditions.textToBe(By.id("case-reference"), reference));
          date(By.id("promise-date"), promised);
          click(By.id("promise-submit"));
          WebElement notice =
              wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
          assertThat(notice.getText())
              .contains(
                  "au plus tard le " + promised.format(INPUT_DATE), "nous ne vous relancerons pas");
          assertThat(browser.findElements(By.id("promise-submit"))).isEmpty();
          screenshot("portal-promise");
        });

    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("amicable-reminders")
                .processInstanceBusinessKey(reference)
                .count())
        .isZero();
    Optional<Date> check =
        new ProcessDriver(engine, processOf(reference)).timerDue("Timer_PromiseDue");
    // RecordPromise: checked the day after the promised date plus the 3 grace days of the model
    assertThat(check)
        .hasValue(Date.from(promised.plusDays(4).atStartOfDay(CaseClock.PARIS).toInstant()));
  }

  @Test
  void anExpiredLinkAndAnotherCasesLinkShowNothingOfTheCase() throws Exception {
    String mine = openCase("F-WEB-MINE");
    String theirs = openCase("F-WEB-THEIRS");
    String myLink = links.issue(mine, "test").orElseThrow();
    String theirLink = links.issue(theirs, "test").orElseThrow();

    inBrowser(
        () -> {
          browser.get(theirLink);
          wait.until(ExpectedConditions.textToBe(By.id("case-reference"), theirs));
          assertThat(browser.getPageSource()).doesNotContain(mine, "F-WEB-MINE");
          browser.get(myLink);
          wait.until(ExpectedConditions.textToBe(By.id("case-reference"), mine));
          assertThat(browser.getPageSource()).doesNotContain(theirs, "F-WEB-THEIRS");
        });

    // the debtor pays everything; 31 days after the case closed, the link no longer opens it
    String balance = jdbcBalance(mine);
    ApiClient.Response paid =
        new ApiClient(port, "admin", "admin-test")
            .postJson(
                "/api/cases/" + mine + "/payments",
                "{\"amount\": "
                    + balance
                    + ", \"date\": \""
                    + CaseClock.today()
                    + "\", \"reference\": \"VIR-"
                    + mine
                    + "\"}");
    assertThat(paid.status()).as(paid.toString()).isLessThan(300);
    ClockUtil.setCurrentTime(Date.from(CaseClock.now().plus(Duration.ofDays(31))));

    inBrowser(
        () -> {
          browser.get(myLink);
          WebElement title =
              wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invalid-title")));
          assertThat(title.getText()).isEqualTo("Ce lien ne permet pas d'ouvrir un dossier");
          assertThat(browser.getPageSource())
              .doesNotContain(mine)
              .contains("recouvrement@demo-creancier.example");
          screenshot("portal-invalid-link");
        });
  }

  // --- the case and its reminder

  ApiClient admin() {
    return new ApiClient(port, "admin", "admin-test");
  }

  /** A business case, one invoice of 1,200.00 due 20 days ago; its processes settled. */
  String openCase(String invoiceNumber) {
    LocalDate today = CaseClock.today();
    ApiClient.Response r =
        admin()
            .postJson(
                "/api/cases",
                caseJson(
                    newDebtorId(),
                    "BUSINESS",
                    "\"siren\": \"552100554\",",
                    invoice(invoiceNumber, today.minusDays(50), today.minusDays(20), "1200.00")));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String reference = r.json().get("reference").asText();
    settle(reference);
    return reference;
  }

  String jdbcBalance(String reference) {
    return admin()
        .get("/api/cases/" + reference)
        .json()
        .get("balance")
        .decimalValue()
        .toPlainString();
  }

  String processOf(String reference) {
    return jdbc.queryForObject(
        "select process_instance_id from collection_case where reference = ?",
        String.class,
        reference);
  }

  void settle(String reference) {
    new ProcessDriver(engine, processOf(reference)).settle();
  }

  /**
   * Lets the cadence run as the job executor would (the clock moved to each waiting timer) until
   * the first reminder email of the case reaches GreenMail, and reads the portal link in it.
   */
  String linkFromReminderEmail(String reference) {
    ProcessDriver driver = new ProcessDriver(engine, processOf(reference));
    for (int i = 0; i < 12; i++) {
      driver.settle();
      Optional<MimeMessage> mail = mailsOf(reference).stream().findFirst();
      if (mail.isPresent()) {
        Matcher link = LINK.matcher(body(mail.get()));
        assertThat(link.find()).as("a portal link in the reminder").isTrue();
        return link.group();
      }
      List<Job> timers =
          driver.tree().stream()
              .flatMap(
                  id ->
                      engine
                          .getManagementService()
                          .createJobQuery()
                          .processInstanceId(id)
                          .timers()
                          .active()
                          .list()
                          .stream())
              .filter(
                  j ->
                      j.getDuedate() != null
                          && j.getDuedate()
                              .before(Date.from(CaseClock.now().plus(Duration.ofDays(60)))))
              .sorted(java.util.Comparator.comparing(Job::getDuedate))
              .toList();
      assertThat(timers).as("a reminder step waits for its time").isNotEmpty();
      Job next = timers.get(0);
      if (next.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(next.getDuedate());
      }
      engine.getManagementService().executeJob(next.getId());
    }
    throw new AssertionError("No reminder email for " + reference + " after 12 steps");
  }

  static List<MimeMessage> mailsOf(String reference) {
    return Arrays.stream(TestServers.greenMail().getReceivedMessages())
        .filter(m -> subject(m).contains(reference))
        .toList();
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject() == null ? "" : m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String body(MimeMessage m) {
    try {
      return new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          + com.icegreen.greenmail.util.GreenMailUtil.getBody(m);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // --- the browser

  void phone() {
    browser.manage().window().setSize(new Dimension(390, 844));
  }

  void type(By by, String text) {
    WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    centre(input);
    input.clear();
    input.sendKeys(text);
  }

  /** A date input takes what a French user types: day, month, year. */
  void date(By by, LocalDate day) {
    WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    centre(input);
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].value = arguments[1];", input, day.toString());
  }

  void click(By by) {
    WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    centre(element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  void centre(WebElement element) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  void screenshot(String name) throws Exception {
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
    Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** The whole page at phone width: the window made as tall as the page, then back. */
  void fullPageScreenshot(String name) throws Exception {
    Number height =
        (Number)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight;");
    browser.manage().window().setSize(new Dimension(390, Math.min(6000, height.intValue() + 100)));
    screenshot(name);
    phone();
  }

  interface Steps {
    void run() throws Exception;
  }

  void inBrowser(Steps steps) throws Exception {
    try {
      steps.run();
    } catch (Throwable e) {
      try {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(
            png,
            OUTPUT.resolve("portal-" + testName + ".png"),
            StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(
            OUTPUT.resolve("portal-" + testName + ".html"),
            browser.getPageSource(),
            StandardCharsets.UTF_8);
      } catch (Exception dump) {
        System.err.println("Could not keep the browser's state: " + dump);
      }
      throw e;
    }
  }
}

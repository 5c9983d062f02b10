package fr.recouvrement.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.IntegrationTest;
import fr.recouvrement.security.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * /api/docs in headless Chromium, as an integrator opens it: Swagger UI runs under the API's
 * Content-Security-Policy and shows the description. The screenshot goes to
 * docs/screenshots/api-docs.png. Skipped when chromium or chromedriver is missing, like the other
 * browser tests.
 */
@IntegrationTest
class ApiDocsBrowserTest {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @Test
  void swaggerUiShowsTheDescriptionUnderTheApisContentSecurityPolicy() throws Exception {
    if (!(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM))) {
      String why =
          "Browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver";
      if (Boolean.parseBoolean(System.getenv("RECOUVREMENT_REQUIRE_BROWSER"))) {
        Assertions.fail(why + " (RECOUVREMENT_REQUIRE_BROWSER=true: required here)");
      }
      Assumptions.abort(why + "; skipped");
    }
    TestUsers.ensureAll(identity);
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
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
        "--window-size=1400,1600",
        "--lang=fr-FR",
        "--user-data-dir=" + Files.createTempDirectory("recouvrement-apidocs-"));
    ChromeDriver browser =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
            options);
    try {
      // HTTP Basic on every request, as the browser does once its own dialog was answered
      String basic =
          java.util.Base64.getEncoder()
              .encodeToString(
                  (TestUsers.AUDITOR + ":" + TestUsers.PASSWORD)
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      browser.executeCdpCommand("Network.enable", java.util.Map.of());
      browser.executeCdpCommand(
          "Network.setExtraHTTPHeaders",
          java.util.Map.of("headers", java.util.Map.of("Authorization", "Basic " + basic)));
      browser.get("http://localhost:" + port + "/api/docs");
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".swagger-ui .info .title"), "Recouvrement API"));
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector(
                  ".opblock-summary-path[data-path='/api/cases/{reference}/payments']")));

      assertThat(browser.findElements(By.cssSelector(".opblock")).size())
          .as("operations shown")
          .isGreaterThan(15);
      Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Files.createDirectories(Path.of("docs", "screenshots"));
      Files.copy(
          shot,
          Path.of("docs", "screenshots", "api-docs.png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (RuntimeException | AssertionError e) {
      Files.createDirectories(Path.of("target", "browser"));
      Files.writeString(Path.of("target", "browser", "api-docs.html"), browser.getPageSource());
      Files.copy(
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
          Path.of("target", "browser", "api-docs.png"),
          StandardCopyOption.REPLACE_EXISTING);
      throw e;
    } finally {
      browser.quit();
    }
  }
}

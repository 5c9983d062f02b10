package fr.recouvrement.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class StartupLogTest {

  static void start(String adminPassword) {
    CamundaBpmProperties camunda = new CamundaBpmProperties();
    camunda.getAdminUser().setId("admin");
    camunda.getAdminUser().setPassword(adminPassword);
    new StartupLog(camunda, new MockEnvironment())
        .ready(
            new ApplicationReadyEvent(
                new SpringApplication(),
                new String[0],
                new GenericApplicationContext(),
                Duration.ZERO));
  }

  @Test
  void theLocalDefaultPasswordIsWarnedAboutAndShown(CapturedOutput output) {
    start("admin");

    assertThat(output)
        .contains("WARN")
        .contains("local default password")
        .contains("RECOUVREMENT_ADMIN_PASSWORD");
    assertThat(output)
        .contains("Recouvrement prêt")
        .contains("/camunda/app/")
        .contains("/api")
        .contains("admin / admin");
  }

  @Test
  void aRealPasswordIsNeverPrinted(CapturedOutput output) {
    start("S3cret-Of-The-Creditor");

    assertThat(output).contains("Recouvrement prêt").contains("Log in as:").doesNotContain("WARN");
    assertThat(output).doesNotContain("S3cret-Of-The-Creditor");
  }
}

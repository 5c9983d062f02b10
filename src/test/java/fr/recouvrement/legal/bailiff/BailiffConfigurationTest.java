package fr.recouvrement.legal.bailiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which gateway the settings give, without booting the application. */
class BailiffConfigurationTest {
  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(BailiffConfiguration.class);

  @Test
  void withoutABaseUrlTheGatewayIsNotConfiguredAndRefusesToSend() {
    context.run(
        c -> {
          BailiffGateway gateway = c.getBean("bailiffGateway", BailiffGateway.class);
          assertThat(gateway.isConfigured()).isFalse();
          BailiffGateway.Mission mission =
              new BailiffGateway.Mission(
                  "DOS-1/p/Task/BANK_SEIZURE/1",
                  MissionType.BANK_SEIZURE,
                  "DOS-1",
                  new BailiffGateway.Debtor("Jeanne Martin", "CONSUMER", null, null),
                  new BailiffGateway.Claim(BigDecimal.TEN, BigDecimal.TEN, "EUR"),
                  new BailiffGateway.Measure(null, null));
          assertThatThrownBy(() -> gateway.requestMission(mission))
              .hasMessageContaining("recouvrement.bailiff.base-url")
              .hasMessageContaining("recordManualBailiffMission");
          BailiffSettings settings = c.getBean(BailiffSettings.class);
          assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
          assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        });
  }

  @Test
  void aBlankBaseUrlIsNotConfigured() {
    context
        .withPropertyValues("recouvrement.bailiff.base-url= ")
        .run(c -> assertThat(c.getBean(BailiffGateway.class).isConfigured()).isFalse());
  }

  @Test
  void withABaseUrlTheHttpGatewayIsUsed() {
    context
        .withPropertyValues(
            "recouvrement.bailiff.base-url=https://commissaire.example/api",
            "recouvrement.bailiff.read-timeout=10s")
        .run(
            c -> {
              assertThat(c.getBean(BailiffGateway.class)).isInstanceOf(HttpBailiffGateway.class);
              assertThat(c.getBean(BailiffGateway.class).isConfigured()).isTrue();
              assertThat(c.getBean(BailiffSettings.class).readTimeout())
                  .isEqualTo(Duration.ofSeconds(10));
            });
  }

  @Test
  void theProvidersMessageIsTakenFromAJsonProblemOrThePlainBody() {
    assertThat(
            HttpBailiffGateway.providerMessage(
                "{\"detail\": \"SIREN inconnu\", \"title\": \"Bad\"}"))
        .isEqualTo("SIREN inconnu");
    assertThat(HttpBailiffGateway.providerMessage("{\"message\": \"Adresse incomplète\"}"))
        .isEqualTo("Adresse incomplète");
    assertThat(HttpBailiffGateway.providerMessage("Service Unavailable\n"))
        .isEqualTo("Service Unavailable");
    assertThat(HttpBailiffGateway.providerMessage("")).isEqualTo("(no message)");
  }
}

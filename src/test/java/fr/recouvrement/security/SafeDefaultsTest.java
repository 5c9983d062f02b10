package fr.recouvrement.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/**
 * The settings a jar starts with (review C1, L1), read from the real application.yaml and
 * application-local.yaml, as Spring Boot layers them.
 */
class SafeDefaultsTest {

  /**
   * The environment of a start with these profiles and extra settings, from the shipped YAML files.
   */
  static StandardEnvironment start(List<String> profiles, String... settings) throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
    for (PropertySource<?> source :
        yaml.load("application", new ClassPathResource("application.yaml"))) {
      environment.getPropertySources().addLast(source);
    }
    for (String profile : profiles) {
      for (PropertySource<?> source :
          yaml.load(profile, new ClassPathResource("application-" + profile + ".yaml"))) {
        environment.getPropertySources().addFirst(source);
      }
    }
    MockEnvironment overrides = new MockEnvironment();
    for (String setting : settings) {
      String[] kv = setting.split("=", 2);
      overrides.setProperty(kv[0], kv[1]);
    }
    environment.getPropertySources().addFirst(overrides.getPropertySources().iterator().next());
    return environment;
  }

  static void check(StandardEnvironment environment) {
    new SafeDefaults().postProcessEnvironment(environment, new SpringApplication());
  }

  @Test
  void aJarStartedWithNoSettingsCannotBeTakenOverFromAnotherMachine() throws IOException {
    StandardEnvironment bare = start(List.of());

    assertThat(bare.getProperty("server.address")).as("listens everywhere").isNull();
    assertThat(bare.getProperty("recouvrement.demo.enabled")).isEqualTo("false");
    assertThatThrownBy(() -> check(bare))
        .isInstanceOf(SafeDefaults.UnsafeSettingsException.class)
        .hasMessageContaining("The administrator password is empty")
        .hasMessageContaining("RECOUVREMENT_ADMIN_PASSWORD");
    // the compose file's former default and the README's local one
    for (String weak : List.of("change-me", "admin", "short")) {
      assertThatThrownBy(() -> check(start(List.of(), "camunda.bpm.admin-user.password=" + weak)))
          .as(weak)
          .isInstanceOf(SafeDefaults.UnsafeSettingsException.class);
    }
    // demo users (password demo) on a network: refused even with a real administrator password
    assertThatThrownBy(
            () ->
                check(
                    start(
                        List.of(),
                        "camunda.bpm.admin-user.password=Correct-Horse-42",
                        "recouvrement.demo.enabled=true")))
        .hasMessageContaining("Demo users");
  }

  @Test
  void aRealAdministratorPasswordStartsOnTheNetwork() throws IOException {
    check(start(List.of(), "camunda.bpm.admin-user.password=Correct-Horse-42"));
    check(start(List.of("postgres"), "camunda.bpm.admin-user.password=Correct-Horse-42"));
  }

  @Test
  void theReadmeCommandGivesALocalDemoOnThisMachineOnly() throws IOException {
    // mvn spring-boot:run adds the profile local (pom.xml, spring-boot.run.profiles)
    StandardEnvironment local = start(List.of("local"));

    check(local);
    assertThat(local.getProperty("server.address")).isEqualTo("127.0.0.1");
    assertThat(local.getProperty("camunda.bpm.admin-user.password")).isEqualTo("admin");
    assertThat(local.getProperty("recouvrement.demo.enabled")).isEqualTo("true");
    // the local profile on every interface is no longer local
    assertThatThrownBy(() -> check(start(List.of("local"), "server.address=0.0.0.0")))
        .isInstanceOf(SafeDefaults.UnsafeSettingsException.class);
  }

  @Test
  void anAdministratorIdCamundaWouldRefuseStopsTheStartInOneClearLine() throws IOException {
    StandardEnvironment acme = start(List.of("local"), "camunda.bpm.admin-user.id=acme-admin");

    assertThatThrownBy(() -> check(acme))
        .hasMessage(
            "The administrator id 'acme-admin' (RECOUVREMENT_ADMIN_USER) is refused by Camunda's user id rule [a-zA-Z0-9]+|camunda-admin:"
                + " use letters and digits only, e.g. 'acmeadmin'.");
    FailureAnalysis analysis =
        new UnsafeSettingsFailureAnalyzer().analyze(new IllegalStateException(catchUnsafe(acme)));
    assertThat(analysis.getDescription())
        .startsWith(
            "Recouvrement refuses to start with these settings. The administrator id 'acme-admin'");
  }

  @Test
  void cookiesAreSecureBehindHttpsInTheProductionProfile() throws IOException {
    StandardEnvironment postgres = start(List.of("postgres"));
    StandardEnvironment local = start(List.of("local"));

    for (String cookie :
        List.of(
            "server.servlet.session.cookie.secure",
            "camunda.bpm.webapp.session-cookie.enable-secure-cookie",
            "camunda.bpm.webapp.csrf.enable-secure-cookie")) {
      assertThat(postgres.getProperty(cookie)).as(cookie).isEqualTo("true");
      // plain http on this machine: a Secure cookie would never come back
      assertThat(local.getProperty(cookie)).as(cookie).isEqualTo("false");
    }
    assertThat(
            start(List.of("postgres"), "recouvrement.http.secure-cookies=false")
                .getProperty("server.servlet.session.cookie.secure"))
        .isEqualTo("false");
  }

  @Test
  void h2AutoServerListensOnlyInTheLocalProfile() throws IOException {
    assertThat(start(List.of()).getProperty("spring.datasource.url")).doesNotContain("AUTO_SERVER");
    assertThat(start(List.of("postgres")).getProperty("spring.datasource.url"))
        .startsWith("jdbc:postgresql:");
    assertThat(start(List.of("local")).getProperty("spring.datasource.url"))
        .contains("AUTO_SERVER=TRUE");
  }

  private static Throwable catchUnsafe(StandardEnvironment environment) {
    try {
      check(environment);
      throw new AssertionError("not refused");
    } catch (SafeDefaults.UnsafeSettingsException e) {
      return e;
    }
  }
}

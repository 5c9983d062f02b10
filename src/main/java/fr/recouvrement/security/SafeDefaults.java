package fr.recouvrement.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Refuses to start an application that anyone on the network could take over (review C1), before
 * the engine, the database or the HTTP port exist.
 *
 * <ul>
 *   <li>A default, empty or short administrator password, and the demo users (password {@code
 *       demo}), are only accepted when the server listens on a loopback address: the {@code local}
 *       profile ({@code mvn spring-boot:run}) binds to 127.0.0.1 and sets both.
 *   <li>The administrator id must pass Camunda's user id rule (letters and digits only by default):
 *       otherwise the engine would stop the start with a stack trace about a "whitelist pattern".
 * </ul>
 *
 * Registered in {@code META-INF/spring.factories}; {@link UnsafeSettingsFailureAnalyzer} prints the
 * reason in one line instead of a stack trace.
 */
public class SafeDefaults implements EnvironmentPostProcessor {
  static final String ADMIN_ID = "camunda.bpm.admin-user.id";
  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
  static final String DEMO = "recouvrement.demo.enabled";
  static final String ADDRESS = "server.address";

  /**
   * Camunda's default rule for user ids (ProcessEngineConfigurationImpl,
   * "userResourceWhitelistPattern").
   */
  static final String CAMUNDA_DEFAULT_ID_PATTERN = "[a-zA-Z0-9]+|camunda-admin";

  static final int MIN_PASSWORD_LENGTH = 10;

  /**
   * Passwords shipped in this repository or its documentation at some point, and the obvious ones.
   */
  static final Set<String> KNOWN_DEFAULTS =
      Set.of(
          "admin",
          "change-me",
          "changeme",
          "demo",
          "password",
          "camunda",
          "recouvrement",
          "secret",
          "administrator");

  /** Thrown when the settings are unsafe; the message is what the operator reads. */
  public static class UnsafeSettingsException extends IllegalStateException {
    UnsafeSettingsException(String message) {
      super(message);
    }
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    List<String> problems = problems(environment);
    if (!problems.isEmpty()) {
      throw new UnsafeSettingsException(String.join(" ", problems));
    }
  }

  /** What is wrong with these settings, each problem in one sentence; empty when they are safe. */
  static List<String> problems(Environment environment) {
    List<String> problems = new ArrayList<>();
    String adminId = environment.getProperty(ADMIN_ID);
    if (adminId != null) {
      String pattern = idPattern(environment);
      if (!Pattern.matches(pattern, adminId)) {
        problems.add(
            "The administrator id '%s' (RECOUVREMENT_ADMIN_USER) is refused by Camunda's user id rule %s: use letters and digits only, e.g. '%s'."
                .formatted(adminId, pattern, adminId.replaceAll("[^a-zA-Z0-9]", "")));
      }
      // the Camunda starter uses the id as password when none is set
      String password = environment.getProperty(ADMIN_PASSWORD, adminId);
      String weakness = weakness(adminId, password);
      if (weakness != null && !loopbackOnly(environment)) {
        problems.add(
            ("The administrator password %s, and the server would listen on every network interface: set"
                    + " RECOUVREMENT_ADMIN_PASSWORD (at least %d characters), or run on this machine only with the profile"
                    + " 'local' (--spring.profiles.active=local, listens on 127.0.0.1).")
                .formatted(weakness, MIN_PASSWORD_LENGTH));
      }
    }
    if (environment.getProperty(DEMO, Boolean.class, false) && !loopbackOnly(environment)) {
      problems.add(
          "Demo users (password 'demo') are only created on a server that listens on 127.0.0.1: use the profile 'local',"
              + " or set RECOUVREMENT_DEMO_ENABLED=false.");
    }
    return problems;
  }

  /** Why this password is unsafe on a network, or null. */
  static String weakness(String adminId, String password) {
    if (password == null || password.isBlank()) {
      return "is empty";
    }
    if (password.equalsIgnoreCase(adminId)
        || KNOWN_DEFAULTS.contains(password.toLowerCase(Locale.ROOT))) {
      return "is a well-known default";
    }
    if (password.length() < MIN_PASSWORD_LENGTH) {
      return "is shorter than " + MIN_PASSWORD_LENGTH + " characters";
    }
    return null;
  }

  static String idPattern(Environment environment) {
    for (String name :
        List.of(
            "camunda.bpm.generic-properties.properties.user-resource-whitelist-pattern",
            "camunda.bpm.generic-properties.properties.userResourceWhitelistPattern",
            "camunda.bpm.generic-properties.properties.general-resource-whitelist-pattern",
            "camunda.bpm.generic-properties.properties.generalResourceWhitelistPattern")) {
      String pattern = environment.getProperty(name);
      if (pattern != null && !pattern.isBlank()) {
        return pattern;
      }
    }
    return CAMUNDA_DEFAULT_ID_PATTERN;
  }

  /** True when {@code server.address} is a loopback address (127.0.0.1, ::1, localhost). */
  static boolean loopbackOnly(Environment environment) {
    String address = environment.getProperty(ADDRESS);
    if (address == null || address.isBlank()) {
      return false;
    }
    try {
      return InetAddress.getByName(address.trim()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

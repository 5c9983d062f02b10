package fr.recouvrement.security;

import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What someone who just started the application needs to read: where it answers and who to log in
 * as, and a warning while the administrator keeps the local default password.
 */
@Component
class StartupLog {
  static final String DEFAULT_ADMIN_PASSWORD = "admin";
  private static final Logger log = LoggerFactory.getLogger(StartupLog.class);

  private final CamundaBpmProperties camunda;
  private final Environment environment;

  StartupLog(CamundaBpmProperties camunda, Environment environment) {
    this.camunda = camunda;
    this.environment = environment;
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    AdminUserProperty admin = camunda.getAdminUser();
    String adminId = admin == null ? null : admin.getId();
    boolean defaultPassword = admin != null && DEFAULT_ADMIN_PASSWORD.equals(admin.getPassword());
    if (defaultPassword) {
      log.warn(
          "The administrator '{}' is configured with the local default password '{}': fine on your machine, never"
              + " elsewhere (the application refuses it unless it listens on 127.0.0.1 only, profile local). Set"
              + " RECOUVREMENT_ADMIN_PASSWORD (and RECOUVREMENT_ADMIN_USER) before the first start;"
              + " the administrator is created once, so afterwards change the password in Admin"
              + " (/camunda/app/admin/).",
          adminId,
          DEFAULT_ADMIN_PASSWORD);
    }
    String base =
        "http://localhost:"
            + port(event)
            + environment.getProperty("server.servlet.context-path", "");
    String login =
        adminId == null
            ? "a user of the Camunda identity"
            : defaultPassword
                ? adminId + " / " + DEFAULT_ADMIN_PASSWORD + " (local default password)"
                : adminId + " (password as configured, not shown)";
    log.info(
        """

        ==== Recouvrement prêt ====
          Webapps (Tasklist, Cockpit, Admin): {}{}/app/
          API:                                {}/api
          Camunda REST API (Modeler):         {}/engine-rest
          Log in as:                          {}
          Reachable from:                     {}
        """,
        base,
        camunda.getWebapp().getApplicationPath(),
        base,
        base,
        login,
        SafeDefaults.loopbackOnly(environment)
            ? "this machine only (" + environment.getProperty("server.address") + ")"
            : "the network");
  }

  private static int port(ApplicationReadyEvent event) {
    return event.getApplicationContext() instanceof WebServerApplicationContext web
            && web.getWebServer() != null
        ? web.getWebServer().getPort()
        : 8080;
  }
}

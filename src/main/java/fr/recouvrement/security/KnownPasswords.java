package fr.recouvrement.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The settings can be right and the database still wrong: an administrator created as {@code
 * admin}/{@code admin} by a local try-out, or the demo users (password {@code demo}), are still
 * there when the same data directory is started on the network (review C1). Checked once every bean
 * exists and before the HTTP port opens; the start is refused, naming the accounts to fix in Admin.
 * Only on a server that listens beyond 127.0.0.1.
 */
@Component
class KnownPasswords implements SmartInitializingSingleton {
  /** The demo users of fr.recouvrement.demo.DemoData, with the password it gives them. */
  static final List<String> DEMO_USERS =
      List.of("collecteur", "superviseur", "analyste", "auditeur");

  static final String DEMO_PASSWORD = "demo";

  private final ProcessEngine engine;
  private final Environment environment;

  KnownPasswords(ProcessEngine engine, Environment environment) {
    this.engine = engine;
    this.environment = environment;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!SafeDefaults.loopbackOnly(environment)) {
      List<String> exposed = exposedAccounts();
      if (!exposed.isEmpty()) {
        throw new SafeDefaults.UnsafeSettingsException(
            "These accounts of the database still have a well-known password, and the server would listen on every network"
                + " interface: "
                + String.join(", ", exposed)
                + ". Start once with the profile 'local' and change their"
                + " passwords (or delete the demo users) in Admin.");
      }
    }
  }

  /**
   * The users that log in with a password anyone knows. Each wrong guess counts as a failed login
   * on the account (the engine dates it, and a clock set back by a drill or a test would then see
   * the account as locked), so every probed account is unlocked afterwards: probing leaves no
   * trace.
   */
  List<String> exposedAccounts() {
    IdentityService identity = engine.getIdentityService();
    List<String> exposed = new ArrayList<>();
    String adminId = environment.getProperty(SafeDefaults.ADMIN_ID);
    if (adminId != null && identity.createUserQuery().userId(adminId).count() > 0) {
      for (String known : SafeDefaults.KNOWN_DEFAULTS) {
        if (identity.checkPassword(adminId, known)) {
          exposed.add(adminId);
          break;
        }
      }
      identity.unlockUser(adminId);
    }
    for (String demo : DEMO_USERS) {
      if (identity.createUserQuery().userId(demo).count() > 0) {
        if (identity.checkPassword(demo, DEMO_PASSWORD)) {
          exposed.add(demo);
        }
        identity.unlockUser(demo);
      }
    }
    return exposed;
  }
}

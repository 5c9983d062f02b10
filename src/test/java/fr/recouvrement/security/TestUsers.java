package fr.recouvrement.security;

import fr.recouvrement.ApiClient;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * One test user per group, plus one in no group, created through Camunda's IdentityService on first
 * use and left in place: tests sharing the application context share them, and asking again changes
 * nothing. Demo users are off in tests. Ids are letters and digits only, as Camunda requires.
 */
public final class TestUsers {
  public static final String PASSWORD = "test-password";

  public static final String COLLECTOR = "tcollector";
  public static final String SUPERVISOR = "tsupervisor";
  public static final String ANALYST = "tanalyst";
  public static final String AUDITOR = "tauditor";
  public static final String NO_GROUP = "tnogroup";

  private TestUsers() {}

  /** Creates the standard test users and their memberships, whatever already exists. */
  public static void ensureAll(IdentityService identity) {
    ensure(identity, COLLECTOR, GroupIds.COLLECTORS);
    ensure(identity, SUPERVISOR, GroupIds.SUPERVISORS);
    ensure(identity, ANALYST, GroupIds.ANALYSTS);
    ensure(identity, AUDITOR, GroupIds.AUDITORS);
    ensure(identity, NO_GROUP);
  }

  /** The user, with {@link #PASSWORD}, member of at least these groups. */
  public static String ensure(IdentityService identity, String userId, String... groups) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName("Test");
      user.setLastName(userId);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
    for (String group : List.of(groups)) {
      if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
        identity.createMembership(userId, group);
      }
    }
    return userId;
  }

  /** An HTTP client that authenticates as this test user. */
  public static ApiClient as(int port, String userId) {
    return new ApiClient(port, userId, PASSWORD);
  }
}

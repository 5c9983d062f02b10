package fr.recouvrement.demo;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.OpenCaseRequest;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.security.GroupIds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Something to look at after a first local start ({@code recouvrement.demo.enabled}): one user per
 * group, all with the password {@code demo}, and one open case. Only what is missing is created, so
 * restarts and users' changes (a new password, a paid demo case) are left alone.
 *
 * <p>Its own package: demo data is no part of security or of the case capability; it uses both
 * through what they offer to others (group ids, {@link CaseService#open}) and goes away as a whole
 * the day it is no longer wanted.
 */
@Component
@ConditionalOnProperty(name = "recouvrement.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {
  static final String PASSWORD = "demo";
  static final String DEBTOR_ID = "DEMO-0001";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser("collecteur", "Camille", "Durand", List.of(GroupIds.COLLECTORS)),
          new DemoUser(
              "superviseur",
              "Nathalie",
              "Lefèvre",
              List.of(GroupIds.SUPERVISORS, GroupIds.COLLECTORS)),
          new DemoUser("analyste", "Julien", "Moreau", List.of(GroupIds.ANALYSTS)),
          new DemoUser("auditeur", "Bernard", "Fontaine", List.of(GroupIds.AUDITORS)));

  private final IdentityService identityService;
  private final CaseService cases;
  private final JdbcTemplate jdbc;

  DemoData(IdentityService identityService, CaseService cases, JdbcTemplate jdbc) {
    this.identityService = identityService;
    this.cases = cases;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    createUsers();
    openCase();
  }

  void createUsers() {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@recouvrement.example");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      for (String group : demo.groups()) {
        identityService.createMembership(demo.id(), group);
      }
      log.info(
          "Created demo user {} ({} {}) in {}",
          demo.id(),
          demo.firstName(),
          demo.lastName(),
          demo.groups());
    }
    log.warn(
        "Demo users {} exist with the password '{}': not for production, set RECOUVREMENT_DEMO_ENABLED=false and"
            + " delete them in Admin.",
        USERS.stream().map(DemoUser::id).toList(),
        PASSWORD);
  }

  void openCase() {
    // a debtor row exists only once a case was opened for it (CaseService writes both together)
    Integer known =
        jdbc.queryForObject(
            "select count(*) from debtor where external_id = ?", Integer.class, DEBTOR_ID);
    if (known != null && known > 0) {
      return;
    }
    LocalDate today = CaseClock.today();
    OpenCaseRequest request =
        new OpenCaseRequest(
            new OpenCaseRequest.Debtor(
                DEBTOR_ID,
                "BUSINESS",
                "Boulangerie Martin SARL",
                "552100554",
                "compta@martin.example",
                "+33612345678",
                new OpenCaseRequest.Address("3 rue des Lilas", "69003", "Lyon", "FR")),
            List.of(
                invoice("DEMO-F-0001", today.minusDays(40), new BigDecimal("1850.00")),
                invoice("DEMO-F-0002", today.minusDays(20), new BigDecimal("642.50"))));
    CaseService.Opened opened = cases.open(request, "demo");
    log.info(
        "Opened demo case {} for debtor {} (Boulangerie Martin SARL)",
        opened.reference(),
        DEBTOR_ID);
  }

  private static OpenCaseRequest.Invoice invoice(String number, LocalDate due, BigDecimal amount) {
    return new OpenCaseRequest.Invoice(number, due.minusDays(30), due, amount);
  }
}

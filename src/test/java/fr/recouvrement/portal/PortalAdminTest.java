package fr.recouvrement.portal;

import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.security.GroupIds;
import fr.recouvrement.security.TestUsers;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The creditor's side: a supervisor revokes a case's links (API and case page), a collector may
 * not; the activity is shown.
 */
@IntegrationTest
class PortalAdminTest {
  /**
   * Every test here comes from 127.0.0.1: each starts with the portal's per-address counts at zero.
   */
  @org.springframework.beans.factory.annotation.Autowired PortalThrottle portalThrottle;

  @org.junit.jupiter.api.BeforeEach
  void countsFromZero() {
    portalThrottle.clear();
  }

  @LocalServerPort int port;
  @Autowired PortalLinks links;
  @Autowired IdentityService identity;

  @BeforeEach
  void users() {
    TestUsers.ensure(identity, TestUsers.COLLECTOR, GroupIds.COLLECTORS);
    TestUsers.ensure(identity, TestUsers.SUPERVISOR, GroupIds.SUPERVISORS);
  }

  String openCase(String invoiceNumber) {
    LocalDate today = CaseClock.today();
    ApiClient.Response r =
        new ApiClient(port, "admin", "admin-test")
            .postJson(
                "/api/cases",
                caseJson(
                    newDebtorId(),
                    "BUSINESS",
                    "\"siren\": \"552100554\",",
                    invoice(invoiceNumber, today.minusDays(40), today.minusDays(10), "400.00")));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("reference").asText();
  }

  @Test
  void aSupervisorRevokesTheLinksThroughTheApiAndACollectorMayNot() {
    String reference = openCase("F-ADM1");
    String url = links.issue(reference, "test").orElseThrow();
    assertThat(new PortalClient(port).open(url).status()).isEqualTo(200);

    ApiClient.Response collector =
        new ApiClient(port, TestUsers.COLLECTOR, TestUsers.PASSWORD)
            .postJson("/api/cases/" + reference + "/portal/revoke", "{}");
    assertThat(collector.status()).isEqualTo(403);
    JsonActivity before = activity(reference);
    assertThat(before.links()).isEqualTo(1);
    assertThat(before.visits()).isEqualTo(1);

    ApiClient.Response supervisor =
        new ApiClient(port, TestUsers.SUPERVISOR, TestUsers.PASSWORD)
            .postJson("/api/cases/" + reference + "/portal/revoke", "{}");
    assertThat(supervisor.status()).as(supervisor.toString()).isEqualTo(200);
    assertThat(supervisor.json().get("revokedLinks").asInt()).isEqualTo(1);
    assertThat(new PortalClient(port).open(url).status()).isEqualTo(404);
    assertThat(activity(reference).links()).isZero();
  }

  @Test
  void aSupervisorRevokesTheLinksFromTheCasePage() {
    String reference = openCase("F-ADM2");
    String url = links.issue(reference, "test").orElseThrow();
    new PortalClient(port).open(url);

    PortalClient collector = loggedIn(TestUsers.COLLECTOR);
    PortalClient.Page collectorsPage = collector.get("/app/cases/" + reference);
    assertThat(collectorsPage.body()).contains("Portail débiteur").doesNotContain("portal-revoke");
    assertThat(
            collector
                .post(
                    "/app/cases/" + reference + "/portail/revoquer",
                    Map.of("_csrf", collectorsPage.csrf()))
                .status())
        .isEqualTo(403);
    assertThat(new PortalClient(port).open(url).status()).isEqualTo(200);

    PortalClient supervisor = loggedIn(TestUsers.SUPERVISOR);
    PortalClient.Page page = supervisor.get("/app/cases/" + reference);
    assertThat(page.body()).contains("id=\"portal-visits\">2<", "portal-revoke");
    PortalClient.Page after =
        supervisor.follow(
            supervisor.post(
                "/app/cases/" + reference + "/portail/revoquer", Map.of("_csrf", page.csrf())));
    assertThat(after.body()).contains("1 lien(s) du portail révoqué(s)", "id=\"portal-links\">0<");
    assertThat(new PortalClient(port).open(url).status()).isEqualTo(404);
  }

  record JsonActivity(long links, long visits) {}

  JsonActivity activity(String reference) {
    var json =
        new ApiClient(port, TestUsers.COLLECTOR, TestUsers.PASSWORD)
            .get("/api/cases/" + reference + "/portal")
            .json();
    return new JsonActivity(json.get("activeLinks").asLong(), json.get("visits").asLong());
  }

  PortalClient loggedIn(String user) {
    PortalClient client = new PortalClient(port);
    PortalClient.Page login = client.get("/app/login");
    PortalClient.Page done =
        client.post(
            "/app/login",
            Map.of("username", user, "password", TestUsers.PASSWORD, "_csrf", login.csrf()));
    assertThat(done.status()).isEqualTo(302);
    assertThat(done.location()).doesNotContain("error");
    return client;
  }
}

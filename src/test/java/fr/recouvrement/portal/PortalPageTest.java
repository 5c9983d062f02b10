package fr.recouvrement.portal;

import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The debtor's page: what it shows from a link, and the one answer every bad link gets. */
@IntegrationTest
class PortalPageTest {
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
  @Autowired JdbcTemplate jdbc;

  final LocalDate today = LocalDate.now(CaseClock.PARIS);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ApiClient admin() {
    return new ApiClient(port, "admin", "admin-test");
  }

  /** A business case, invoices F-P1 1,000.00 (due 20 days ago) and F-P2 250.00 (due in 10 days). */
  String openBusinessCase(String prefix) {
    String json =
        caseJson(
            newDebtorId(),
            "BUSINESS",
            "\"siren\": \"552100554\",",
            invoice(prefix + "1", today.minusDays(50), today.minusDays(20), "1000.00"),
            invoice(prefix + "2", today.minusDays(20), today.plusDays(10), "250.00"));
    ApiClient.Response r = admin().postJson("/api/cases", json);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("reference").asText();
  }

  static String path(String url) {
    return java.net.URI.create(url).getPath();
  }

  @Test
  void aLinkOpensItsCaseWithInvoicesChargesTotalAndHowToPay() {
    String reference = openBusinessCase("F-PG");
    String url = links.issue(reference, "test").orElseThrow();

    PortalClient.Page page = new PortalClient(port).open(url);

    assertThat(page.status()).isEqualTo(200);
    assertThat(url).doesNotContain(reference);
    assertThat(page.body())
        .contains(reference, "Facture F-PG1", "Facture F-PG2", "FR76 3000 6000 0112 3456 7890 189");
    // F-PG1 is 20 days late: the €40 indemnity of D441-5 is owed on it (the B2B penalties may still
    // round to a few euros)
    assertThat(page.body())
        .contains("Indemnité forfaitaire pour frais de recouvrement", "40,00 €", "D441-5");
    assertThat(page.body()).contains("id=\"epc-qr\"", "src=\"data:image/png;base64,");
    // the case is in its amicable reminders: a promise and a plan can be made here
    assertThat(page.body())
        .contains("id=\"promise-submit\"", "id=\"plan-submit\"", "id=\"dispute-submit\"");
    // the shared context has Stripe configured (against its local stub): online payment is offered
    assertThat(page.body()).contains("Payer en ligne");
    Long visits =
        jdbc.queryForObject(
            "select count(*) from portal_action a join collection_case c on c.id = a.case_id where c.reference = ? and a.kind = 'VISIT'",
            Long.class,
            reference);
    assertThat(visits).isEqualTo(1L);
  }

  @Test
  void unknownMalformedRevokedAndExpiredLinksAllGetTheSameFriendlyPage() {
    PortalClient debtor = new PortalClient(port);
    String unknown = debtor.get("/portail/abcdefghijklmnopqrstuvwxyz").body();
    assertThat(unknown)
        .contains(
            "Ce lien ne permet pas d'ouvrir un dossier", "recouvrement@demo-creancier.example");

    PortalClient.Page malformed = debtor.get("/portail/DOS-2026-000001");
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(malformed.body()).isEqualTo(unknown);

    String revokedCase = openBusinessCase("F-RV");
    String revoked = links.issue(revokedCase, "test").orElseThrow();
    assertThat(debtor.open(revoked).status()).isEqualTo(200);
    assertThat(links.revoke(revokedCase, "superviseur")).isEqualTo(1);
    PortalClient.Page afterRevocation = debtor.open(revoked);
    assertThat(afterRevocation.status()).isEqualTo(404);
    assertThat(afterRevocation.body()).isEqualTo(unknown);

    // closed (fully paid) today: the link works 30 days more, not 31
    String paidCase = openBusinessCase("F-EX");
    String expiring = links.issue(paidCase, "test").orElseThrow();
    String balance =
        admin().get("/api/cases/" + paidCase).json().get("balance").decimalValue().toPlainString();
    ApiClient.Response paid =
        admin()
            .postJson(
                "/api/cases/" + paidCase + "/payments",
                "{\"amount\": "
                    + balance
                    + ", \"date\": \""
                    + today
                    + "\", \"reference\": \"VIR-"
                    + paidCase
                    + "\"}");
    assertThat(paid.status()).as(paid.toString()).isBetween(200, 201);
    assertThat(admin().get("/api/cases/" + paidCase).json().get("status").asText())
        .isEqualTo("PAID");
    ClockUtil.setCurrentTime(Date.from(CaseClock.now().plus(java.time.Duration.ofDays(29))));
    assertThat(debtor.open(expiring).status()).isEqualTo(200);
    ClockUtil.setCurrentTime(Date.from(CaseClock.now().plus(java.time.Duration.ofDays(2))));
    PortalClient.Page expired = debtor.open(expiring);
    assertThat(expired.status()).isEqualTo(404);
    assertThat(expired.body()).isEqualTo(unknown);
  }

  @Test
  void tooManyRequestsFromOneLinkAreRefusedWithTheSamePageShape() {
    String reference = openBusinessCase("F-RL");
    String url = links.issue(reference, "test").orElseThrow();
    PortalClient debtor = new PortalClient(port);
    int limit = 60;
    for (int i = 0; i < limit; i++) {
      assertThat(debtor.open(url).status()).as("request %d", i + 1).isEqualTo(200);
    }
    PortalClient.Page refused = debtor.open(url);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.body()).contains("Trop de demandes").doesNotContain(reference);
  }
}

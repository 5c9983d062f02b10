package fr.recouvrement.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.TestServers;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.channel.ContactPolicy;
import fr.recouvrement.channel.DocumentStore;
import fr.recouvrement.dispute.DisputeService;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.payment.PaymentProvider;
import fr.recouvrement.payment.StripeEvents;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.ExtendedModelMap;

/**
 * « Payer en ligne » exists only with a payment provider: the portal's actions built with and
 * without one, then the whole path with the shared context's Stripe adapter against its local stub
 * — the button, the redirect to Stripe's page, Stripe's notification paying the case.
 */
@IntegrationTest
class PortalPaymentTest {
  /**
   * Every test here comes from 127.0.0.1: each starts with the portal's per-address counts at zero.
   */
  @org.springframework.beans.factory.annotation.Autowired PortalThrottle portalThrottle;

  @org.junit.jupiter.api.BeforeEach
  void countsFromZero() {
    portalThrottle.clear();
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CaseService cases;
  @Autowired DisputeService disputes;
  @Autowired DocumentStore documents;
  @Autowired ContactPolicy contactPolicy;
  @Autowired PortalRepository repository;
  @Autowired PortalLinks links;
  @Autowired fr.recouvrement.engine.HouseDelays houseDelays;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;

  /**
   * A provider that hands out one checkout per idempotency key, as Stripe does, and remembers what
   * it was asked.
   */
  static final class RecordingProvider implements PaymentProvider {
    final List<CheckoutRequest> asked = new ArrayList<>();

    @Override
    public String name() {
      return "essai";
    }

    @Override
    public Checkout startCheckout(CheckoutRequest request) {
      asked.add(request);
      return new Checkout(
          "cs_" + request.idempotencyKey().hashCode(),
          URI.create("https://paiement.essai.example/c/" + request.idempotencyKey()));
    }
  }

  PortalActions actionsWith(PaymentProvider provider) {
    StaticListableBeanFactory beans =
        new StaticListableBeanFactory(provider == null ? Map.of() : Map.of("provider", provider));
    return new PortalActions(
        runtime,
        tasks,
        cases,
        disputes,
        documents,
        contactPolicy,
        beans.getBeanProvider(PaymentProvider.class),
        repository,
        links,
        houseDelays,
        tx);
  }

  @Test
  void withAProviderTheDebtorIsSentToItsCheckoutForTheUndisputedBalanceOnce() {
    LocalDate today = CaseClock.today();
    ApiClient.Response r =
        new ApiClient(port, "admin", "admin-test")
            .postJson(
                "/api/cases",
                caseJson(
                    newDebtorId(),
                    "BUSINESS",
                    "\"siren\": \"552100554\",",
                    invoice("F-PAY1", today.minusDays(40), today.minusDays(10), "700.00")));
    String reference = r.json().get("reference").asText();
    PortalRepository.LinkedCase link =
        links.resolve(path(links.issue(reference, "test").orElseThrow())).orElseThrow();
    RecordingProvider provider = new RecordingProvider();

    ExtendedModelMap without = new ExtendedModelMap();
    actionsWith(null).addChoices(link, without);
    ExtendedModelMap with = new ExtendedModelMap();
    PortalActions actions = actionsWith(provider);
    actions.addChoices(link, with);
    assertThat(without.get("payOnline")).isEqualTo(false);
    assertThat(with.get("payOnline")).isEqualTo(true);

    String submission = UUID.randomUUID().toString();
    PortalActions.Outcome first =
        actions.pay(link, submission, "https://paiement.example/portail/x");
    PortalActions.Outcome again =
        actions.pay(link, submission, "https://paiement.example/portail/x");

    assertThat(first.ok()).isTrue();
    assertThat(first.message()).isEqualTo("https://paiement.essai.example/c/portal:" + submission);
    assertThat(again.message()).isEqualTo(first.message());
    assertThat(provider.asked)
        .allSatisfy(
            a -> {
              assertThat(a.caseReference()).isEqualTo(reference);
              assertThat(a.amount()).isEqualByComparingTo(cases.get(reference).undisputedBalance());
              assertThat(a.idempotencyKey()).isEqualTo("portal:" + submission);
            });
    Long started =
        jdbc.queryForObject(
            "select count(*) from portal_action a join collection_case c on c.id = a.case_id"
                + " where c.reference = ? and a.kind = 'PAYMENT'",
            Long.class,
            reference);
    assertThat(started).isEqualTo(1L);
  }

  @Test
  void theDebtorPaysTheBalanceThroughStripeFromThePortalAndTheCaseClosesPaidOnce() {
    LocalDate today = CaseClock.today();
    ApiClient.Response r =
        new ApiClient(port, "admin", "admin-test")
            .postJson(
                "/api/cases",
                caseJson(
                    newDebtorId(),
                    "BUSINESS",
                    "\"siren\": \"552100554\",",
                    invoice("F-PAYS1", today.minusDays(40), today.minusDays(10), "480.00")));
    String reference = r.json().get("reference").asText();
    BigDecimal balance = cases.get(reference).undisputedBalance();
    TestServers.reset();
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo("/v1/checkout/sessions"))
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            """
            {"id": "cs_test_portal", "object": "checkout.session", "mode": "payment", "currency": "eur",
             "payment_status": "unpaid", "status": "open", "url": "https://checkout.stripe.com/c/pay/cs_test_portal"}""")));
    PortalClient debtor = new PortalClient(port);
    PortalClient.Page page = debtor.open(links.issue(reference, "test").orElseThrow());
    assertThat(page.body()).contains("Payer en ligne");

    PortalClient.Page toStripe =
        debtor.post(
            URI.create(links.issue(reference, "test").orElseThrow()).getPath() + "/paiement",
            Map.of("_csrf", page.csrf(), "submission", page.submission()));

    assertThat(toStripe.status()).isIn(302, 303);
    assertThat(toStripe.location()).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_portal");
    String asked =
        TestServers.wireMock()
            .findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions")))
            .get(0)
            .getBodyAsString();
    // the undisputed balance in cents, computed here from the case: 100 × balance
    assertThat(asked)
        .contains(
            "[unit_amount]=" + balance.movePointRight(2).toBigIntegerExact(),
            "metadata[caseReference]=" + reference);

    // Stripe's page took the card; its notification arrives twice
    String event =
        StripeEvents.paidEvent(
            "evt_portal_" + reference,
            "pi_portal_" + reference,
            reference,
            balance.movePointRight(2).longValueExact());
    assertThat(
            StripeEvents.deliver(port, event, StripeEvents.sign(event, Instant.now())).statusCode())
        .isEqualTo(200);
    assertThat(StripeEvents.deliver(port, event, StripeEvents.sign(event, Instant.now())).body())
        .contains("\"duplicate\":true");

    assertThat(cases.get(reference).status().name()).isEqualTo("PAID");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from payment p join collection_case c on c.id = p.case_id where c.reference = ?",
                Long.class,
                reference))
        .isEqualTo(1L);
  }

  static String path(String url) {
    String p = URI.create(url).getPath();
    return p.substring(p.lastIndexOf('/') + 1);
  }
}

package fr.recouvrement.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static fr.recouvrement.cases.CaseFixtures.businessCase;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.Race;
import fr.recouvrement.TestServers;
import fr.recouvrement.cases.CaseFixtures;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.security.TestUsers;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Online payment through Stripe Checkout, against a local stub of Stripe's HTTP API (WireMock, see
 * {@link TestServers}): what the checkout asks Stripe for, and the signed notification that records
 * the payment once, however often and however simultaneously Stripe delivers it.
 */
@IntegrationTest
class StripePaymentTest {
  @LocalServerPort int port;
  @Autowired PaymentProvider provider;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  ApiClient api;

  @BeforeEach
  void setUp() {
    TestServers.reset();
    api = new ApiClient(port, "admin", "admin-test");
  }

  @Test
  void aCheckoutAsksStripeForTheAmountInCentsInEurosWithTheCaseInItsMetadata() {
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo("/v1/checkout/sessions"))
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            """
                {"id": "cs_test_a1B2c3", "object": "checkout.session", "mode": "payment", "currency": "eur",
                 "amount_total": 123456, "payment_status": "unpaid", "status": "open",
                 "url": "https://checkout.stripe.com/c/pay/cs_test_a1B2c3"}""")));

    PaymentProvider.Checkout checkout =
        provider.startCheckout(
            new PaymentProvider.CheckoutRequest(
                "DOS-2026-000777",
                new BigDecimal("1234.56"),
                "Dossier DOS-2026-000777",
                URI.create("https://recouvrement.example/portail/tok123"),
                "portal-pay-777-1"));

    assertThat(provider.name()).isEqualTo("stripe");
    assertThat(checkout.providerId()).isEqualTo("cs_test_a1B2c3");
    assertThat(checkout.url()).hasToString("https://checkout.stripe.com/c/pay/cs_test_a1B2c3");
    TestServers.wireMock()
        .verify(
            1,
            postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer " + TestServers.STRIPE_SECRET_KEY))
                .withHeader("Idempotency-Key", equalTo("portal-pay-777-1")));
    Map<String, String> form =
        form(
            TestServers.wireMock()
                .findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions")))
                .get(0));
    // 1,234.56 € = 123,456 cents, exactly
    assertThat(form)
        .containsEntry("line_items[0][price_data][unit_amount]", "123456")
        .containsEntry("line_items[0][price_data][currency]", "eur")
        .containsEntry("line_items[0][quantity]", "1")
        .containsEntry("line_items[0][price_data][product_data][name]", "Dossier DOS-2026-000777")
        .containsEntry("mode", "payment")
        .containsEntry("metadata[caseReference]", "DOS-2026-000777")
        .containsEntry("payment_intent_data[metadata][caseReference]", "DOS-2026-000777")
        .containsEntry("client_reference_id", "DOS-2026-000777")
        .containsEntry("cancel_url", "https://recouvrement.example/portail/tok123")
        .containsEntry("success_url", "https://recouvrement.example/portail/tok123?paiement=merci");
  }

  @Test
  void anAmountWithMoreThanTwoDecimalsIsRefusedBeforeAnythingIsAskedOfStripe() {
    assertThatThrownBy(
            () ->
                provider.startCheckout(
                    new PaymentProvider.CheckoutRequest(
                        "DOS-2026-000778",
                        new BigDecimal("10.005"),
                        "Dossier",
                        URI.create("https://recouvrement.example/portail/t"),
                        "k-778")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 decimals");
    assertThat(
            TestServers.wireMock().findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))))
        .isEmpty();
  }

  @Test
  void aSignedNotificationPayingTheWholeBalanceClosesTheCasePaidOnceEvenWhenDeliveredTwice() {
    String reference = openCase();
    BigDecimal balance = api.get("/api/cases/" + reference).json().get("balance").decimalValue();
    String event =
        paidEvent(
            "evt_test_twice_" + reference, "pi_test_twice_" + reference, reference, cents(balance));

    HttpResponse<String> first = deliver(event, sign(event, Instant.now()));
    HttpResponse<String> second = deliver(event, sign(event, Instant.now()));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("\"duplicate\":false", "\"caseStatus\":\"PAID\"");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    assertThat(second.body()).contains("\"duplicate\":true");
    assertThat(payments(reference))
        .containsExactly(Map.of("reference", "pi_test_twice_" + reference, "source", "DEBTOR"));
    var view = api.get("/api/cases/" + reference).json();
    assertThat(view.get("status").asText()).isEqualTo("PAID");
    assertThat(view.get("payments").get(0).get("amount").decimalValue())
        .isEqualByComparingTo(balance);
  }

  @Test
  void aNotificationDeliveredFourTimesAtTheSameInstantRecordsOnePayment() throws Exception {
    String reference = openCase();
    BigDecimal balance = api.get("/api/cases/" + reference).json().get("balance").decimalValue();
    String event =
        paidEvent(
            "evt_test_race_" + reference, "pi_test_race_" + reference, reference, cents(balance));
    String signature = sign(event, Instant.now());
    ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

    List<Throwable> failures =
        Race.run(4, () -> statuses.add(deliver(event, signature).statusCode()));

    assertThat(failures).isEmpty();
    // 409 only for a delivery that could not wait for the one holding the case: Stripe delivers it
    // again later
    assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(200, 409)).contains(200);
    assertThat(payments(reference)).hasSize(1);
    assertThat(api.get("/api/cases/" + reference).json().get("status").asText()).isEqualTo("PAID");
    // and Stripe's later retry of the one that lost is answered, not counted
    assertThat(deliver(event, sign(event, Instant.now())).body()).contains("\"duplicate\":true");
    assertThat(payments(reference)).hasSize(1);
  }

  @Test
  void aNotificationWithAWrongOrStaleSignatureIsRefusedCountedAndRecordsNothing() {
    String reference = openCase();
    BigDecimal balance = api.get("/api/cases/" + reference).json().get("balance").decimalValue();
    String event =
        paidEvent(
            "evt_test_forged_" + reference,
            "pi_test_forged_" + reference,
            reference,
            cents(balance));
    long refusedBefore = StripeWebhookController.refused();

    HttpResponse<String> forged =
        deliver(event, "t=" + Instant.now().getEpochSecond() + ",v1=" + "0".repeat(64));
    // rightly signed, but 10 minutes ago: a captured notification replayed later (tolerance 5
    // minutes)
    HttpResponse<String> stale = deliver(event, sign(event, Instant.now().minusSeconds(600)));
    HttpResponse<String> unsigned = deliver(event, null);
    // signed with another secret (another Stripe account's endpoint)
    HttpResponse<String> otherSecret =
        deliver(event, sign(event, Instant.now(), "whsec_someone_else"));

    for (HttpResponse<String> refused : List.of(forged, stale, unsigned, otherSecret)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type").orElse(""))
          .contains("application/problem+json");
      assertThat(refused.body()).contains("Invalid signature", "Stripe-Signature");
    }
    assertThat(StripeWebhookController.refused() - refusedBefore).isEqualTo(4);
    assertThat(payments(reference)).isEmpty();
    assertThat(api.get("/api/cases/" + reference).json().get("status").asText())
        .isNotEqualTo("PAID");
  }

  @Test
  void aSignedEventThatIsNotAPaidCheckoutIsAcknowledgedAndRecordsNothing() {
    String reference = openCase();
    String expired =
        """
        {"id": "evt_test_expired_%s", "object": "event", "type": "checkout.session.expired", "created": %d,
         "data": {"object": {"id": "cs_test_exp", "object": "checkout.session", "payment_status": "unpaid",
                             "amount_total": 1000, "currency": "eur", "metadata": {"caseReference": "%s"}}}}"""
            .formatted(reference, Instant.now().getEpochSecond(), reference);

    HttpResponse<String> answer = deliver(expired, sign(expired, Instant.now()));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"result\":\"IGNORED\"");
    assertThat(payments(reference)).isEmpty();
  }

  @Test
  void aPaymentTheCaseRefusesIsHeldForASupervisorOnceAndStripeIsToldToStopRetrying() {
    String reference = openCase();
    BigDecimal balance = api.get("/api/cases/" + reference).json().get("balance").decimalValue();
    // the debtor paid by transfer first: the case is PAID and closed when its online payment
    // arrives
    assertThat(
            api.postJson(
                    "/api/cases/" + reference + "/payments",
                    CaseFixtures.payment(
                        balance.toPlainString(), CaseClock.today(), "VIR-" + reference))
                .status())
        .isEqualTo(201);
    String event =
        paidEvent("evt_test_closed_" + reference, "pi_test_closed_" + reference, reference, 2500);

    HttpResponse<String> first = deliver(event, sign(event, Instant.now()));
    HttpResponse<String> again = deliver(event, sign(event, Instant.now()));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("\"result\":\"HELD\"");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("\"result\":\"HELD\"");
    assertThat(payments(reference))
        .containsExactly(Map.of("reference", "VIR-" + reference, "source", "DEBTOR"));
    List<Task> tasks =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey("Task_HandleHeldPayment")
            .list();
    assertThat(tasks).hasSize(1);
    Task task = tasks.get(0);
    assertThat(task.getName()).isEqualTo("Traiter un paiement en ligne non affecté");
    assertThat(engine.getTaskService().getVariable(task.getId(), "heldAmount")).isEqualTo("25.00");
    assertThat((String) engine.getTaskService().getVariable(task.getId(), "heldReason"))
        .contains("is closed (PAID)");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(task.getId())
                .taskCandidateGroup("supervisors")
                .count())
        .isEqualTo(1);

    // a supervisor refunds it in Stripe's dashboard and says so
    engine.getIdentityService().setAuthentication(TestUsers.SUPERVISOR, List.of("supervisors"));
    try {
      engine.getTaskService().claim(task.getId(), TestUsers.SUPERVISOR);
      engine
          .getTaskService()
          .complete(
              task.getId(),
              Map.of(
                  "heldPaymentResolution",
                  "REFUNDED",
                  "heldPaymentComment",
                  "Remboursé le jour même, re_test_42"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(
            jdbc.queryForMap(
                "select resolution as \"resolution\", resolved_by as \"by\", amount as \"amount\" from held_payment"
                    + " where provider = 'stripe' and provider_reference = ?",
                "pi_test_closed_" + reference))
        .containsEntry("resolution", "REFUNDED")
        .containsEntry("by", TestUsers.SUPERVISOR)
        .hasEntrySatisfying(
            "amount", a -> assertThat((BigDecimal) a).isEqualByComparingTo("25.00"));
  }

  /**
   * A B2B case of 1,000 € due 10 days ago: its balance (principal, penalties, the 40 € indemnity)
   * is what Stripe collects.
   */
  private String openCase() {
    ApiClient.Response opened =
        api.postJson(
            "/api/cases",
            businessCase(newDebtorId(), "F-STRIPE-1", "1000.00", CaseClock.today().minusDays(10)));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    return opened.json().get("reference").asText();
  }

  /**
   * Euros to Stripe's cents, computed independently of the code under test: 1,052.37 € → 105237.
   */
  private static long cents(BigDecimal euros) {
    return euros.multiply(BigDecimal.valueOf(100)).longValueExact();
  }

  private HttpResponse<String> deliver(String payload, String signature) {
    return StripeEvents.deliver(port, payload, signature);
  }

  private static String sign(String payload, Instant at) {
    return StripeEvents.sign(payload, at);
  }

  private static String sign(String payload, Instant at, String secret) {
    return StripeEvents.sign(payload, at, secret);
  }

  private static String paidEvent(
      String eventId, String paymentIntent, String reference, long cents) {
    return StripeEvents.paidEvent(eventId, paymentIntent, reference, cents);
  }

  private List<Map<String, Object>> payments(String reference) {
    return jdbc.queryForList(
        "select p.reference as \"reference\", p.source as \"source\" from payment p join collection_case c on c.id = p.case_id"
            + " where c.reference = ?",
        reference);
  }

  private static Map<String, String> form(LoggedRequest request) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : request.getBodyAsString().split("&")) {
      int eq = pair.indexOf('=');
      fields.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }
}

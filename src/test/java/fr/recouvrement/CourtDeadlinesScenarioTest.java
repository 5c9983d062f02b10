package fr.recouvrement;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.legal.bailiff.BailiffStubs;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Dated orders to pay through the HTTP API, with the shipped models, the deployed legal-deadlines
 * table and real delegates: the debtor's address decides the opposition period (CPC 643) and the
 * calendar (CPC 642), the order's date decides the law (décret n° 2026-96).
 */
@IntegrationTest
class CourtDeadlinesScenarioTest extends CaseScenario {
  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port, "admin", "admin-test");
    TestServers.reset();
    TestServers.acceptSmsAndLetters("1A0000000C002");
    BailiffStubs.acceptWithdrawals();
  }

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void
      aGuadeloupeDebtorsOrderMadeOn2September2026MustBeServedInThreeMonthsAndLeavesTwoMonthsToOppose() {
    String service =
        orderGranted(
            "F-GP1",
            "\"postalCode\": \"97110\", \"city\": \"Pointe-à-Pitre\", \"country\": \"FR\"",
            LocalDate.of(2026, 9, 2));
    Map<String, Object> order = orderVariables();
    assertThat(order)
        .containsEntry("residence", "OUTRE_MER")
        .containsEntry("debtorTerritory", "GUADELOUPE");
    // 2 September + 3 months (CPC 1411 as amended by décret n° 2026-96) = Wednesday 2 December 2026
    assertThat(order).containsEntry("serviceDeadline", "2026-12-02");
    assertThat((String) order.get("serviceDeadlineSource")).contains("2026-96");

    served(service, "2026-10-05", true);

    // 1 month + 1 overseas (CPC 643 1°): 5 December 2026, a Saturday: Monday 7 December; the
    // decree's
    // two months after service end the same day
    order = orderVariables();
    assertThat(order)
        .containsEntry("oppositionDeadline", "2026-12-07")
        .containsEntry("titleDate", "2026-12-07");
    assertThat((String) order.get("oppositionSource")).contains("643 1°");

    advanceUntilStatus("ENFORCEMENT");
    assertThat(
            jdbc.queryForList(
                "select e.occurred_on from legal_event e join collection_case c on c.id = e.case_id where c.reference = ? and e.type = 'ENFORCEABLE_TITLE'",
                LocalDate.class,
                reference))
        .containsExactly(LocalDate.of(2026, 12, 7));
  }

  @Test
  void
      aBelgianDebtorsOrderMadeOn31August2026ServedNotToThePersonHasNoTitleDateUntilAnActServedToThePerson() {
    String service =
        orderGranted(
            "F-BE1",
            "\"postalCode\": \"1000\", \"city\": \"Bruxelles\", \"country\": \"BE\"",
            LocalDate.of(2026, 8, 31));
    Map<String, Object> order = orderVariables();
    assertThat(order).containsEntry("residence", "ETRANGER");
    // 31 August + 6 months (the old CPC 1411) = 28 February 2027, a Sunday: Monday 1 March 2027
    assertThat(order).containsEntry("serviceDeadline", "2027-03-01");

    served(service, "2026-10-05", false);

    // the case shows that the order is not final yet, and no title date exists
    JsonNode shown = api.get("/api/cases/" + reference).json();
    assertThat(shown.get("status").asText()).isEqualTo("ORDER_TO_PAY");
    assertThat(shown.get("nextAction").get("what").asText())
        .isEqualTo(
            "Signaler le premier acte signifié à personne (ordonnance pas encore définitive)");
    assertThat(orderVariables())
        .containsEntry("titleDate", null)
        .containsEntry("servedToPerson", false);

    // a commandement served to the person on Monday 19 October: one month to oppose from it, to 19
    // November;
    // the old law makes enforcement wait for the opposition period abroad from the order's service
    // (1 month + 2, CPC 643 2°): 5 October + 3 months = Tuesday 5 January 2027
    at("2026-10-20T10:00");
    Task wait = only();
    complete(
        wait, "carla", Map.of("personalActKind", "PERSONAL_ACT", "personalActDate", "2026-10-19"));
    order = orderVariables();
    assertThat(order)
        .containsEntry("oppositionDeadline", "2026-11-19")
        .containsEntry("titleDate", "2027-01-05");
    assertThat(only().getName()).isEqualTo("Enregistrer une éventuelle opposition");
  }

  // --- helpers

  /**
   * A B2B case for 7,350 € (an order to pay, above the small-claims ceiling) for a debtor at that
   * address, through reminders, a validated formal notice and the legal route, to an order made on
   * {@code decision}; returns the provider's id of the service mission.
   */
  private String orderGranted(String invoiceNumber, String address, LocalDate decision) {
    String service = "SIG-" + invoiceNumber;
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(BailiffStubs.MISSIONS))
                .withRequestBody(matchingJsonPath("$.missionType", equalTo("SERVICE")))
                .willReturn(BailiffStubs.created(service)));

    at("2026-05-04T09:00");
    String json =
        caseJson(
                newDebtorId(),
                "BUSINESS",
                "\"siren\": \"552100554\",",
                invoice(
                    invoiceNumber, LocalDate.of(2026, 3, 4), LocalDate.of(2026, 4, 3), "7350.00"))
            .replace("\"postalCode\": \"69003\", \"city\": \"Lyon\", \"country\": \"FR\"", address);
    ApiClient.Response opened = api.postJson("/api/cases", json);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    reference = opened.json().get("reference").asText();

    Task proposal = run().amicableUntil("Proposer l'escalade");
    complete(
        proposal,
        "sophie",
        Map.of(
            "escalationProposal", "FORMAL_NOTICE", "escalationProposalComment", "Aucune réponse"));
    // one tracking number (and so one callback event id) per case: a replayed event id is not
    // applied twice
    String notice =
        "1A"
            + invoiceNumber.replaceAll("[^A-Z0-9]", "")
            + Long.toHexString(System.nanoTime()).toUpperCase();
    TestServers.acceptSmsAndLetters(notice);
    complete(
        only(),
        "sam",
        Map.of("escalationDecision", "FORMAL_NOTICE", "escalationComment", "Validé"));
    // the registered letter is signed for on the day it is posted: the notice's deadline runs from
    // then
    String posted = fr.recouvrement.kernel.time.CaseClock.today().toString();
    ApiClient.Response signed =
        TestServers.postalCallback(
            port,
            "{\"eventId\": \"evt-ar-%s\", \"trackingId\": \"%s\", \"status\": \"SIGNED\", \"occurredOn\": \"%s\", \"presentedOn\": \"%s\"}"
                .formatted(notice, notice, posted, posted));
    assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
    runDue();
    advanceUntilStatus("ORDER_TO_PAY");

    Task request = only();
    assertThat(request.getName()).isEqualTo("Préparer la requête en injonction de payer");
    at(decision.minusDays(10) + "T10:00");
    complete(
        request,
        "carla",
        Map.of(
            "court",
            "tribunal de commerce",
            "cerfa",
            "12946",
            "claimAmount",
            7350.0,
            "docInvoices",
            true,
            "docFormalNotice",
            true,
            "docNoticeReceipt",
            true,
            "docContract",
            false,
            "filingDate",
            decision.minusDays(10).toString(),
            "courtFee",
            33.47));
    at(decision.plusDays(2) + "T10:00");
    complete(
        only(),
        "carla",
        Map.of("orderDecision", "GRANTED", "orderDecisionDate", decision.toString()));
    return service;
  }

  /** The commissaire de justice reports the service by signed callback. */
  private void served(String providerMissionId, String on, boolean toPerson) {
    at(on + "T18:00");
    String body =
        BailiffStubs.report(
                "evt-" + providerMissionId, providerMissionId, "SERVED", on, "62.50", "0")
            .replace("}", ", \"servedToPerson\": " + toPerson + "}");
    ApiClient.Response r = BailiffStubs.callback(port, body);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    runDue();
  }

  private Map<String, Object> orderVariables() {
    String id =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("order-to-pay")
            .processInstanceBusinessKey(reference)
            .singleResult()
            .getId();
    return runtime.getVariables(id);
  }

  private void advanceUntilStatus(String wanted) {
    for (int i = 0; i < 30 && !wanted.equals(status()); i++) {
      advance();
    }
    assertThat(status()).isEqualTo(wanted);
  }

  private String status() {
    return api.get("/api/cases/" + reference).json().get("status").asText();
  }
}

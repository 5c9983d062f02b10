package fr.recouvrement.legal.court;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.cases.CaseFixtures;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.legal.LegalEvents.LegalEvent;
import fr.recouvrement.money.CaseCosts;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The court models' one delegate against the database: the legal event as the prescription service
 * reads it, and the fee.
 */
@IntegrationTest
class RecordLegalEventIntegrationTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RecordLegalEvent recordLegalEvent;
  @Autowired LegalEvents events;
  @Autowired CaseCosts costs;
  String reference;
  long caseId;

  @BeforeEach
  void openCase() {
    ApiClient.Response r =
        new ApiClient(port, "admin", "admin-test")
            .postJson(
                "/api/cases",
                CaseFixtures.businessCase(
                    CaseFixtures.newDebtorId(),
                    "F-IP-1",
                    "7350.00",
                    CaseClock.today().minusDays(90)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    reference = r.json().get("reference").asText();
    caseId = events.caseId(reference);
  }

  /** The inputs the model hands the delegate, as the engine would. */
  DelegateExecution execution(Map<String, Object> inputs) {
    Map<String, Object> variables = new HashMap<>(inputs);
    variables.put("caseReference", reference);
    return (DelegateExecution)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DelegateExecution.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getVariable" -> variables.get((String) args[0]);
                  case "getProcessEngineServices" -> engine;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void shouldRecordTheFilingWithItsCourtFeeWithoutInterruptingPrescription() throws Exception {
    recordLegalEvent.execute(
        execution(
            Map.of(
                "legalEvent",
                "ORDER_TO_PAY_FILED",
                "legalEventDate",
                "2026-03-02",
                "legalEventDetails",
                "Requête déposée : tribunal de commerce (Cerfa 12946)",
                "costKind",
                "COURT_FEE",
                "costAmount",
                33.47)));

    LegalEvent filed = events.last(caseId, LegalEventType.ORDER_TO_PAY_FILED).orElseThrow();
    assertThat(filed.occurredOn()).isEqualTo(LocalDate.parse("2026-03-02"));
    // the request does not interrupt prescription, the service of the order does (Cass. 10 July
    // 1990)
    assertThat(filed.type().effect()).isEqualTo(LegalEventType.Effect.NONE);
    assertThat(filed.recordedBy()).isEqualTo("system");
    assertThat(costs.of(caseId))
        .containsExactly(
            new CaseCosts.Cost(
                "COURT_FEE",
                new BigDecimal("33.47"),
                LocalDate.parse("2026-03-02"),
                "legal-event-" + filed.id()));
  }

  @Test
  void shouldRecordASmallClaimsAgreementAsASuspensionEndingWithTheTitle() throws Exception {
    recordLegalEvent.execute(
        execution(
            Map.of(
                "legalEvent",
                "SMALL_CLAIMS_AGREED",
                "legalEventDate",
                "2026-03-20",
                "legalEventEndsOn",
                "2026-03-20")));
    recordLegalEvent.execute(
        execution(Map.of("legalEvent", "SMALL_CLAIMS_TITLE", "legalEventDate", "2026-03-20")));

    assertThat(events.of(caseId))
        .extracting(LegalEvent::type, LegalEvent::occurredOn, LegalEvent::endsOn)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                LegalEventType.SMALL_CLAIMS_AGREED,
                LocalDate.parse("2026-03-20"),
                LocalDate.parse("2026-03-20")),
            org.assertj.core.groups.Tuple.tuple(
                LegalEventType.SMALL_CLAIMS_TITLE, LocalDate.parse("2026-03-20"), null));
    assertThat(costs.of(caseId)).isEmpty();
  }

  @Test
  void shouldRecordNoCostWhenTheLawyersFeeIsZero() throws Exception {
    recordLegalEvent.execute(
        execution(
            Map.of(
                "legalEvent",
                "LAWSUIT_DECIDED",
                "legalEventDate",
                "2026-11-20",
                "costKind",
                "LAWYER_FEE",
                "costAmount",
                0L)));

    assertThat(events.last(caseId, LegalEventType.LAWSUIT_DECIDED)).isPresent();
    assertThat(costs.of(caseId)).isEmpty();
  }
}

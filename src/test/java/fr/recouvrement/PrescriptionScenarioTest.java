package fr.recouvrement;

import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.PrescriptionService;
import fr.recouvrement.legal.bailiff.BailiffStubs;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Prescription through an order to pay, dated, with the shipped {@code order-to-pay} model and its
 * real delegates, the commissaire de justice on WireMock reporting by signed callback, and the case
 * opened and read through the HTTP API. The order to pay is started on its own (as the case process
 * would call it) next to the case's own process, whose prescription timer is watched.
 */
@IntegrationTest
class PrescriptionScenarioTest extends CaseScenario {
  @LocalServerPort int port;
  @Autowired PrescriptionService prescription;
  ApiClient api;
  String mission;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port, "admin", "admin-test");
    TestServers.reset();
    TestServers.acceptSmsAndLetters("1A0000000C001");
  }

  @Test
  void
      anOppositionLawsuitLongerThanThePrescriptionPeriodLetsNoTimerFireAndTheJudgmentGivesTenYears() {
    // a consumer's invoice due 3 June 2024: 2 years (C. conso L218-2), last day 3 June 2026
    at("2026-03-02T09:00");
    reference = openConsumerCase("F-PS-1", LocalDate.of(2024, 5, 3), LocalDate.of(2024, 6, 3));
    assertThat(invoiceOf(reference).get("prescriptionDate").asText()).isEqualTo("2026-06-03");
    assertThat(invoiceOf(reference).get("prescriptionAct").asText()).isEqualTo("DUE_DATE");
    assertThat(prescribedTimer().getDuedate()).isEqualTo(at8(LocalDate.of(2026, 6, 4)));

    ProcessDriver order = orderGranted("2026-03-03", "2026-03-16");
    // the filing interrupted nothing (Cass. 10 July 1990)
    assertThat(invoiceOf(reference).get("prescriptionDate").asText()).isEqualTo("2026-06-03");

    // served on 10 April 2026, before the last day: interrupted until the proceedings end (C. civ.
    // 2241, 2242)
    served(order, "2026-04-10");
    JsonNode running = invoiceOf(reference);
    assertThat(running.get("prescriptionDate").isNull()).isTrue();
    assertThat(running.get("prescriptionAct").asText()).isEqualTo("ORDER_TO_PAY_SERVED");
    assertThat(running.get("prescriptionActLabel").asText())
        .contains("jusqu'à la fin de l'instance");
    assertThat(prescribedTimer().getDuedate())
        .isEqualTo(at8(PrescriptionService.WHILE_PROCEEDINGS_RUN));

    // the debtor opposes; the lawsuit lasts more than 3 years, longer than the 2-year period
    order.complete(order.task(), Map.of("oppositionDate", "2026-04-28"));
    assertThat(order.task().getName()).isEqualTo("Suivre l'instance au fond (avocat)");
    at("2029-08-20T09:00");
    assertThat(prescription.isPrescribed(reference)).isFalse();
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(casePid())
                .activityId(PrescriptionService.TIMER_PRESCRIBED)
                .duedateLowerThan(ClockUtil.getCurrentTime())
                .count())
        .as("no prescription timer is due while the lawsuit runs")
        .isZero();
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(casePid())
                .activityId(PrescriptionService.TIMER_WARNING)
                .duedateLowerThan(ClockUtil.getCurrentTime())
                .count())
        .isZero();

    // judgment for the creditor on 20 August 2029: a court's title, 10 years (CPCE L111-4) from it
    order.complete(
        order.task(),
        Map.of("lawsuitOutcome", "WON", "lawsuitDecisionDate", "2029-08-20", "lawyerFee", 0.0));
    JsonNode titled = invoiceOf(reference);
    assertThat(titled.get("prescriptionDate").asText()).isEqualTo("2039-08-20");
    assertThat(titled.get("prescriptionAct").asText()).isEqualTo("COURT_TITLE");
    assertThat(prescribedTimer().getDuedate()).isEqualTo(at8(LocalDate.of(2039, 8, 21)));
  }

  @Test
  void anOrderRequestFiledNineDaysBeforePrescriptionAndServedAfterItLeavesTheClaimPrescribed() {
    // last day 20 March 2026; the request is filed on 11 March (9 days before), the order made on
    // the
    // 16th and served on the 25th, 5 days too late. What a lawyer expects: the claim is time-barred
    // (only the service interrupts, Cass. 10 July 1990), the debtor's opposition would win on it,
    // and the
    // case goes to write-off on 21 March like any prescribed claim.
    at("2026-03-02T09:00");
    reference = openConsumerCase("F-PS-2", LocalDate.of(2024, 2, 20), LocalDate.of(2024, 3, 20));
    ProcessDriver order = orderGranted("2026-03-11", "2026-03-16");
    assertThat(invoiceOf(reference).get("prescriptionDate").asText()).isEqualTo("2026-03-20");
    assertThat(prescribedTimer().getDuedate()).isEqualTo(at8(LocalDate.of(2026, 3, 21)));

    served(order, "2026-03-25");

    JsonNode invoice = invoiceOf(reference);
    assertThat(invoice.get("prescriptionDate").asText()).isEqualTo("2026-03-20");
    assertThat(invoice.get("prescriptionAct").asText()).isEqualTo("DUE_DATE");
    assertThat(prescription.isPrescribed(reference)).isTrue();
    assertThat(prescribedTimer().getDuedate()).isEqualTo(at8(LocalDate.of(2026, 3, 21)));
  }

  // --- helpers

  private String openConsumerCase(String number, LocalDate issued, LocalDate due) {
    ApiClient.Response r =
        api.postJson(
            "/api/cases",
            caseJson(newDebtorId(), "CONSUMER", "", invoice(number, issued, due, "6200.00")));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("reference").asText();
  }

  private JsonNode invoiceOf(String reference) {
    return api.get("/api/cases/" + reference).json().get("invoices").get(0);
  }

  private String casePid() {
    return api.get("/api/cases/" + reference).json().get("processInstanceId").asText();
  }

  private Job prescribedTimer() {
    return management
        .createJobQuery()
        .processInstanceId(casePid())
        .activityId(PrescriptionService.TIMER_PRESCRIBED)
        .singleResult();
  }

  /** The order-to-pay process of the case, from the request filed to the order made. */
  private ProcessDriver orderGranted(String filedOn, String decidedOn) {
    mission = "SIG-" + UUID.randomUUID();
    Map<String, Object> in =
        new HashMap<>(
            Map.of(
                "caseReference",
                reference,
                "debtorType",
                "CONSUMER",
                "debtorName",
                "Jean Dupont",
                "balance",
                6200.0,
                "claimAmount",
                6200.0,
                "court",
                "tribunal judiciaire",
                "cerfa",
                "12948"));
    // as collection-case passes them: the debtor lives in metropolitan France (CPC 643, 642)
    in.put("residence", "METROPOLE");
    in.put("debtorTerritory", "METROPOLE");
    String pid = runtime.startProcessInstanceByKey("order-to-pay", reference, in).getId();
    ProcessDriver order = new ProcessDriver(engine, pid).settle();
    Map<String, Object> form = new HashMap<>();
    form.put("court", "tribunal judiciaire");
    form.put("cerfa", "12948");
    form.put("claimAmount", 6200.0);
    form.put("docInvoices", true);
    form.put("docFormalNotice", true);
    form.put("docNoticeReceipt", true);
    form.put("docContract", true);
    form.put("filingDate", filedOn);
    form.put("courtFee", 0.0);
    order.complete(order.task(), form);
    // the order made, the service is asked of the commissaire de justice through its API
    BailiffStubs.acceptMissions(mission);
    order.complete(
        order.task(), Map.of("orderDecision", "GRANTED", "orderDecisionDate", decidedOn));
    return order;
  }

  /** The commissaire de justice reports the service by signed callback. */
  private void served(ProcessDriver order, String servedOn) {
    at(servedOn + "T17:00");
    // served to the debtor in person (CPC 1416 al. 1): the opposition month runs from the service
    ApiClient.Response report =
        BailiffStubs.callback(
            port,
            BailiffStubs.report("evt-" + mission, mission, "SERVED", servedOn, "62.50", "0")
                .replace("}", ", \"servedToPerson\": true}"));
    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    order.settle();
  }

  private static Date at8(LocalDate day) {
    return Date.from(day.atTime(8, 0).atZone(CaseClock.PARIS).toInstant());
  }
}

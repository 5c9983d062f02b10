package fr.recouvrement.legal.notice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.TestServers;
import fr.recouvrement.cases.CaseFixtures;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.channel.CaseLetters;
import fr.recouvrement.channel.DocumentStore;
import fr.recouvrement.channel.DocumentStore.Document;
import fr.recouvrement.kernel.provider.SignedCallbacks;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.money.HalfYear;
import fr.recouvrement.money.InterestRates;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The formal notice in the running application: the letter written, stored with its hash and posted
 * once by the provider (WireMock), the email copy (GreenMail), the acknowledgement callback, and
 * legal interest for a consumer.
 */
@IntegrationTest
class FormalNoticeIntegrationTest {
  static final String LETTERS = TestServers.POSTAL_PATH + "/letters";
  static final String SECRET = "test-postal-callback-secret";
  static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired CaseService cases;
  @Autowired DocumentStore documents;
  @Autowired CaseLetters letters;
  @Autowired FormalNotices notices;
  @Autowired LegalEvents legalEvents;
  @Autowired InterestRates interestRates;
  @Autowired JdbcTemplate jdbc;
  @Autowired PostalCallbackController postalCallbacks;
  ApiClient api;

  @BeforeEach
  void reset() {
    api = new ApiClient(port, "admin", "admin-test");
    TestServers.reset();
  }

  static LocalDate today() {
    return CaseClock.today();
  }

  String openCase(String type, String... invoices) {
    String extra = type.equals("BUSINESS") ? "\"siren\": \"552100554\"," : "";
    ApiClient.Response r =
        api.postJson(
            "/api/cases", CaseFixtures.caseJson(CaseFixtures.newDebtorId(), type, extra, invoices));
    assertThat(r.status()).isEqualTo(201);
    return r.json().get("reference").asText();
  }

  static String invoice(String number, int daysLate, String amount) {
    LocalDate due = today().minusDays(daysLate);
    return CaseFixtures.invoice(number, due.minusDays(30), due, amount);
  }

  String startNotice(String reference, String type, int days) {
    return runtime
        .startProcessInstanceByKey(
            "formal-notice",
            reference,
            Map.of(
                "caseReference",
                reference,
                "debtorType",
                type,
                "debtorName",
                "Boulangerie Martin SARL",
                "balance",
                1.0,
                "noticeDeadlineDays",
                days))
        .getId();
  }

  Job job(String instance) {
    return management.createJobQuery().processInstanceId(instance).messages().singleResult();
  }

  void runJob(String instance) {
    management.executeJob(job(instance).getId());
  }

  static void acceptLetters(String trackingId) {
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(LETTERS))
                .willReturn(
                    aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"trackingId\": \"" + trackingId + "\"}")));
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      // one line of words: sentences wrap anywhere on the page
      return stripper.getText(document).replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }
  }

  String letterText(String instance) throws IOException {
    long id = ((Number) runtime.getVariable(instance, "noticeDocumentId")).longValue();
    Document document = documents.find(id).orElseThrow();
    return pdfText(documents.content(document));
  }

  List<LegalEvents.LegalEvent> events(String reference, LegalEventType type) {
    return legalEvents.of(legalEvents.caseId(reference)).stream()
        .filter(e -> e.type() == type)
        .toList();
  }

  @Test
  void aProfessionalReceivesARegisteredNoticeWithEveryMandatoryMentionThenAnEmailCopy()
      throws Exception {
    acceptLetters("1A10000000001");
    String reference =
        openCase("BUSINESS", invoice("F-MD1", 40, "1850.00"), invoice("F-MD2", 20, "120.50"));
    String instance = startNotice(reference, "BUSINESS", 15);

    runJob(instance);

    LocalDate deadline = today().plusDays(15);
    assertThat(runtime.getVariable(instance, "noticeDeadline")).isEqualTo(deadline.toString());
    assertThat(runtime.getVariable(instance, "postalGatewayConfigured")).isEqualTo(true);
    assertThat(runtime.getVariable(instance, "debtorHasEmail")).isEqualTo(true);
    Document document =
        documents.ofCase(reference).stream()
            .filter(d -> d.kind().equals("FORMAL_NOTICE"))
            .findFirst()
            .orElseThrow();
    assertThat(document.sha256()).isEqualTo(sha256(documents.content(document)));
    CaseView view = cases.get(reference);
    String text = letterText(instance);
    assertThat(text)
        .contains("Mise en demeure", "mettons en demeure", "recommandée avec accusé de réception")
        .contains(
            "Démo Créancier SAS",
            "552100554",
            "Boulangerie Martin SARL",
            "3 rue des Lilas",
            "69003 Lyon")
        .contains(
            "F-MD1",
            today().minusDays(40).format(SHORT),
            "F-MD2",
            today().minusDays(20).format(SHORT))
        .contains(
            "1 850,00 €", "120,50 €", "Pénalités de retard", "Indemnité forfaitaire", "80,00 €")
        .contains(amount(view.balance()))
        .contains("15 jours à compter de la première présentation de cette lettre")
        .contains("FR76 3000 6000 0112 3456 7890 189", reference)
        .contains("injonction de payer", "petites créances")
        .contains("Fait à Paris, le " + fr(today()));
    assertThat(text.toLowerCase())
        .doesNotContain("menace", "poursuites pénales", "huissier à votre domicile");

    runJob(instance);

    assertThat(runtime.getVariable(instance, "noticeTrackingId")).isEqualTo("1A10000000001");
    TestServers.wireMock().verify(1, postRequestedFor(urlEqualTo(LETTERS)));
    assertThat(events(reference, LegalEventType.FORMAL_NOTICE_SENT))
        .singleElement()
        .satisfies(e -> assertThat(e.occurredOn()).isEqualTo(today()))
        .satisfies(e -> assertThat(e.details()).contains("1A10000000001"));
    // a professional owes late penalties, never legal interest on top
    assertThat(cases.get(reference).legalInterestFrom()).isNull();

    runJob(instance);

    assertThat(TestServers.greenMail().getReceivedMessages())
        .singleElement()
        .satisfies(
            m -> assertThat(m.getSubject()).isEqualTo("Mise en demeure – dossier " + reference));
    assertThat(runtime.getVariable(instance, "noticeEmailStatus")).isEqualTo("SENT");
    Task follow = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(follow.getTaskDefinitionKey()).isEqualTo("Task_FollowNotice");
    assertThat(follow.getDueDate())
        .isEqualTo(Date.from(deadline.plusDays(1).atStartOfDay(CaseClock.PARIS).toInstant()));
  }

  @Test
  void aRetriedSendPostsTheSameLetterOnceAndRecordsItOnce() {
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(LETTERS))
                .inScenario("postal")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("maintenance"))
                .willSetStateTo("up"));
    TestServers.wireMock()
        .stubFor(
            post(urlEqualTo(LETTERS))
                .inScenario("postal")
                .whenScenarioStateIs("up")
                .willReturn(
                    aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"trackingId\": \"1A10000000002\"}")));
    String reference = openCase("BUSINESS", invoice("F-MD3", 30, "900.00"));
    String instance = startNotice(reference, "BUSINESS", 15);
    runJob(instance);

    // a 503 (or, on a loaded machine, the read timeout): the attempt fails and the job retries
    assertThatThrownBy(() -> runJob(instance)).isInstanceOf(RuntimeException.class);
    // the provider back-off of the model: nine more tries over about two days before an incident
    assertThat(job(instance).getRetries()).isEqualTo(9);
    assertThat(events(reference, LegalEventType.FORMAL_NOTICE_SENT)).isEmpty();
    runJob(instance);
    // the same step run once more, as a duplicate job would
    long documentId = ((Number) runtime.getVariable(instance, "noticeDocumentId")).longValue();
    notices.sendByProvider(
        reference,
        reference + "/" + instance + "/Task_SendRegisteredNotice",
        documentId,
        15,
        "system");

    TestServers.wireMock().verify(2, postRequestedFor(urlEqualTo(LETTERS)));
    assertThat(TestServers.wireMock().findAll(postRequestedFor(urlEqualTo(LETTERS))))
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsOnly(reference + "/" + instance + "/Task_SendRegisteredNotice");
    assertThat(documents.ofCase(reference))
        .filteredOn(d -> d.kind().equals("FORMAL_NOTICE"))
        .hasSize(1);
    assertThat(letterRows(reference)).isEqualTo(1);
    assertThat(events(reference, LegalEventType.FORMAL_NOTICE_SENT)).hasSize(1);
  }

  @Test
  void aDeadlineUnderEightDaysIsRefusedAndNoLetterIsWritten() {
    String reference = openCase("BUSINESS", invoice("F-MD4", 30, "300.00"));
    String instance = startNotice(reference, "BUSINESS", 7);

    assertThatThrownBy(() -> runJob(instance))
        .hasMessageContaining("at least 8 days")
        .hasMessageContaining("noticeDeadlineDays is 7");
    assertThat(documents.ofCase(reference)).noneMatch(d -> d.kind().equals("FORMAL_NOTICE"));
  }

  @Test
  void aConsumerOwesNoIndemnityAndLegalInterestRunsFromTheNoticeDate() throws Exception {
    acceptLetters("1A10000000003");
    String reference = openCase("CONSUMER", invoice("F-MD5", 60, "1000.00"));
    String instance = startNotice(reference, "CONSUMER", 8);
    runJob(instance);

    String text = letterText(instance);
    assertThat(text)
        .contains(
            "Mise en demeure",
            "F-MD5",
            "1 000,00 €",
            "8 jours à compter de la première présentation",
            "taux légal");
    assertThat(text).doesNotContain("Indemnité forfaitaire", "40,00 €", "Pénalités de retard");
    assertThat(cases.get(reference).legalInterestFrom()).isNull();

    runJob(instance);

    CaseView view = cases.get(reference);
    assertThat(view.legalInterestFrom()).isEqualTo(today());
    assertThat(view.legalInterest()).isEqualByComparingTo("0.00");
    assertThat(view.balance()).isEqualByComparingTo("1000.00");
    LocalDate later = today().plusDays(30);
    ClockUtil.setCurrentTime(Date.from(later.atTime(12, 0).atZone(CaseClock.PARIS).toInstant()));
    try {
      // 30 days at the legal rate "tous les autres cas" of the interest-rates decision, per
      // half-year
      BigDecimal expected = BigDecimal.ZERO;
      for (LocalDate day = today().minusDays(29); !day.isAfter(later); day = day.plusDays(1)) {
        expected =
            expected.add(
                interestRates
                    .current()
                    .ratesFor(HalfYear.of(day))
                    .legalRateProfessional()
                    .multiply(new BigDecimal("1000.00")));
      }
      expected = expected.divide(BigDecimal.valueOf(36_500), 2, RoundingMode.HALF_UP);
      CaseView after = cases.get(reference);
      assertThat(after.legalInterest()).isPositive().isEqualByComparingTo(expected);
      assertThat(after.balance()).isEqualByComparingTo(new BigDecimal("1000.00").add(expected));
      assertThat(after.penalties()).isEqualByComparingTo("0");
      // the case list shows the same balance as the case
      assertThat(
              cases.list(null, null, 0, 500).items().stream()
                  .filter(c -> c.reference().equals(reference))
                  .findFirst()
                  .orElseThrow()
                  .balance())
          .isEqualByComparingTo(after.balance());

      // paying the quoted balance settles the case: the part beyond the principal pays the interest
      ApiClient.Response paid =
          api.postJson(
              "/api/cases/" + reference + "/payments",
              CaseFixtures.payment(after.balance().toPlainString(), later, "VIR-MD5"));
      assertThat(paid.status()).isBetween(200, 201);
      assertThat(cases.get(reference).balance()).isEqualByComparingTo("0");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aConsumerNoticeCoveringOneOfTwoInvoicesStartsLegalInterestOnThatOneOnly() throws Exception {
    ClockUtil.setCurrentTime(
        Date.from(LocalDate.parse("2026-03-02").atTime(12, 0).atZone(CaseClock.PARIS).toInstant()));
    try {
      acceptLetters("1A10000000011");
      // F-LI1: 1,000.00 due 15/01/2026 (46 days before 02/03); F-LI2: 600.00 due 10/03/2026, not
      // yet due at the notice
      String reference =
          openCase("CONSUMER", invoice("F-LI1", 46, "1000.00"), invoice("F-LI2", -8, "600.00"));
      String instance = startNotice(reference, "CONSUMER", 15);
      runJob(instance);

      assertThat(runtime.getVariable(instance, "noticeInvoices")).isEqualTo("F-LI1");
      assertThat(runtime.getVariable(instance, "noticeAmount")).isEqualTo(1000.00);
      assertThat(letterText(instance))
          .contains("F-LI1", "1 000,00 €")
          .contains(
              "Ne sont pas comprises dans cette mise en demeure",
              "F-LI2",
              "échéance au 10/03/2026");
      runJob(instance);
      assertThat(noticeLines(reference)).containsExactly("F-LI1 1000.00 sent 2026-03-02");

      // 73 days later F-LI2 is due too, but only F-LI1 was claimed by the notice:
      // 1000 × 2.62 % (legal rate "autres cas", 2026-H1) × 73 / 365 = 5.24, not 1600 × 2.62 % × 73
      // / 365 = 8.38
      ClockUtil.setCurrentTime(
          Date.from(
              LocalDate.parse("2026-05-14").atTime(12, 0).atZone(CaseClock.PARIS).toInstant()));
      CaseView view = cases.get(reference);
      assertThat(view.legalInterest()).isEqualByComparingTo("5.24");
      assertThat(view.balance()).isEqualByComparingTo("1605.24");
      assertThat(view.amountPursued().lines())
          .extracting(l -> l.number() + " " + l.legalInterest() + " " + l.total())
          .containsExactly("F-LI1 5.24 1005.24", "F-LI2 0.00 600.00");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aDisputedInvoiceIsLeftOutOfTheFormalNotice() throws Exception {
    acceptLetters("1A10000000012");
    String reference =
        openCase("BUSINESS", invoice("F-DI1", 40, "1850.00"), invoice("F-DI2", 20, "500.00"));
    ApiClient.Response disputed =
        api.postJson(
            "/api/cases/" + reference + "/disputes",
            "{\"category\": \"COMMERCIAL\", \"invoiceNumbers\": [\"F-DI2\"], \"comment\": \"Remise non appliquée\"}");
    assertThat(disputed.status()).as(disputed.toString()).isEqualTo(201);
    String instance = startNotice(reference, "BUSINESS", 15);

    runJob(instance);

    CaseView view = cases.get(reference);
    CaseView.Invoice claimed =
        view.invoices().stream().filter(i -> i.number().equals("F-DI1")).findFirst().orElseThrow();
    // F-DI1 alone: 1,850.00 + its late penalty + 40.00; F-DI2 (500.00 and its charges) is not
    // claimed
    BigDecimal expected =
        new BigDecimal("1850.00").add(claimed.latePenalty()).add(new BigDecimal("40.00"));
    assertThat(runtime.getVariable(instance, "noticeInvoices")).isEqualTo("F-DI1");
    assertThat(BigDecimal.valueOf((Double) runtime.getVariable(instance, "noticeAmount")))
        .isEqualByComparingTo(expected);
    assertThat(view.balance()).isGreaterThan(expected.add(new BigDecimal("500.00")));
    assertThat(letterText(instance))
        .contains("F-DI1", amount(expected))
        .contains(
            "Ne sont pas comprises dans cette mise en demeure : la facture F-DI2 (contestée)");
    assertThat(noticeLines(reference)).containsExactly("F-DI1 1850.00 sent null");
  }

  /** What the case's notices claimed, one line per invoice: number, principal, date sent. */
  List<String> noticeLines(String reference) {
    return jdbc.query(
        """
        select i.number, l.principal, n.sent_on from formal_notice n
        join formal_notice_line l on l.notice_id = n.id join invoice i on i.id = l.invoice_id
        where n.case_id = ? order by i.number
        """,
        (rs, i) ->
            rs.getString(1)
                + " "
                + rs.getBigDecimal(2)
                + " sent "
                + rs.getObject(3, LocalDate.class),
        legalEvents.caseId(reference));
  }

  @Test
  void theAcknowledgementOfReceiptIsRecordedOnceAndOnlyWhenSigned() throws Exception {
    acceptLetters("1A10000000004");
    String reference = openCase("BUSINESS", invoice("F-MD6", 30, "450.00"));
    String instance = startNotice(reference, "BUSINESS", 15);
    runJob(instance);
    runJob(instance);
    String body =
        "{\"eventId\": \"evt-"
            + reference
            + "\", \"trackingId\": \"1A10000000004\", \"status\": \"SIGNED\", \"occurredOn\": \""
            + today()
            + "\"}";

    HttpResponse<String> forged = callback(body, "another-secret");
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    assertThat(acknowledgement("1A10000000004")).isNull();

    // the process still has the email copy to send before it waits for news of the letter: kept
    // (review M5)
    HttpResponse<String> kept = callback(body, SECRET);
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(202);
    assertThat(kept.body()).contains("UNMATCHED");
    assertThat(acknowledgement("1A10000000004")).isNull();

    // applied once the copy is sent and the process waits: redated from the signature
    runJob(instance);
    assertThat(acknowledgement("1A10000000004")).isEqualTo("SIGNED");
    assertThat(runtime.getVariable(instance, "noticeDeliveredOn")).isEqualTo(today().toString());
    HttpResponse<String> applied = callback(body, SECRET);
    assertThat(applied.statusCode()).isEqualTo(200);
    assertThat(applied.body()).contains("APPLIED");
    assertThat(
            jdbc.queryForObject(
                "select acknowledged_on from communication where provider_id = ?",
                LocalDate.class,
                "1A10000000004"))
        .isEqualTo(today());
    assertThat(events(reference, LegalEventType.FORMAL_NOTICE_ACKNOWLEDGED))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).contains("SIGNED"));

    HttpResponse<String> replayed = callback(body, SECRET);
    assertThat(replayed.statusCode()).isEqualTo(200);
    assertThat(events(reference, LegalEventType.FORMAL_NOTICE_ACKNOWLEDGED)).hasSize(1);

    String unknown =
        "{\"eventId\": \"evt-unknown-"
            + reference
            + "\", \"trackingId\": \"1A99999999999\", \"status\": \"RETURNED\", \"occurredOn\": \""
            + today()
            + "\"}";
    HttpResponse<String> unmatched = callback(unknown, SECRET);
    assertThat(unmatched.statusCode()).isEqualTo(202);
    assertThat(
            jdbc.queryForObject(
                "select result from callback_event where source = 'POSTAL' and event_id = ?",
                String.class,
                "evt-unknown-" + reference))
        .isEqualTo("UNMATCHED");
  }

  /**
   * Review M5: the provider's acknowledgement came before our step recorded the letter's tracking
   * number (the provider answered slowly, or the step was retried). It is kept, then applied once
   * when the step records the number: the acknowledgement on the letter, one legal event, and the
   * process told (its deadline runs from the first presentation).
   */
  @Test
  void anAcknowledgementArrivingBeforeTheLetterIsRecordedIsAppliedWhenItIs() throws Exception {
    String trackingId = "1A3" + Long.toString(System.nanoTime() % 10_000_000_000L);
    acceptLetters(trackingId);
    String reference = openCase("BUSINESS", invoice("F-MD20", 30, "320.00"));
    jdbc.update(
        "update debtor set email = null where id = (select debtor_id from collection_case where reference = ?)",
        reference);
    String instance = startNotice(reference, "BUSINESS", 15);
    runJob(instance);
    LocalDate presented = today();
    String body = postalEvent(reference, trackingId, "SIGNED", today(), presented);

    HttpResponse<String> early = callback(body, SECRET);

    assertThat(early.statusCode()).as(early.body()).isEqualTo(202);
    assertThat(early.body()).contains("UNMATCHED");
    assertThat(
            jdbc.queryForObject(
                "select result from callback_event where source = 'POSTAL' and event_id = ?",
                String.class,
                "evt-" + reference + "-SIGNED"))
        .isEqualTo("UNMATCHED");

    runJob(instance);

    assertThat(acknowledgement(trackingId)).isEqualTo("SIGNED");
    assertThat(events(reference, LegalEventType.FORMAL_NOTICE_ACKNOWLEDGED))
        .singleElement()
        .satisfies(e -> assertThat(e.occurredOn()).isEqualTo(presented));
    assertThat(runtime.getVariable(instance, "noticeDeliveredOn")).isEqualTo(presented.toString());
    assertThat(
            jdbc.queryForObject(
                "select result from callback_event where source = 'POSTAL' and event_id = ?",
                String.class,
                "evt-" + reference + "-SIGNED"))
        .isEqualTo("APPLIED");

    // once: the provider's replay, and the same letter recorded again, change nothing
    HttpResponse<String> replayed = callback(body, SECRET);
    assertThat(replayed.statusCode()).isEqualTo(200);
    assertThat(replayed.body()).contains("APPLIED");
    postalCallbacks.applyKept(trackingId);
    assertThat(events(reference, LegalEventType.FORMAL_NOTICE_ACKNOWLEDGED)).hasSize(1);
  }

  @Test
  void aLetterPostedByHandIsRecordedOnceWithItsRegisteredNumberAndPostingDate() {
    String reference = openCase("CONSUMER", invoice("F-MD7", 30, "200.00"));
    String instance = startNotice(reference, "CONSUMER", 15);
    runJob(instance);
    long documentId = ((Number) runtime.getVariable(instance, "noticeDocumentId")).longValue();
    String key = reference + "/" + instance + "/Task_RecordPostedNotice";
    LocalDate posted = today().minusDays(1);
    assertThatThrownBy(
            () ->
                notices.recordPostedByHand(
                    reference, key, documentId, "1A20000000007", today().plusDays(1), 15, "alice"))
        .hasMessageContaining("in the future");

    notices.recordPostedByHand(reference, key, documentId, " 1A20000000007 ", posted, 15, "alice");
    notices.recordPostedByHand(reference, key, documentId, "1A20000000007", posted, 15, "alice");

    assertThat(letterRows(reference)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select provider_id from communication where channel = 'LETTER' and idempotency_key = ?",
                String.class,
                key))
        .isEqualTo("1A20000000007");
    assertThat(events(reference, LegalEventType.FORMAL_NOTICE_SENT))
        .singleElement()
        .satisfies(e -> assertThat(e.occurredOn()).isEqualTo(posted))
        .satisfies(e -> assertThat(e.recordedBy()).isEqualTo("alice"));
    // the consumer's legal interest runs from the day the letter was posted
    assertThat(cases.get(reference).legalInterestFrom()).isEqualTo(posted);
    TestServers.wireMock().verify(0, postRequestedFor(urlEqualTo(LETTERS)));
  }

  static Date at(LocalDate day, int hour) {
    return Date.from(day.atTime(hour, 0).atZone(CaseClock.PARIS).toInstant());
  }

  static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(CaseClock.PARIS).toInstant());
  }

  /**
   * Prepared, posted by the provider and copied by email: the process waits at its follow-up task.
   */
  String sentByProvider(String trackingId, String reference) {
    acceptLetters(trackingId);
    String instance = startNotice(reference, "BUSINESS", 15);
    runJob(instance);
    runJob(instance);
    runJob(instance);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo("Task_FollowNotice");
    return instance;
  }

  String postalEvent(
      String reference,
      String trackingId,
      String status,
      LocalDate occurredOn,
      LocalDate presentedOn) {
    return "{\"eventId\": \"evt-%s-%s\", \"trackingId\": \"%s\", \"status\": \"%s\", \"occurredOn\": \"%s\"%s}"
        .formatted(
            reference,
            status,
            trackingId,
            status,
            occurredOn,
            presentedOn == null ? "" : ", \"presentedOn\": \"" + presentedOn + "\"");
  }

  @Test
  void aNoticePostedLateGivesTheDebtorTheFullPeriodFromTheDayItWasPosted() {
    acceptLetters("1A10000000011");
    String reference = openCase("BUSINESS", invoice("F-MD11", 30, "700.00"));
    String instance = startNotice(reference, "BUSINESS", 15);
    LocalDate written = today();
    runJob(instance);
    assertThat(runtime.getVariable(instance, "noticeDate")).isEqualTo(written.toString());
    try {
      // the provider was down: the letter leaves three days after the date printed on it
      ClockUtil.setCurrentTime(at(written.plusDays(3), 10));
      runJob(instance);

      LocalDate deadline = written.plusDays(3 + 15);
      assertThat(runtime.getVariable(instance, "noticePostedOn"))
          .isEqualTo(written.plusDays(3).toString());
      assertThat(runtime.getVariable(instance, "noticeDeadline")).isEqualTo(deadline.toString());
      assertThat(runtime.getVariable(instance, "noticeDate")).isEqualTo(written.toString());
      assertThat(events(reference, LegalEventType.FORMAL_NOTICE_SENT))
          .singleElement()
          .satisfies(e -> assertThat(e.occurredOn()).isEqualTo(written.plusDays(3)))
          .satisfies(e -> assertThat(e.details()).contains(deadline.toString()));
      runJob(instance);
      Task follow = tasks.createTaskQuery().processInstanceId(instance).singleResult();
      assertThat(follow.getDueDate()).isEqualTo(startOf(deadline.plusDays(1)));
      assertThat(
              management
                  .createJobQuery()
                  .processInstanceId(instance)
                  .timers()
                  .singleResult()
                  .getDuedate())
          .isEqualTo(startOf(deadline.plusDays(1)));

      // « Imprimer et envoyer »: a collector who posts four days after the letter's date re-dates
      // it too
      String manual = openCase("CONSUMER", invoice("F-MD12", 30, "300.00"));
      String other = startNotice(manual, "CONSUMER", 15);
      ClockUtil.setCurrentTime(at(written, 10));
      runJob(other);
      long documentId = ((Number) runtime.getVariable(other, "noticeDocumentId")).longValue();
      ClockUtil.setCurrentTime(at(written.plusDays(4), 10));
      FormalNotices.Sent sent =
          notices.recordPostedByHand(
              manual,
              manual + "/" + other + "/Task_RecordPostedNotice",
              documentId,
              "1A20000000012",
              written.plusDays(4),
              15,
              "alice");
      assertThat(sent.deadline()).isEqualTo(written.plusDays(4 + 15));
      assertThat(cases.get(manual).legalInterestFrom()).isEqualTo(written.plusDays(4));
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void theFirstPresentationReportedByThePostalProviderStartsTheDeadline() throws Exception {
    String reference = openCase("BUSINESS", invoice("F-MD13", 30, "640.00"));
    LocalDate posted = today();
    String instance = sentByProvider("1A10000000013", reference);
    try {
      // presented on day 2, signed for on day 3
      ClockUtil.setCurrentTime(at(posted.plusDays(3), 10));
      HttpResponse<String> late =
          callback(
              postalEvent(
                  reference, "1A10000000013", "SIGNED", posted.plusDays(3), posted.plusDays(4)),
              SECRET);
      assertThat(late.statusCode()).isEqualTo(400);
      assertThat(late.body()).contains("presentedOn");

      HttpResponse<String> signed =
          callback(
              postalEvent(
                  reference, "1A10000000013", "SIGNED", posted.plusDays(3), posted.plusDays(2)),
              SECRET);
      assertThat(signed.statusCode()).isEqualTo(200);
      runJob(instance);

      // 15 days from the first presentation, not from the posting (which would end on day 15)
      LocalDate deadline = posted.plusDays(2 + 15);
      assertThat(runtime.getVariable(instance, "noticeDeadline")).isEqualTo(deadline.toString());
      assertThat(runtime.getVariable(instance, "noticeDelivered")).isEqualTo(true);
      Task follow = tasks.createTaskQuery().processInstanceId(instance).singleResult();
      assertThat(follow.getTaskDefinitionKey()).isEqualTo("Task_FollowNotice");
      assertThat(follow.getDueDate()).isEqualTo(startOf(deadline.plusDays(1)));
      assertThat(events(reference, LegalEventType.FORMAL_NOTICE_ACKNOWLEDGED))
          .singleElement()
          .satisfies(e -> assertThat(e.occurredOn()).isEqualTo(posted.plusDays(2)));

      // the deadline passes on a delivered letter: the notice has run out, the case may go on
      Job timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();
      ClockUtil.setCurrentTime(at(deadline.plusDays(1), 1));
      management.executeJob(timer.getId());
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aLetterReturnedUndeliveredOpensACollectorTaskAndTheNoticeDoesNotRunOut() throws Exception {
    String reference = openCase("BUSINESS", invoice("F-MD14", 30, "980.00"));
    LocalDate posted = today();
    String instance = sentByProvider("1A10000000014", reference);
    try {
      ClockUtil.setCurrentTime(at(posted.plusDays(18), 10));
      HttpResponse<String> returned =
          callback(
              postalEvent(
                  reference,
                  "1A10000000014",
                  "NOT_CLAIMED",
                  posted.plusDays(18),
                  posted.plusDays(2)),
              SECRET);
      assertThat(returned.statusCode()).isEqualTo(200);
      runJob(instance);

      Task handle = tasks.createTaskQuery().processInstanceId(instance).singleResult();
      assertThat(handle.getTaskDefinitionKey()).isEqualTo("Task_HandleReturnedNotice");
      assertThat(handle.getName()).isEqualTo("Traiter la mise en demeure revenue non distribuée");
      assertThat(tasks.getIdentityLinksForTask(handle.getId()))
          .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("collectors"));
      assertThat(events(reference, LegalEventType.FORMAL_NOTICE_RETURNED))
          .singleElement()
          .satisfies(
              e -> assertThat(e.details()).contains("1A10000000014", "pli avisé et non réclamé"));
      // no deadline runs any more on this letter: nothing will take the case to court on it
      assertThat(management.createJobQuery().processInstanceId(instance).timers().count()).isZero();
      assertThat(runtime.getVariable(instance, "noticeOutcome")).isNull();
      assertThat(runtime.getVariable(instance, "noticeDelivered")).isEqualTo(false);
    } finally {
      ClockUtil.reset();
    }
  }

  HttpResponse<String> callback(String body, String secret) throws Exception {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/callbacks/postal"))
            .header("Content-Type", "application/json")
            .header(SignedCallbacks.TIMESTAMP_HEADER, timestamp)
            .header(
                SignedCallbacks.SIGNATURE_HEADER, SignedCallbacks.sign(secret, timestamp, bytes))
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  String acknowledgement(String trackingId) {
    return jdbc.queryForObject(
        "select acknowledgement from communication where provider_id = ?",
        String.class,
        trackingId);
  }

  int letterRows(String reference) {
    return jdbc.queryForObject(
        "select count(*) from communication where channel = 'LETTER' and case_id = (select id from collection_case where reference = ?)",
        Integer.class,
        reference);
  }

  static String fr(LocalDate date) {
    return DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRANCE).format(date);
  }

  static String amount(BigDecimal value) {
    java.text.DecimalFormatSymbols symbols =
        new java.text.DecimalFormatSymbols(java.util.Locale.FRANCE);
    symbols.setGroupingSeparator(' ');
    symbols.setDecimalSeparator(',');
    return new java.text.DecimalFormat("#,##0.00", symbols)
            .format(value.setScale(2, RoundingMode.HALF_UP))
        + " €";
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}

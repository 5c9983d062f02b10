package fr.recouvrement.portal;

import static fr.recouvrement.cases.CaseFixtures.caseJson;
import static fr.recouvrement.cases.CaseFixtures.invoice;
import static fr.recouvrement.cases.CaseFixtures.newDebtorId;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.ProcessDriver;
import fr.recouvrement.TestServers;
import fr.recouvrement.kernel.time.CaseClock;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a debtor does on the portal becomes a step of the case's processes, once, and only on their
 * own case.
 */
@IntegrationTest
class PortalActionsTest {
  /**
   * Every test here comes from 127.0.0.1: each starts with the portal's per-address counts at zero.
   */
  @org.springframework.beans.factory.annotation.Autowired PortalThrottle portalThrottle;

  @org.junit.jupiter.api.BeforeEach
  void countsFromZero() {
    portalThrottle.clear();
  }

  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired PortalLinks links;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;

  final LocalDate today = LocalDate.now(CaseClock.PARIS);

  ApiClient admin() {
    return new ApiClient(port, "admin", "admin-test");
  }

  /**
   * A business case of one invoice of 1,000.00 due 20 days ago, its processes settled (reminders
   * waiting).
   */
  String openCase(String invoiceNumber, String email) {
    String json =
        caseJson(
            newDebtorId(),
            "BUSINESS",
            "\"siren\": \"552100554\",",
            invoice(invoiceNumber, today.minusDays(50), today.minusDays(20), "1000.00"));
    ApiClient.Response r = admin().postJson("/api/cases", json);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    settle(r.json().get("reference").asText());
    return r.json().get("reference").asText();
  }

  void settle(String reference) {
    new ProcessDriver(engine, processOf(reference)).settle();
  }

  String processOf(String reference) {
    return jdbc.queryForObject(
        "select process_instance_id from collection_case where reference = ?",
        String.class,
        reference);
  }

  static String path(String url) {
    return java.net.URI.create(url).getPath();
  }

  long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  long activeReminders(String reference) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey("amicable-reminders")
        .processInstanceBusinessKey(reference)
        .active()
        .count();
  }

  @Test
  void aPromiseStopsTheRemindersOnceEvenWhenSubmittedTwice() {
    String reference = openCase("F-PR1", "promesse@debiteur.example");
    assertThat(activeReminders(reference)).isEqualTo(1);
    String url = links.issue(reference, "test").orElseThrow();
    PortalClient debtor = new PortalClient(port);
    PortalClient.Page page = debtor.open(url);
    Map<String, String> form =
        Map.of(
            "_csrf",
            page.csrf(),
            "submission",
            page.submission(),
            "date",
            today.plusDays(7).toString());

    PortalClient.Page first = debtor.post(path(url) + "/promesse", form);
    PortalClient.Page second = debtor.post(path(url) + "/promesse", form);

    assertThat(first.status()).isEqualTo(302);
    PortalClient.Page after = debtor.follow(first);
    assertThat(after.body()).contains("Votre promesse de payer", "est enregistrée");
    assertThat(debtor.follow(second).body()).contains("déjà enregistrée");
    assertThat(
            count(
                "select count(*) from promise p join collection_case c on c.id = p.case_id where c.reference = ?",
                reference))
        .isEqualTo(1);
    assertThat(activeReminders(reference)).isZero();
    // the case now waits for the promised day (plus the grace days of the model)
    assertThat(new ProcessDriver(engine, processOf(reference)).timerDue("Timer_PromiseDue"))
        .isPresent();
    assertThat(after.body()).doesNotContain("id=\"promise-submit\"");
    String timeline = admin().get("/api/cases/" + reference + "/timeline").body();
    assertThat(timeline).contains("débiteur (portail)", "Promesse de payer");
  }

  @Test
  void thePortalTakesADateOnlyWithinTheHouseDelaysTableAndANewVersionMovesTheBound() {
    String reference = openCase("F-PR2", "borne@debiteur.example");
    String url = links.issue(reference, "test").orElseThrow();
    String deployment =
        fr.recouvrement.engine.TestHouseDelays.deployWith(
            engine.getRepositoryService(),
            fr.recouvrement.engine.HouseDelays.PORTAL_DATE_MAX_DAYS,
            10);
    try {
      PortalClient debtor = new PortalClient(port);
      PortalClient.Page page = debtor.open(url);
      // the analyst's version says 10 days: the date picker stops there, a date 20 days ahead is
      // refused with the last date the portal takes, and nothing is recorded
      assertThat(page.body()).contains("max=\"" + today.plusDays(10) + "\"");
      PortalClient.Page refused =
          debtor.post(
              path(url) + "/promesse",
              Map.of(
                  "_csrf",
                  page.csrf(),
                  "submission",
                  page.submission(),
                  "date",
                  today.plusDays(20).toString()));

      assertThat(debtor.follow(refused).body())
          .contains(
              "entre demain et le "
                  + today
                      .plusDays(10)
                      .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
      assertThat(
              count(
                  "select count(*) from promise p join collection_case c on c.id = p.case_id where c.reference = ?",
                  reference))
          .isZero();
      assertThat(activeReminders(reference)).isEqualTo(1);
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
    // the shipped table again: two months
    assertThat(new PortalClient(port).open(url).body())
        .contains("max=\"" + today.plusDays(60) + "\"");
  }

  @Test
  void aFormWithoutItsCsrfTokenChangesNothing() {
    String reference = openCase("F-CS1", "csrf@debiteur.example");
    String url = links.issue(reference, "test").orElseThrow();
    PortalClient debtor = new PortalClient(port);
    PortalClient.Page page = debtor.open(url);

    PortalClient.Page forged =
        debtor.post(
            path(url) + "/promesse",
            Map.of("submission", page.submission(), "date", today.plusDays(7).toString()));

    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("Votre page a expiré");
    assertThat(activeReminders(reference)).isEqualTo(1);
  }

  @Test
  void aThreeInstalmentPlanInsideTheTableIsAcceptedAndTheScheduleEmailed() throws Exception {
    String email = "plan-" + System.nanoTime() + "@debiteur.example";
    String reference = openCase("F-PL1", email);
    BigDecimal balance =
        admin().get("/api/cases/" + reference).json().get("balance").decimalValue();
    // payment-plan-terms, Rule_WithinCollectorLimit: PONCTUEL, balance under 10,000, at most 6
    // instalments, down payment >= 10 %
    BigDecimal down =
        balance
            .multiply(new BigDecimal("0.10"))
            .setScale(0, RoundingMode.CEILING)
            .add(BigDecimal.ONE);
    String url = links.issue(reference, "test").orElseThrow();
    PortalClient debtor = new PortalClient(port);
    PortalClient.Page page = debtor.open(url);

    PortalClient.Page answer =
        debtor.follow(
            debtor.post(
                path(url) + "/echeancier",
                Map.of(
                    "_csrf",
                    page.csrf(),
                    "submission",
                    page.submission(),
                    "instalments",
                    "3",
                    "firstDate",
                    today.plusDays(15).toString(),
                    "downPayment",
                    down.toPlainString())));

    assertThat(answer.body()).contains("Votre échéancier est accepté");
    settle(reference);
    assertThat(
            count(
                "select count(*) from payment_plan p join collection_case c on c.id = p.case_id where c.reference = ?",
                reference))
        .isEqualTo(1);
    assertThat(admin().get("/api/cases/" + reference).json().get("status").asText())
        .isEqualTo("PAYMENT_PLAN");
    List<MimeMessage> schedules =
        Arrays.stream(TestServers.greenMail().getReceivedMessages())
            .filter(m -> subject(m).contains(reference))
            .toList();
    assertThat(schedules)
        .as(
            "%s",
            jdbc.queryForList(
                "select m.channel, m.template, m.status, m.error, m.recipient from communication m"
                    + " join collection_case c on c.id = m.case_id where c.reference = ?",
                reference))
        .isNotEmpty();
    assertThat(schedules.get(schedules.size() - 1).getSubject()).containsIgnoringCase("échéancier");
  }

  @Test
  void aPlanBeyondTheTableGoesToTheCollectorsWithTheProposalFilledIn() {
    String reference = openCase("F-PL2", "plan2@debiteur.example");
    String url = links.issue(reference, "test").orElseThrow();
    PortalClient debtor = new PortalClient(port);
    PortalClient.Page page = debtor.open(url);

    // 10 instalments without down payment: above Rule_WithinCollectorLimit (at most 6, at least 10
    // % down)
    PortalClient.Page answer =
        debtor.follow(
            debtor.post(
                path(url) + "/echeancier",
                Map.of(
                    "_csrf",
                    page.csrf(),
                    "submission",
                    page.submission(),
                    "instalments",
                    "10",
                    "firstDate",
                    today.plusDays(15).toString())));

    assertThat(answer.body()).contains("transmise à nos équipes");
    Task negotiate =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey("Task_NegotiatePlan")
            .singleResult();
    assertThat(negotiate).isNotNull();
    Map<String, Object> v = engine.getTaskService().getVariables(negotiate.getId());
    assertThat(v)
        .containsEntry("instalmentCount", 10)
        .containsEntry("firstInstalmentDate", today.plusDays(15).toString());
    // the table's reason, for the collector (Rule_AboveCollectorLimit)
    assertThat(v.get("planFeedback").toString()).startsWith("Au-delà de la délégation du chargé");
    assertThat(v).containsEntry("planNotes", "Proposé par le débiteur sur son portail.");
  }

  @Test
  void aDisputeWithAPdfStartsTheDisputeProcessWithTheFileAndRefusesAFakeOne() {
    String reference = openCase("F-DI1", "dispute@debiteur.example");
    String url = links.issue(reference, "test").orElseThrow();
    PortalClient debtor = new PortalClient(port);
    PortalClient.Page page = debtor.open(url);

    PortalClient.Page fake =
        debtor.follow(
            debtor.postMultipart(
                path(url) + "/contestation",
                Map.of(
                    "_csrf",
                    List.of(page.csrf()),
                    "submission",
                    List.of(page.submission()),
                    "invoices",
                    List.of("F-DI1"),
                    "category",
                    List.of("TECHNICAL"),
                    "comment",
                    List.of("Marchandise jamais livrée")),
                List.of(
                    new PortalClient.Part(
                        "files",
                        "bon.pdf",
                        "application/pdf",
                        "MZ not a pdf".getBytes(StandardCharsets.US_ASCII)))));
    assertThat(fake.body()).contains("ni un PDF, ni une image JPEG ou PNG");
    assertThat(
            count(
                "select count(*) from dispute d join collection_case c on c.id = d.case_id where c.reference = ?",
                reference))
        .isZero();

    PortalClient.Page fresh = debtor.open(url);
    Map<String, List<String>> fields =
        Map.of(
            "_csrf",
            List.of(fresh.csrf()),
            "submission",
            List.of(fresh.submission()),
            "invoices",
            List.of("F-DI1"),
            "category",
            List.of("TECHNICAL"),
            "comment",
            List.of("Marchandise jamais livrée"));
    List<PortalClient.Part> files =
        List.of(new PortalClient.Part("files", "bon-de-livraison.pdf", "application/pdf", PDF));
    PortalClient.Page ok =
        debtor.follow(debtor.postMultipart(path(url) + "/contestation", fields, files));
    debtor.postMultipart(path(url) + "/contestation", fields, files);

    assertThat(ok.body()).contains("Votre contestation est enregistrée", "contestée");
    assertThat(
            count(
                "select count(*) from dispute d join collection_case c on c.id = d.case_id where c.reference = ?",
                reference))
        .isEqualTo(1);
    String sha =
        jdbc.queryForObject(
            "select d.sha256 from document d join collection_case c on c.id = d.case_id where c.reference = ? and d.kind = 'DISPUTE_PROOF'",
            String.class,
            reference);
    assertThat(sha).isEqualTo(sha256(PDF));
    Task investigate =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey("Task_InvestigateDispute")
            .singleResult();
    assertThat(investigate).isNotNull();
    assertThat(
            engine.getTaskService().getVariable(investigate.getId(), "disputeDocuments").toString())
        .contains("bon-de-livraison.pdf", sha);
    assertThat(engine.getTaskService().getVariable(investigate.getId(), "disputeRaisedBy"))
        .isEqualTo("débiteur (portail)");
  }

  @Test
  void aLinkNeverReachesAnotherCase() {
    String mine = openCase("F-MINE", "moi@debiteur.example");
    String theirs = openCase("F-THEIRS", "autre@debiteur.example");
    String url = links.issue(mine, "test").orElseThrow();
    PortalClient debtor = new PortalClient(port);
    PortalClient.Page page = debtor.open(url);
    assertThat(page.body()).doesNotContain(theirs, "F-THEIRS");

    PortalClient.Page answer =
        debtor.follow(
            debtor.postMultipart(
                path(url) + "/contestation",
                Map.of(
                    "_csrf",
                    List.of(page.csrf()),
                    "submission",
                    List.of(page.submission()),
                    "invoices",
                    List.of("F-THEIRS"),
                    "category",
                    List.of("COMMERCIAL"),
                    "comment",
                    List.of("Pas la mienne")),
                List.of()));

    assertThat(answer.body())
        .contains("ne fait pas partie de votre dossier")
        .doesNotContain(theirs);
    assertThat(
            count(
                "select count(*) from dispute d join collection_case c on c.id = d.case_id where c.reference in (?, ?)",
                mine,
                theirs))
        .isZero();
  }

  @Test
  void aCallBackRequestInAnAllowedSlotGivesTheCollectorsACallTask() {
    String reference = openCase("F-CB1", "rappel@debiteur.example");
    String url = links.issue(reference, "test").orElseThrow();
    PortalClient debtor = new PortalClient(port);
    PortalClient.Page page = debtor.open(url);
    java.util.regex.Matcher slot =
        java.util.regex.Pattern.compile("<option value=\"(\\d{4}-[^\"]+)\">([^<]+)</option>")
            .matcher(page.body());
    assertThat(slot.find()).isTrue();

    PortalClient.Page answer =
        debtor.follow(
            debtor.post(
                path(url) + "/rappel",
                Map.of(
                    "_csrf", page.csrf(), "submission", page.submission(), "slot", slot.group(1))));
    PortalClient.Page outside =
        debtor.follow(
            debtor.post(
                path(url) + "/rappel",
                Map.of(
                    "_csrf",
                    page.csrf(),
                    "submission",
                    java.util.UUID.randomUUID().toString(),
                    "slot",
                    today.plusDays(1) + "T03:00+01:00")));

    assertThat(answer.body()).contains("nous vous appellerons");
    assertThat(outside.body()).contains("Choisissez un des créneaux proposés");
    Task call =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey("Task_CallBackDebtor")
            .singleResult();
    assertThat(call).isNotNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(call.getId()))
        .anyMatch(l -> "collectors".equals(l.getGroupId()));
    assertThat(engine.getTaskService().getVariable(call.getId(), "callbackSlot").toString())
        .isEqualTo(slot.group(2).replace("&#39;", "'"));
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String address(MimeMessage m) {
    try {
      return ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(byte[] b) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

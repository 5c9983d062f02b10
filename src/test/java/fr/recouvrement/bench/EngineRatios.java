package fr.recouvrement.bench;

import fr.recouvrement.ApiClient;
import fr.recouvrement.TestServers;
import fr.recouvrement.kernel.time.CaseClock;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Our figure next to the bare engine's for the same work in the same run (issue 14, measurement
 * only): P1 intake, P2 reminder wave and, on PostgreSQL, P4 bytes per case. Prints a table; asserts
 * nothing about time. Each database runs it in its own Spring context with the job executor on
 * ({@link H2EngineRatioBenchmark}, {@link PostgresEngineRatioBenchmark}); {@code mvn verify
 * -Pbenchmark} runs them, the normal build does not. N is {@code -Dbench.cases=} (300 by default).
 */
abstract class EngineRatios {
  static final int N = Integer.getInteger("bench.cases", 300);

  /**
   * Lines of the CSV imported with the continuations held (the import alone): N unless {@code
   * -Dbench.csv-lines=} says more, so that the import's chunks (200 lines each) can be measured on
   * a file of many chunks without making every phase as long.
   */
  static final int CSV_LINES = Integer.getInteger("bench.csv-lines", N);

  /** Rounds of the import alone, each way ({@code -Dbench.csv-rounds=}, 1 by default). */
  static final int CSV_ROUNDS = Integer.getInteger("bench.csv-rounds", 1);

  /**
   * Lines of the CSV imported with the continuations running beside it ({@code
   * -Dbench.csv-beside-lines=}, N by default): issue 14's figure is 10,000 new debtors.
   */
  static final int CSV_BESIDE_LINES = Integer.getInteger("bench.csv-beside-lines", N);

  static final int CLIENTS = 8;

  /** P1's three kinds of work take turns, N / ROUNDS at a time. */
  static final int ROUNDS = 3;

  static final String BARE = "bench-bare";
  static final String BARE_DECISION = "bench-tier";

  /** The bare process shaped like a reminder: timer, then an asynchronous plain email. */
  static final String BARE_EMAIL = "bench-bare-email";

  /** How long a phase may take before the benchmark gives up and prints what it reached. */
  static final Duration PATIENCE =
      Duration.ofMinutes(Integer.getInteger("bench.patience-minutes", 15));

  /** A Tuesday morning in March, no holiday near: the contact policy lets emails go. */
  static final ZonedDateTime T0 = ZonedDateTime.of(2026, 3, 3, 9, 0, 0, 0, CaseClock.PARIS);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.springframework.context.ApplicationContext context;
  @LocalServerPort int port;

  private final Map<String, String[]> rows = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  abstract String database();

  boolean measuresBytes() {
    return false;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void ourFiguresNextToTheBareEngines() throws Exception {
    // P5: this context was refreshed on an empty database (schema created, models deployed) and is
    // ready now
    double startup = (System.currentTimeMillis() - context.getStartupDate()) / 1000.0;
    TestServers.reset();
    TestServers.acceptSmsAndLetters("BENCH-TRACK");
    moveClockTo(T0);
    deployBareProcess();
    ApiClient api = new ApiClient(port, "admin", "admin-test");
    String run = Long.toString(System.nanoTime() % 1_000_000, 36);
    LocalDate waveDue = T0.toLocalDate().plusDays(10);

    // warm-up, so that neither side pays for class loading and caches
    for (int i = 0; i < 5; i++) {
      runtime.startProcessInstanceByKey(
          BARE, "warm-" + i, Map.of("amount", 10.0 * i, "wait", "PT1H"));
      post(
          api,
          "/engine-rest/engine/" + engine.getName() + "/process-definition/key/" + BARE + "/start",
          bareStartJson("warm-rest-" + i, "P3650D"));
      post(
          api,
          "/api/cases",
          caseJson("W" + run + "-" + i, "warm" + run + i + "@example.fr", waveDue.plusDays(200)));
    }
    awaitIdle();
    if (Boolean.getBoolean("bench.settled-only") && measuresBytes()) {
      // P4's settled cases alone (-Dbench.settled-only=true): before/after runs of a history change
      settledCases(api, run);
      print();
      return;
    }
    System.gc();
    double heapBeforeIntake = AtScale.heapAfterGcMiB();
    long openBefore = openCaseProcesses();

    // P1, interleaved in rounds so that the load of a shared machine weighs alike on both sides:
    // bare starts through the Java API (their timers are the P2 bare drain), bare starts through
    // /engine-rest (same HTTP client, 8 clients, timers far away), our intake (the P2 wave's cases)
    String restPath =
        "/engine-rest/engine/" + engine.getName() + "/process-definition/key/" + BARE + "/start";
    Tally bareJavaT = new Tally();
    Tally bareRestT = new Tally();
    Tally oursT = new Tally();
    Tally oursAsyncT = new Tally();
    for (int r = 0; r < ROUNDS; r++) {
      int from = r * N / ROUNDS;
      int to = (r + 1) * N / ROUNDS;
      bareJavaT.measure(
          from,
          to,
          i -> {
            runtime.startProcessInstanceByKey(
                BARE, "bare-" + run + "-" + i, Map.of("amount", 37.0 * i, "wait", "PT1H"));
            return true;
          });
      bareRestT.measure(
          from,
          to,
          i -> post(api, restPath, bareStartJson("rest-" + run + "-" + i, "P3650D")) == 200);
      oursT.measure(
          from,
          to,
          i ->
              post(
                      api,
                      "/api/cases",
                      caseJson(
                          "B" + run + "-" + i, "wave" + run + "-" + i + "@example.fr", waveDue))
                  == 201);
      // the same intake with Prefer: respond-async (202): the continuation (segmentation, first
      // reminder step) runs on the job executor after the answer; measure() drains that backlog
      // before the next kind of work. Due far after the wave, so that the wave counts its own
      oursAsyncT.measure(
          from,
          to,
          i ->
              postAsync(
                      api,
                      caseJson(
                          "A" + run + "-" + i,
                          "async" + run + "-" + i + "@example.fr",
                          waveDue.plusDays(200)))
                  == 202);
    }
    double oursAsync = oursAsyncT.perSecond();
    // the request's own cost: the same 202 intake with its continuations held (their job
    // definition suspended) until after the last answer, so that they do not share the cores with
    // the requests; they then run before the next phase. What a node that only answers would do
    // when the job executor runs on other nodes
    double heldSeconds;
    awaitIdle();
    holdContinuations(true);
    try {
      // not through Tally.measure: it waits for no job left due, and the held ones are
      heldSeconds =
          run(
              0,
              N / ROUNDS,
              i ->
                  postAsync(
                          api,
                          caseJson(
                              "H" + run + "-" + i,
                              "held" + run + "-" + i + "@example.fr",
                              waveDue.plusDays(200)))
                      == 202);
    } finally {
      holdContinuations(false);
    }
    awaitIdle();
    double bareJava = bareJavaT.perSecond();
    double bareRest = bareRestT.perSecond();
    double ours = oursT.perSecond();

    // P1: one CSV of N new debtors, due far after the wave
    byte[] csv = csv(run, waveDue.plusDays(200), CSV_BESIDE_LINES);
    long start = System.nanoTime();
    ApiClient.Response imported;
    double[] heapDuringImport;
    try (AtScale.HeapSampler heap = new AtScale.HeapSampler()) {
      imported =
          api.post(
              "/api/cases/import",
              "text/csv",
              HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(csv)));
      heap.close();
      heapDuringImport = heap.firstAndLastQuarter();
    }
    double csvRate = CSV_BESIDE_LINES / seconds(start);
    String csvNote =
        imported.status() == 200
            ? "casesOpened=" + imported.json().get("casesOpened").asInt()
            : "HTTP " + imported.status();
    // the import's new cases continue on the job executor, during and after the answer
    awaitIdle();
    double csvSettledRate = CSV_BESIDE_LINES / seconds(start);
    notes.add(
        "CSV of %d new debtors, continuations beside: answered after %.1f s, every continuation ran after %.1f s"
            .formatted(
                CSV_BESIDE_LINES, CSV_BESIDE_LINES / csvRate, CSV_BESIDE_LINES / csvSettledRate));
    // the import's own cost: other new debtors with the continuations held until the answer; in
    // rounds, chunks written one after the other by the request thread, then by the shipped
    // writers, then the other way round, so that a change of load weighs on both alike
    fr.recouvrement.cases.CsvCaseImport csvImport =
        context.getBean(fr.recouvrement.cases.CsvCaseImport.class);
    double[] csvHeldSeconds = new double[2];
    int[] writerCounts = {0, fr.recouvrement.cases.CsvWriters.shipped()};
    for (int round = 0; round < CSV_ROUNDS; round++) {
      for (int k = 0; k < 2; k++) {
        int side = round % 2 == 0 ? k : 1 - k;
        fr.recouvrement.cases.CsvWriters.set(csvImport, writerCounts[side]);
        byte[] heldCsv = csv(run + "h" + round + side, waveDue.plusDays(200), CSV_LINES);
        holdContinuations(true);
        try {
          long heldStart = System.nanoTime();
          ApiClient.Response heldImport =
              api.post(
                  "/api/cases/import",
                  "text/csv",
                  HttpRequest.BodyPublishers.ofInputStream(
                      () -> new ByteArrayInputStream(heldCsv)));
          csvHeldSeconds[side] += seconds(heldStart);
          if (heldImport.status() != 200
              || heldImport.json().get("casesOpened").asInt() != CSV_LINES) {
            notes.add(
                "CSV import with the continuations held, %d writers, answered %s"
                    .formatted(writerCounts[side], heldImport));
          }
        } finally {
          fr.recouvrement.cases.CsvWriters.set(csvImport, writerCounts[1]);
          holdContinuations(false);
        }
        awaitIdle();
      }
    }
    double heldCsvRate = CSV_LINES * CSV_ROUNDS / csvHeldSeconds[1];
    double heldCsvOneThreadRate = CSV_LINES * CSV_ROUNDS / csvHeldSeconds[0];
    notes.add(
        "CSV import with the continuations held: %d rounds of %d lines each way"
            .formatted(CSV_ROUNDS, CSV_LINES));

    System.gc();
    double heapAfterIntake = AtScale.heapAfterGcMiB();
    long opened = openCaseProcesses() - openBefore;
    row("P1 intake, 8 clients (cases/s): POST /api/cases vs /engine-rest start", ours, bareRest);
    row(
        "P1 intake, 8 clients (cases/s): POST /api/cases Prefer: respond-async (202, continuation"
            + " after the answer) vs /engine-rest start",
        oursAsync,
        bareRest);
    row(
        "P1 intake, 8 clients (cases/s): the same 202 intake, continuations held until after the"
            + " last answer (the request alone) vs /engine-rest start",
        (N / ROUNDS) / heldSeconds,
        bareRest);
    row("P1 intake, 8 clients (cases/s): POST /api/cases vs Java API start", ours, bareJava);
    row(
        "P1 CSV of "
            + (CSV_BESIDE_LINES == N ? "N" : CSV_BESIDE_LINES)
            + " debtors, to the answer (cases/s; continuations run after each chunk) vs Java"
            + " API start",
        csvRate,
        bareJava);
    row(
        "P1 CSV of "
            + (CSV_LINES == N ? "N" : CSV_LINES)
            + " other debtors, to the answer, continuations held until then (the import"
            + " alone) vs Java API start",
        heldCsvRate,
        bareJava);
    row(
        "P1 the same import alone, "
            + writerCounts[1]
            + " chunk writers vs the request thread writing each chunk",
        heldCsvRate,
        heldCsvOneThreadRate);
    row(
        "P1 CSV of "
            + (CSV_BESIDE_LINES == N ? "N" : CSV_BESIDE_LINES)
            + " debtors, until every continuation ran (cases/s) vs Java API start",
        csvSettledRate,
        bareJava);
    notes.add("CSV import answered " + csvNote);
    figures(
        "P3 heap after GC during the CSV import (MiB): last quarter vs first quarter",
        heapDuringImport[1],
        heapDuringImport[0],
        "%.2f".formatted(heapDuringImport[1] / heapDuringImport[0]));
    figures(
        "P3 heap after GC (MiB) with the cases opened by P1 open vs before them",
        heapAfterIntake,
        heapBeforeIntake,
        "%.2f".formatted(heapAfterIntake / heapBeforeIntake));
    notes.add(
        "P3: %d more case processes open after P1 (%.1f KiB of heap after GC per open case)"
            .formatted(
                opened,
                opened == 0 ? Double.NaN : (heapAfterIntake - heapBeforeIntake) * 1024 / opened));
    if (measuresBytes()) {
      bytesRows("P4 bytes/case opened vs bare instance started", oursT.bytes, bareJavaT.bytes);
    }

    // P2 bare: the N Java-started timers (PT1H) fall due together
    Map<String, Long> beforeBareDrain = sizes();
    moveClockAndWakeExecutor(T0.plusHours(2));
    Drain bareDrain =
        drain(
            () ->
                N
                    - (int)
                        runtime
                            .createProcessInstanceQuery()
                            .processDefinitionKey(BARE)
                            .processInstanceBusinessKeyLike("bare-" + run + "-%")
                            .count());
    Map<String, Long> afterBareDrain = sizes();

    // P2 ours: the wave cases' first reminder timers, all on the same date; move the clock past it
    List<Job> reminderTimers = reminderTimersOf("B" + run + "-");
    Date latest = reminderTimers.stream().map(Job::getDuedate).max(Date::compareTo).orElse(null);
    Date earliest = reminderTimers.stream().map(Job::getDuedate).min(Date::compareTo).orElse(null);
    Drain wave = null;
    Map<String, Long> sizesBeforeWave = Map.of();
    Map<String, Long> afterWave = Map.of();
    String waveNote = reminderTimers.size() + " reminder timers";
    if (latest != null) {
      ZonedDateTime at = contactable(latest.toInstant().atZone(CaseClock.PARIS));
      waveNote +=
          " due "
              + (earliest.equals(latest)
                  ? "together"
                  : "from " + earliest.toInstant() + " to " + latest.toInstant())
              + ", clock to "
              + at.toLocalDateTime();
      TestServers.greenMail().purgeEmailFromAllMailboxes();
      Map<String, Long> beforeWave = sizes();
      List<String> casePaths =
          jdbc
              .queryForList(
                  "select c.reference from collection_case c join debtor d on d.id = c.debtor_id where d.external_id like ?",
                  String.class,
                  "B" + run + "-%")
              .stream()
              .map(r -> "/api/cases/" + r)
              .toList();
      double idleP95;
      try (AtScale.Probe idle = new AtScale.Probe(api, casePaths, 20)) {
        Thread.sleep(3_000);
        idle.close();
        idleP95 = idle.percentile(95);
      }
      moveClockAndWakeExecutor(at);
      try (AtScale.Probe during = new AtScale.Probe(api, casePaths, 20)) {
        wave = drain(() -> TestServers.greenMail().getReceivedMessages().length);
        during.close();
        figures(
            "P2 GET /api/cases/{ref} during the wave, p95 ms (bare: idle just before)",
            during.percentile(95),
            idleP95,
            "-");
        notes.add(
            "P2 probe: %d GETs during the wave, p50 %.0f ms, p99 %.0f ms"
                .formatted(during.count(), during.percentile(50), during.percentile(99)));
      }
      if (wave.done() < N) {
        waveNote += ", only " + wave.done() + " emails";
      }
      awaitIdle();
      afterWave = sizes();
      sizesBeforeWave = beforeWave;
    }
    notes.add("P2 wave: " + waveNote);
    row(
        "P2 wave: emails/s vs bare timers/s, same executor, from the clock move + wake",
        wave == null ? Double.NaN : wave.fromClockMove(),
        bareDrain.fromClockMove());
    row(
        "P2 wave: the same after the first one (without the executor's idle back-off)",
        wave == null ? Double.NaN : wave.afterFirst(),
        bareDrain.afterFirst());
    figures(
        "P2 wave: seconds from the clock move + wake to the first email / bare timer",
        wave == null ? Double.NaN : wave.firstAfterSeconds(),
        bareDrain.firstAfterSeconds(),
        "-");
    if (measuresBytes() && wave != null) {
      Map<String, Long> waveBytes = delta(sizesBeforeWave, afterWave);
      Map<String, Long> bareDrainBytes = delta(beforeBareDrain, afterBareDrain);
      bytesRows("P4 bytes/case, first reminder vs bare timer fired", waveBytes, bareDrainBytes);
      row(
          "P4 bytes/case opened + first reminder vs bare started + fired, total",
          (total(oursT.bytes) + total(waveBytes)) / (double) N,
          (total(bareJavaT.bytes) + total(bareDrainBytes)) / (double) N);
    }
    plainEmailDrain(run, wave, bareDrain);
    limitSweep(run, bareDrain);
    if (measuresBytes()) {
      settledCases(api, run);
    }
    listingsAtScale(api, run);
    figures("P5 start-up to ready on an empty database (s)", startup, Double.NaN, "-");
    try {
      restartOnTheFilledDatabase();
    } catch (RuntimeException e) {
      // the figures measured so far still get printed
      notes.add("P5 on the filled database: the second context did not start: " + e);
    }
    print();
  }

  /**
   * Holds the continuations after « Dossier importé » (their job definition suspended: the jobs it
   * creates are suspended too), or lets them and the held ones run again.
   */
  void holdContinuations(boolean hold) {
    for (var definition :
        management
            .createJobDefinitionQuery()
            .processDefinitionKey("collection-case")
            .activityIdIn("Event_CaseImported")
            .list()) {
      if (hold) {
        management.suspendJobDefinitionById(definition.getId(), true);
      } else {
        management.activateJobDefinitionById(definition.getId(), true);
      }
    }
  }

  /** Case processes running now (the case process alone, not the processes it called). */
  long openCaseProcesses() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("collection-case").count();
  }

  // ---- P5: a second application on the database the benchmark filled ----

  /**
   * Starts the application again on this run's database, once §4 wrote its cases: a second context
   * in this JVM (another engine name, no job executor, another port), timed from its start to
   * ready. Classes are loaded already, so a fresh JVM takes longer by its class loading, which the
   * empty-database figure (the first context of the JVM) includes.
   */
  void restartOnTheFilledDatabase() {
    var env = context.getEnvironment();
    long cases = jdbc.queryForObject("select count(*) from collection_case", Long.class);
    long instances = runtime.createProcessInstanceQuery().count();
    // the URL the pool connected with: the H2 benchmark's ${random.uuid} would resolve anew
    String url =
        jdbc.execute(
            (org.springframework.jdbc.core.ConnectionCallback<String>)
                connection -> connection.getMetaData().getURL());
    long start = System.nanoTime();
    try (var restarted =
        new org.springframework.boot.builder.SpringApplicationBuilder(
                fr.recouvrement.RecouvrementApplication.class)
            .profiles(env.getActiveProfiles())
            // arguments, so that they win over the profiles' files (properties() would not)
            .run(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + env.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + env.getProperty("spring.datasource.password", ""),
                "--server.port=0",
                "--camunda.bpm.process-engine-name=benchmarkRestart",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.webapp.enabled=false",
                "--camunda.bpm.admin-user.password=admin-test",
                "--logging.level.fr.recouvrement=warn")) {
      double took = seconds(start);
      // what the second context found, read through its own connections: the same database
      long seen =
          restarted
              .getBean(JdbcTemplate.class)
              .queryForObject("select count(*) from collection_case", Long.class);
      figures(
          "P5 start-up to ready with the cases above (s), a second context in this JVM",
          took,
          Double.NaN,
          "-");
      notes.add(
          "P5: restarted on %d cases (the second context counts %d), %d running process instances"
              .formatted(cases, seen, instances));
    }
  }

  // ---- P2: the floor, a bare process with a reminder's two jobs and a plain email ----

  /**
   * N instances of {@link #BARE_EMAIL} whose timers fall due together, drained with the shipped
   * settings until GreenMail received N emails: what a reminder's job shape (timer job, then an
   * asyncBefore send job) and one email of the size of ours cost the bare engine. The email's two
   * parts are those of one of the wave's reminders, as GreenMail received it, so that Jakarta Mail
   * and the SMTP server handle the same bytes; the email is built and sent by plain Jakarta Mail,
   * one SMTP connection per email as Spring's mail sender does.
   */
  void plainEmailDrain(String run, Drain wave, Drain bareDrain) throws Exception {
    String[] parts = reminderParts();
    BarePlainEmail.configure(
        "127.0.0.1", TestServers.greenMail().getSmtp().getPort(), parts[0], parts[1]);
    String prefix = "pe-" + run + "-";
    run(
        0,
        N,
        i -> {
          runtime.startProcessInstanceByKey(BARE_EMAIL, prefix + i, Map.of("wait", "PT1H"));
          return true;
        });
    awaitIdle();
    TestServers.greenMail().purgeEmailFromAllMailboxes();
    moveClockAndWakeExecutor(
        ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), CaseClock.PARIS)
            .plusHours(2));
    Drain plain = drain(() -> TestServers.greenMail().getReceivedMessages().length);
    awaitIdle();
    int plainSize = sizeOfFirstReceived();
    row(
        "P2 wave: emails/s vs bare timer + plain email (two jobs, same executor)",
        wave == null ? Double.NaN : wave.afterFirst(),
        plain.afterFirst());
    row(
        "P2 floor: bare timer + plain email/s vs bare timers/s (two jobs and an email, bare)",
        plain.afterFirst(),
        bareDrain.afterFirst());
    notes.add(
        "P2 plain email: text %d and HTML %d characters copied from one of our reminders, %d bytes"
                .formatted(parts[0].length(), parts[1].length(), plainSize)
            + " as received (ours %d bytes); %d of %d emails, the first after %.1f s"
                .formatted(parts[2].length(), plain.done(), N, plain.firstAfterSeconds()));
  }

  /**
   * The text part, the HTML part and the whole source of the first email GreenMail holds (one of
   * the wave's reminders), or stand-ins of a similar size when the wave sent none.
   */
  static String[] reminderParts() throws Exception {
    var received = TestServers.greenMail().getReceivedMessages();
    if (received.length == 0) {
      return new String[] {"x".repeat(1500), "<p>" + "x".repeat(6000) + "</p>", ""};
    }
    var message = received[0];
    var multipart = (jakarta.mail.Multipart) message.getContent();
    String text = "";
    String html = "";
    for (int i = 0; i < multipart.getCount(); i++) {
      var part = multipart.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        text = (String) part.getContent();
      } else if (part.isMimeType("text/html")) {
        html = (String) part.getContent();
      }
    }
    return new String[] {
      text, html, com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(message)
    };
  }

  static int sizeOfFirstReceived() {
    var received = TestServers.greenMail().getReceivedMessages();
    return received.length == 0
        ? 0
        : com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(received[0]).length();
  }

  // ---- P2: the bare drain with other executor settings (the limit) ----

  record Settings(int core, int max, int acquisition) {
    @Override
    public String toString() {
      return "threads " + core + "-" + max + ", " + acquisition + " jobs/acquisition";
    }
  }

  static final List<Settings> SWEEP =
      List.of(
          new Settings(2, 2, 4),
          new Settings(4, 4, 8),
          new Settings(8, 8, 8),
          new Settings(8, 8, 16),
          new Settings(16, 16, 16));

  void limitSweep(String run, Drain shippedBare) throws Exception {
    var configuration =
        (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
            engine.getProcessEngineConfiguration();
    var jobExecutor = configuration.getJobExecutor();
    var pool =
        (org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor)
            ((org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor) jobExecutor)
                .getTaskExecutor();
    int core = pool.getCorePoolSize();
    int max = pool.getMaxPoolSize();
    int acquisition = jobExecutor.getMaxJobsPerAcquisition();
    // the shipped settings are measured again among the others: the first bare drain of the run
    // ran on an engine the JIT had not warmed up yet, and under-rated them next to the sweep's
    Settings shipped = new Settings(core, max, acquisition);
    List<Settings> sweep = new ArrayList<>(SWEEP);
    sweep.remove(shipped);
    sweep.add(shipped);
    double best = 0;
    double shippedInSweep = Double.NaN;
    Settings bestSettings = shipped;
    try {
      for (Settings s : sweep) {
        pool.setMaxPoolSize(Math.max(s.max(), pool.getMaxPoolSize()));
        pool.setCorePoolSize(s.core());
        pool.setMaxPoolSize(s.max());
        jobExecutor.setMaxJobsPerAcquisition(s.acquisition());
        String prefix = "lim-" + run + "-" + s.core() + "-" + s.max() + "-" + s.acquisition() + "-";
        run(
            0,
            N,
            i -> {
              runtime.startProcessInstanceByKey(
                  BARE, prefix + i, Map.of("amount", 37.0 * i, "wait", "PT1H"));
              return true;
            });
        awaitIdle();
        moveClockAndWakeExecutor(
            ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), CaseClock.PARIS)
                .plusHours(2));
        Drain d =
            drain(
                () ->
                    N
                        - (int)
                            runtime
                                .createProcessInstanceQuery()
                                .processDefinitionKey(BARE)
                                .processInstanceBusinessKeyLike(prefix + "%")
                                .count());
        if (s.equals(shipped)) {
          shippedInSweep = d.afterFirst();
        } else {
          row(
              "P2 limit: bare timers/s, " + s + " vs shipped (first drain of the run)",
              d.afterFirst(),
              shippedBare.afterFirst());
        }
        if (d.afterFirst() > best) {
          best = d.afterFirst();
          bestSettings = s;
        }
      }
    } finally {
      pool.setMaxPoolSize(Math.max(max, pool.getMaxPoolSize()));
      pool.setCorePoolSize(core);
      pool.setMaxPoolSize(max);
      jobExecutor.setMaxJobsPerAcquisition(acquisition);
    }
    row(
        "P2 limit: bare drain shipped ("
            + shipped
            + ", in the sweep) vs best ("
            + bestSettings
            + ")",
        shippedInSweep,
        best);
  }

  // ---- P4: a settled amicable case (PostgreSQL) ----

  /**
   * N new cases opened, sent their first reminder, then paid in full (their processes end); the
   * bytes they left, after VACUUM FULL before and after (rows of ended processes leave the runtime
   * tables, and PostgreSQL gives their space back only then).
   */
  void settledCases(ApiClient api, String run) throws Exception {
    ZonedDateTime now =
        ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), CaseClock.PARIS);
    LocalDate due = now.toLocalDate().plusDays(10);
    awaitIdle();
    jdbc.execute("vacuum full");
    Map<String, Long> before = sizes();
    Breakdown detailBefore = breakdown();
    run(
        0,
        N,
        i ->
            post(
                    api,
                    "/api/cases",
                    caseJson("S" + run + "-" + i, "settled" + run + "-" + i + "@example.fr", due))
                == 201);
    awaitIdle();
    List<Job> timers = reminderTimersOf("S" + run + "-");
    Date latest = timers.stream().map(Job::getDuedate).max(Date::compareTo).orElseThrow();
    int mails = TestServers.greenMail().getReceivedMessages().length;
    moveClockAndWakeExecutor(contactable(latest.toInstant().atZone(CaseClock.PARIS)));
    Drain reminded = drain(() -> TestServers.greenMail().getReceivedMessages().length - mails);
    awaitIdle();
    List<String> references =
        jdbc.queryForList(
            "select c.reference from collection_case c join debtor d on d.id = c.debtor_id where d.external_id like ?",
            String.class,
            "S" + run + "-%");
    LocalDate paidOn =
        ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), CaseClock.PARIS)
            .toLocalDate();
    run(
        0,
        references.size(),
        i -> {
          String reference = references.get(i);
          String balance =
              api.get("/api/cases/" + reference)
                  .json()
                  .get("balance")
                  .decimalValue()
                  .toPlainString();
          return post(
                  api,
                  "/api/cases/" + reference + "/payments",
                  fr.recouvrement.cases.CaseFixtures.payment(balance, paidOn, "VIR-" + i))
              == 201;
        });
    awaitIdle();
    int paid =
        jdbc.queryForObject(
            "select count(*) from collection_case c join debtor d on d.id = c.debtor_id where d.external_id like ? and c.status = 'PAID'",
            Integer.class,
            "S" + run + "-%");
    jdbc.execute("vacuum full");
    Map<String, Long> after = sizes();
    bytesRows(
        "P4 bytes/case settled (opened, reminded, paid; VACUUM FULL)",
        delta(before, after),
        Map.of());
    notes.add(
        ("P4 settled: %d cases opened, %d first reminders sent, %d closed PAID; their wave, the"
                + " run's second (the JVM has composed and sent emails before), %.1f emails/s"
                + " after the first")
            .formatted(N, reminded.done(), paid, reminded.afterFirst()));
    settledBreakdown(detailBefore, breakdown());
  }

  /**
   * What the settled cases' bytes are, table by table: rows, heap (table + TOAST) and index bytes
   * per case, which indexes weigh most (Camunda's tenant indexes apart), and the rows of the
   * heaviest history tables by activity type, variable name and decision. Printed as notes.
   */
  void settledBreakdown(Breakdown before, Breakdown after) {
    String label = "P4 settled breakdown";
    Map<String, long[]> perTable = new LinkedHashMap<>();
    after.tables.forEach(
        (table, now) -> {
          long[] was = before.tables.getOrDefault(table, new long[3]);
          perTable.put(table, new long[] {now[0] - was[0], now[1] - was[1], now[2] - was[2]});
        });
    long heap = perTable.values().stream().mapToLong(v -> v[1]).sum();
    long index = perTable.values().stream().mapToLong(v -> v[2]).sum();
    long historyHeap = 0;
    long historyIndex = 0;
    for (var e : perTable.entrySet()) {
      if (part(e.getKey()).equals("history")) {
        historyHeap += e.getValue()[1];
        historyIndex += e.getValue()[2];
      }
    }
    notes.add(
        "%s: every table, heap (table + TOAST) %.0f + indexes %.0f bytes/case; history %.0f + %.0f (indexes %.0f %%)"
            .formatted(
                label,
                heap / (double) N,
                index / (double) N,
                historyHeap / (double) N,
                historyIndex / (double) N,
                100.0 * historyIndex / Math.max(1, historyHeap + historyIndex)));
    notes.add(
        label
            + ", per table (rows, heap bytes, index bytes per case): "
            + perTable.entrySet().stream()
                .filter(e -> e.getValue()[1] + e.getValue()[2] > 0)
                .sorted(
                    java.util.Comparator.comparingLong(
                            (Map.Entry<String, long[]> e) -> e.getValue()[1] + e.getValue()[2])
                        .reversed())
                .limit(14)
                .map(
                    e ->
                        "%s %.1f rows %.0f + %.0f"
                            .formatted(
                                e.getKey(),
                                e.getValue()[0] / (double) N,
                                e.getValue()[1] / (double) N,
                                e.getValue()[2] / (double) N))
                .collect(Collectors.joining(", ")));
    Map<String, Long> indexes = delta(before.indexes, after.indexes);
    long tenant =
        indexes.entrySet().stream()
            .filter(e -> e.getKey().contains("tenant"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    long tenantHistory =
        indexes.entrySet().stream()
            .filter(e -> e.getKey().contains("tenant") && e.getKey().startsWith("act_hi_"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    notes.add(
        "%s: Camunda's tenant indexes (no tenant here) %.0f bytes/case, of which history %.0f; heaviest indexes: %s"
            .formatted(
                label, tenant / (double) N, tenantHistory / (double) N, perCase(indexes, 12)));
    after.groups.forEach(
        (group, counts) ->
            notes.add(
                "%s, %s (rows/case): %s"
                    .formatted(
                        label,
                        group,
                        perCase(delta(before.groups.getOrDefault(group, Map.of()), counts), 30))));
  }

  static String perCase(Map<String, Long> counts, int limit) {
    return counts.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(limit)
        .map(e -> "%s %.2f".formatted(e.getKey(), e.getValue() / (double) N))
        .collect(Collectors.joining(", "));
  }

  /**
   * One snapshot: per table {rows, heap + TOAST bytes, index bytes}, per index its bytes (table
   * name first), and row counts of the heaviest history tables by what wrote them.
   */
  record Breakdown(
      Map<String, long[]> tables,
      Map<String, Long> indexes,
      Map<String, Map<String, Long>> groups) {}

  static final Map<String, String> GROUPS =
      new LinkedHashMap<>(
          Map.of(
              "act_hi_actinst by activity type",
              "select act_type_ as k, count(*) as n from act_hi_actinst group by act_type_",
              "act_hi_actinst by activity",
              "select proc_def_key_ || '/' || act_id_ as k, count(*) as n from act_hi_actinst group by proc_def_key_, act_id_",
              "act_hi_varinst by variable",
              "select name_ as k, count(*) as n from act_hi_varinst group by name_",
              "act_hi_dec_in by decision",
              "select d.dec_def_key_ as k, count(*) as n from act_hi_dec_in i join act_hi_decinst d on d.id_ = i.dec_inst_id_ group by d.dec_def_key_",
              "act_hi_dec_out by decision",
              "select d.dec_def_key_ as k, count(*) as n from act_hi_dec_out o join act_hi_decinst d on d.id_ = o.dec_inst_id_ group by d.dec_def_key_",
              "act_hi_job_log by activity and state",
              "select coalesce(act_id_, job_def_type_) || ':' || job_state_ as k, count(*) as n from act_hi_job_log group by act_id_, job_def_type_, job_state_"));

  Breakdown breakdown() {
    if (!measuresBytes()) {
      return new Breakdown(Map.of(), Map.of(), Map.of());
    }
    Map<String, long[]> tables = new LinkedHashMap<>();
    jdbc.query(
        """
        select c.relname as name, pg_table_size(c.oid) as heap, pg_indexes_size(c.oid) as idx
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind = 'r'""",
        rs -> {
          String table = rs.getString("name");
          tables.put(table, new long[] {0, rs.getLong("heap"), rs.getLong("idx")});
        });
    tables.forEach(
        (table, v) ->
            v[0] = jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
    Map<String, Long> indexes = new LinkedHashMap<>();
    jdbc.query(
        """
        select t.relname || '.' || lower(i.relname) as name, pg_relation_size(i.oid) as bytes
        from pg_index x join pg_class i on i.oid = x.indexrelid
        join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = current_schema()""",
        rs -> {
          indexes.put(rs.getString("name"), rs.getLong("bytes"));
        });
    Map<String, Map<String, Long>> groups = new LinkedHashMap<>();
    GROUPS.forEach(
        (group, sql) -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          jdbc.query(
              sql,
              rs -> {
                counts.put(String.valueOf(rs.getString("k")), rs.getLong("n"));
              });
          groups.put(group, counts);
        });
    return new Breakdown(tables, indexes, groups);
  }

  // ---- §4: listings at scale ----

  void listingsAtScale(ApiClient api, String run) throws Exception {
    int cases = Integer.getInteger("bench.listing-cases", 100_000);
    double took = AtScale.insertCases(jdbc, run, cases, () -> ClockUtil.getCurrentTime().getTime());
    long total = jdbc.queryForObject("select count(*) from collection_case", Long.class);
    jdbc.execute(
        "analyze"); // what autovacuum (PostgreSQL) would have done after such a load; H2 updates
    // its selectivity too
    notes.add(
        "§4: %d cases written by SQL batches in %.0f s; %d cases in the database"
            .formatted(cases, took, total));
    figures(
        "§4 GET /api/cases first page of 50, ms (target < 200)",
        AtScale.medianMillis(api, "/api/cases?page=0&size=50", 5),
        Double.NaN,
        "-");
    figures(
        "§4 GET /api/cases page 1000 of 50, ms",
        AtScale.medianMillis(api, "/api/cases?page=1000&size=50", 5),
        Double.NaN,
        "-");
    figures(
        "§4 GET /api/cases?status=AMICABLE, ms",
        AtScale.medianMillis(api, "/api/cases?status=AMICABLE&page=0&size=50", 5),
        Double.NaN,
        "-");
    figures(
        "§4 GET /api/cases?status=PAID page 100, ms",
        AtScale.medianMillis(api, "/api/cases?status=PAID&page=100&size=50", 5),
        Double.NaN,
        "-");
    String reference = "LST-" + run + "-1";
    AtScale.insertPayments(jdbc, reference, 200, () -> ClockUtil.getCurrentTime().getTime());
    int events = api.get("/api/cases/" + reference + "/timeline").json().size();
    figures(
        "§4 timeline of a case with " + events + " events, ms (target < 500)",
        AtScale.medianMillis(api, "/api/cases/" + reference + "/timeline", 5),
        Double.NaN,
        "-");
    figures(
        "§4 GET /api/kpis over the cases, ms (target < 2000)",
        AtScale.medianMillis(api, "/api/kpis", 3),
        Double.NaN,
        "-");
    System.gc();
    figures(
        "P3 heap after GC with the cases above written (MiB)",
        AtScale.heapAfterGcMiB(),
        Double.NaN,
        "-");
  }

  // ---- the bare process: start -> businessRuleTask on a 3-rule DMN -> timer ----

  void deployBareProcess() {
    BpmnModelInstance process =
        Bpmn.createExecutableProcess(BARE)
            .camundaHistoryTimeToLiveString("P2192D")
            .startEvent("StartEvent_Bare")
            .businessRuleTask("Task_Tier")
            .camundaDecisionRef(BARE_DECISION)
            .camundaMapDecisionResult("singleEntry")
            .camundaResultVariable("tier")
            .intermediateCatchEvent("Timer_Wait")
            .timerWithDuration("${wait}")
            .endEvent("EndEvent_Bare")
            .done();
    // a reminder's job shape without our work: the timer job, then the asyncBefore send job that
    // sends one email (BarePlainEmail) and ends the instance
    BpmnModelInstance emailProcess =
        Bpmn.createExecutableProcess(BARE_EMAIL)
            .camundaHistoryTimeToLiveString("P2192D")
            .startEvent("StartEvent_BareEmail")
            .intermediateCatchEvent("Timer_BareEmailDue")
            .timerWithDuration("${wait}")
            .serviceTask("Task_BarePlainEmail")
            .camundaAsyncBefore()
            .camundaClass(BarePlainEmail.class.getName())
            .endEvent("EndEvent_BareEmail")
            .done();
    repository
        .createDeployment()
        .name("benchmark bare engine")
        .addModelInstance(BARE + ".bpmn", process)
        .addModelInstance(BARE_EMAIL + ".bpmn", emailProcess)
        .addString(BARE_DECISION + ".dmn", TIER_DMN)
        .deploy();
  }

  static final String TIER_DMN =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                   id="Definitions_BenchTier" name="Benchmark" namespace="http://camunda.org/schema/1.0/dmn">
        <decision id="bench-tier" name="Tier" camunda:historyTimeToLive="P2192D">
          <decisionTable id="DecisionTable_BenchTier" hitPolicy="FIRST">
            <input id="Input_Amount" label="Amount"><inputExpression id="InputExpression_Amount" typeRef="double"><text>amount</text></inputExpression></input>
            <output id="Output_Tier" name="tier" typeRef="string" />
            <rule id="Rule_Small"><inputEntry id="InputEntry_Small"><text>&lt; 100</text></inputEntry><outputEntry id="OutputEntry_Small"><text>"small"</text></outputEntry></rule>
            <rule id="Rule_Medium"><inputEntry id="InputEntry_Medium"><text>[100..1000)</text></inputEntry><outputEntry id="OutputEntry_Medium"><text>"medium"</text></outputEntry></rule>
            <rule id="Rule_Large"><inputEntry id="InputEntry_Large"><text>&gt;= 1000</text></inputEntry><outputEntry id="OutputEntry_Large"><text>"large"</text></outputEntry></rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  static String bareStartJson(String businessKey, String wait) {
    return """
        {"businessKey": "%s", "variables": {"amount": {"value": 1234.5, "type": "Double"}, "wait": {"value": "%s", "type": "String"}}}"""
        .formatted(businessKey, wait);
  }

  // ---- our side ----

  static String caseJson(String debtorId, String email, LocalDate due) {
    return """
        {"debtor": {"externalId": "%s", "type": "BUSINESS", "name": "Boulangerie Martin SARL", "siren": "552100554",
                    "email": "%s",
                    "address": {"line1": "3 rue des Lilas", "postalCode": "69003", "city": "Lyon", "country": "FR"}},
         "invoices": [{"number": "F-%s", "issueDate": "%s", "dueDate": "%s", "amount": 1850.00}]}
        """
        .formatted(debtorId, email, debtorId, due.minusDays(30), due);
  }

  static byte[] csv(String run, LocalDate due) {
    return csv(run, due, N);
  }

  static byte[] csv(String run, LocalDate due, int lines) {
    StringBuilder b =
        new StringBuilder(
            "debtor_id,debtor_type,debtor_name,siren,email,phone,address_line1,postal_code,city,invoice_number,issue_date,due_date,amount\n");
    for (int i = 0; i < lines; i++) {
      b.append(
          "C%s-%d,BUSINESS,Débiteur %d,,csv%s-%d@example.fr,,%d rue de la Paix,75002,Paris,FC-%s-%d,%s,%s,%d.50\n"
              .formatted(
                  run, i, i, run, i, i % 90 + 1, run, i, due.minusDays(30), due, 50 + i % 4000));
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The first-reminder timers of the cases whose debtor id starts so (their amicable-reminders
   * instances).
   */
  List<Job> reminderTimersOf(String debtorPrefix) {
    Set<String> definitions =
        management.createJobDefinitionQuery().activityIdIn("Timer_ReminderStepDue").list().stream()
            .map(d -> d.getId())
            .collect(Collectors.toSet());
    Set<String> references =
        jdbc
            .queryForList(
                "select c.reference from collection_case c join debtor d on d.id = c.debtor_id where d.external_id like ?",
                String.class,
                debtorPrefix + "%")
            .stream()
            .collect(Collectors.toSet());
    Set<String> instances = new java.util.HashSet<>();
    for (String reference : references) {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
          .map(ProcessInstance::getId)
          .forEach(instances::add);
    }
    List<Job> timers = new ArrayList<>();
    for (List<String> part : partition(new ArrayList<>(instances), 500)) {
      management
          .createJobQuery()
          .timers()
          .processInstanceIds(new java.util.HashSet<>(part))
          .list()
          .stream()
          .filter(j -> definitions.contains(j.getJobDefinitionId()))
          .forEach(timers::add);
    }
    return timers;
  }

  /**
   * The first moment from then on when an email may go: a weekday between 10:00 and 18:00, Paris.
   */
  static ZonedDateTime contactable(ZonedDateTime then) {
    ZonedDateTime t = then.plusMinutes(1);
    if (t.getHour() >= 18) {
      t = t.plusDays(1).withHour(10).withMinute(0);
    } else if (t.getHour() < 10) {
      t = t.withHour(10).withMinute(0);
    }
    while (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY) {
      t = t.plusDays(1).withHour(10).withMinute(0);
    }
    return t;
  }

  // ---- measuring ----

  interface Step {
    boolean run(int i) throws Exception;
  }

  /**
   * One kind of work measured over the rounds: the seconds its steps took, and (PostgreSQL) the
   * bytes they added once the job executor had run what they left due.
   */
  final class Tally {
    double seconds;
    int steps;
    final Map<String, Long> bytes = new LinkedHashMap<>();

    void measure(int from, int to, Step step) throws Exception {
      awaitIdle();
      Map<String, Long> before = sizes();
      seconds += run(from, to, step);
      steps += to - from;
      awaitIdle();
      delta(before, sizes()).forEach((part, b) -> bytes.merge(part, b, Long::sum));
    }

    double perSecond() {
      return steps / seconds;
    }
  }

  /**
   * Steps from..to-1 on 8 threads; answers the seconds they took, and fails on any step that did
   * not succeed.
   */
  static double run(int from, int n, Step step) throws Exception {
    AtomicInteger next = new AtomicInteger(from);
    Set<String> failures = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      done.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                  try {
                    if (!step.run(i)) {
                      failures.add("step " + i);
                    }
                  } catch (Exception e) {
                    failures.add("step " + i + ": " + e);
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double took = seconds(start);
    pool.shutdown();
    if (!failures.isEmpty()) {
      throw new IllegalStateException(
          failures.size() + " failed, e.g. " + failures.iterator().next());
    }
    return took;
  }

  /** POST /api/cases with Prefer: respond-async; answers the status (202 for a new case). */
  static int postAsync(ApiClient api, String json) {
    ApiClient.Response r = api.postJson("/api/cases", json, "Prefer", "respond-async");
    if (r.status() >= 300) {
      throw new IllegalStateException("/api/cases answered " + r);
    }
    return r.status();
  }

  static int post(ApiClient api, String path, String json) {
    ApiClient.Response r = api.postJson(path, json);
    if (r.status() >= 300) {
      throw new IllegalStateException(path + " answered " + r);
    }
    return r.status();
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /**
   * Moves the clock past due dates and wakes the job executor, as a newly created job would: both
   * drains then start from the same state, whatever idle back-off the executor had reached before
   * (up to a minute after a long idle phase such as the intakes; the issue calls it harmless).
   */
  void moveClockAndWakeExecutor(ZonedDateTime at) {
    moveClockTo(at);
    ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
            engine.getProcessEngineConfiguration())
        .getJobExecutor()
        .jobWasAdded();
  }

  /** Moves the engine's clock (and so CaseClock) to that moment; it keeps running from there. */
  static void moveClockTo(ZonedDateTime at) {
    ClockUtil.reset();
    ClockUtil.offset(at.toInstant().toEpochMilli() - System.currentTimeMillis());
  }

  boolean await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }

  /**
   * How a drain went: how many were done, when the first and the last were seen (s after the clock
   * move).
   */
  record Drain(int done, double firstAfterSeconds, double lastAfterSeconds) {
    double fromClockMove() {
      return done == 0 ? Double.NaN : done / lastAfterSeconds;
    }

    double afterFirst() {
      return done < 2 || lastAfterSeconds <= firstAfterSeconds
          ? Double.NaN
          : (done - 1) / (lastAfterSeconds - firstAfterSeconds);
    }
  }

  /** Polls how many are done (every 50 ms) until N, or until patience runs out. */
  Drain drain(java.util.function.IntSupplier doneSoFar) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + PATIENCE.toNanos();
    double first = Double.NaN;
    int done = doneSoFar.getAsInt();
    while (done < N && System.nanoTime() < deadline) {
      Thread.sleep(50);
      done = doneSoFar.getAsInt();
      if (done > 0 && Double.isNaN(first)) {
        first = seconds(start);
      }
    }
    return new Drain(done, first, seconds(start));
  }

  /** Waits until the job executor has nothing due left (the asynchronous steps after an intake). */
  void awaitIdle() throws InterruptedException {
    await(() -> management.createJobQuery().executable().count() == 0);
  }

  // ---- P4: sizes on PostgreSQL ----

  /** Every table of the schema with its size (table, indexes, TOAST). */
  static final String SIZES =
      """
      select c.relname as name, pg_total_relation_size(c.oid) as bytes
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r'""";

  static String part(String table) {
    String t = table.toLowerCase(java.util.Locale.ROOT);
    return t.startsWith("act_ru_")
        ? "runtime"
        : t.startsWith("act_hi_") ? "history" : t.startsWith("act_") ? "engine other" : "ours";
  }

  /** Bytes by table (PostgreSQL only; empty elsewhere). */
  Map<String, Long> sizes() {
    if (!measuresBytes()) {
      return Map.of();
    }
    Map<String, Long> bytes = new LinkedHashMap<>();
    jdbc.query(
        SIZES,
        rs -> {
          bytes.put(rs.getString("name"), rs.getLong("bytes"));
        });
    return bytes;
  }

  static long total(Map<String, Long> sizes) {
    return sizes.values().stream().mapToLong(Long::longValue).sum();
  }

  static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> d = new LinkedHashMap<>();
    after.forEach((part, bytes) -> d.put(part, bytes - before.getOrDefault(part, 0L)));
    return d;
  }

  void bytesRows(String label, Map<String, Long> oursDelta, Map<String, Long> bareDelta) {
    long oursTotal = 0;
    long bareTotal = 0;
    for (String part : List.of("runtime", "history", "ours", "engine other")) {
      double o = byPart(oursDelta).getOrDefault(part, 0L) / (double) N;
      double b = byPart(bareDelta).getOrDefault(part, 0L) / (double) N;
      oursTotal += Math.round(o);
      bareTotal += Math.round(b);
      row(label + ", " + part, o, b);
    }
    row(label + ", total", oursTotal, bareTotal);
    // where our bytes go: the heaviest tables
    notes.add(
        label
            + ", ours by table (bytes/case): "
            + oursDelta.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .map(e -> e.getKey() + " " + Math.round(e.getValue() / (double) N))
                .collect(Collectors.joining(", ")));
  }

  static Map<String, Long> byPart(Map<String, Long> tables) {
    Map<String, Long> parts = new LinkedHashMap<>();
    tables.forEach((table, bytes) -> parts.merge(part(table), bytes, Long::sum));
    return parts;
  }

  // ---- the table ----

  void row(String figure, double ours, double bare) {
    figures(
        figure, ours, bare, bare > 0 && !Double.isNaN(ours) ? "%.2f".formatted(ours / bare) : "-");
  }

  void figures(String figure, double ours, double bare, String ratio) {
    rows.put(figure, new String[] {"%.1f".formatted(ours), "%.1f".formatted(bare), ratio});
  }

  void print() {
    StringBuilder b = new StringBuilder();
    b.append(
        "%nBENCHMARK %s, N=%d, %d cores, job executor as shipped (application.yaml)%n"
            .formatted(database(), N, Runtime.getRuntime().availableProcessors()));
    b.append("%-84s %10s %10s %7s%n".formatted("figure", "ours", "bare", "ratio"));
    rows.forEach(
        (figure, v) -> b.append("%-84s %10s %10s %7s%n".formatted(figure, v[0], v[1], v[2])));
    notes.forEach(note -> b.append("  ").append(note).append("%n".formatted()));
    System.out.println(b);
  }

  static <T> List<List<T>> partition(List<T> list, int size) {
    List<List<T>> parts = new ArrayList<>();
    for (int i = 0; i < list.size(); i += size) {
      parts.add(list.subList(i, Math.min(list.size(), i + size)));
    }
    return parts;
  }
}

package fr.recouvrement;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.recouvrement.kernel.time.CaseClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cluster drill (issue 13 §2): two application instances, each with its job executor, on one
 * PostgreSQL, run one wave of first reminders. Run it with {@code mvn verify -Pcluster} (the default
 * build leaves the tag {@code cluster} out); {@code -Dcluster.cases=N} changes the size of the wave
 * (2,000 by default: the two runs took 6 to 9 minutes on a shared, heavily loaded 2-core machine, most of it
 * opening the cases).
 *
 * <p>The two instances are two Spring contexts in this JVM (engines "nodeA" and "nodeB": Camunda
 * keeps engines in a JVM-wide registry by name), sharing one embedded PostgreSQL database and one
 * GreenMail SMTP server; Twilio and the postal provider are not configured (dry run), and the wave is
 * made of emails only. Engine time is {@link ClockUtil}, JVM-wide, so both engines see the same clock:
 * the cases are opened on a Friday, then the clock is moved (with an offset: it keeps ticking, so job
 * locks and retries still expire) to the Monday their courtesy email falls due.
 *
 * <p>Each job executor writes its engine's {@code hostname} (node-a, node-b) into the job log
 * ({@code ACT_HI_JOB_LOG.HOSTNAME_}): that tells which node sent what, and whether one job was
 * executed successfully by both.
 *
 * <p>Second run: node B is stopped in the middle of the wave. In one JVM a {@code kill -9} is not
 * possible; right after half of the emails arrived, another thread ends B's PostgreSQL sessions
 * ({@code pg_terminate_backend}: its open transactions roll back, as when its process dies) and closes
 * its context, without the drill waiting for it; the wave must finish on node A (the jobs B held come back when their
 * lock expires, a send B left in flight when its lease expires). A true {@code kill -9} of a separate
 * process is exercised by {@code docker/cluster-drill.sh}.
 *
 * <p>Prints the figures; asserts exactly-once delivery and no incident left, nothing about time.
 */
@Tag("cluster")
class ClusterDrillTest {
  static final int CASES = Integer.getInteger("cluster.cases", 2000);
  static final String ADMIN_PASSWORD = "Cluster-Drill-Admin-2026";
  /** A Friday: the invoices fall due on Wednesday 4 March, the courtesy email two days before (reminder-cadence). */
  static final LocalDateTime OPENED_AT = LocalDateTime.parse("2026-02-20T10:00");
  /** Monday 2 March, noon: every courtesy email is due, the next step (J+3) is not. */
  static final LocalDateTime WAVE_AT = LocalDateTime.parse("2026-03-02T12:00");
  /** Short job locks and delivery leases, so that a stopped node's work comes back within the drill. */
  static final Duration JOB_LOCK = Duration.ofSeconds(20);
  static final Duration LEASE = Duration.ofSeconds(30);
  static final Duration WAVE_TIMEOUT = Duration.ofMinutes(Integer.getInteger("cluster.timeout-minutes", 30));

  static EmbeddedPostgres postgres;
  static GreenMail smtp;
  static final AtomicInteger RUN = new AtomicInteger();

  final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  @BeforeAll
  static void startOutsideWorld() throws IOException {
    postgres = TestPostgres.start();
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
  }

  @AfterAll
  static void stopOutsideWorld() throws IOException {
    smtp.stop();
    postgres.close();
  }

  @AfterEach
  void stopNodes() {
    nodes.forEach(ConfigurableApplicationContext::close);
    ClockUtil.reset();
  }

  @Test
  void twoNodesSendEveryReminderOfAWaveExactlyOnce() throws Exception {
    Wave wave = new Wave("wave");
    ConfigurableApplicationContext a = wave.start("nodeA", "node-a");
    wave.start("nodeB", "node-b");
    wave.open(port(a));

    Instant started = wave.release();
    wave.awaitDrained(started, null);

    Figures f = wave.figures("two nodes", started, 0);
    assertThat(f.lost).as("reminders not delivered").isZero();
    assertThat(f.duplicates).as("reminders delivered more than once").isZero();
    assertThat(f.rowDuplicates).as("cases with more than one email row").isZero();
    assertThat(f.jobsRunByBothNodes).as("send jobs completed by both nodes").isZero();
    assertThat(f.incidents).as("incidents left").isZero();
  }

  @Test
  void aNodeStoppedInTheMiddleOfTheWaveLosesNothing() throws Exception {
    Wave wave = new Wave("crash");
    ConfigurableApplicationContext a = wave.start("nodeA", "node-b-dies-a");
    ConfigurableApplicationContext b = wave.start("nodeB", "node-b-dies-b");
    wave.open(port(a));

    Instant started = wave.release();
    boolean[] stopped = {false};
    Thread stopper = new Thread(() -> {
      // what a kill -9 looks like to the database: B's sessions end, its open transactions roll back
      // (a job half done, a SENT not yet recorded), and B commits nothing more: its sessions are cut
      // again every 100 ms while its context closes, without anyone waiting for it
      AtomicInteger cut = new AtomicInteger(wave.cutSessions("node-b-dies-b"));
      Thread cutter = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          cut.addAndGet(wave.cutSessions("node-b-dies-b"));
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "node-b-cut");
      cutter.start();
      b.close();
      cutter.interrupt();
      // what was PENDING when B was gone: B's sends in flight (and A's of that moment), the crash window
      wave.leasedAtStop = wave.jdbc.queryForObject(
          "select count(*) from communication where channel = 'EMAIL' and status = 'PENDING'", Integer.class);
      System.out.printf("CLUSTER %s: node B gone (%d database sessions cut), %d email sends in flight%n",
          wave.database, cut.get(), wave.leasedAtStop);
    }, "node-b-stop");
    wave.awaitDrained(
        started,
        delivered -> {
          if (!stopped[0] && delivered >= CASES / 2) {
            stopped[0] = true;
            System.out.printf("CLUSTER %s: %d of %d delivered, node B stopped without waiting%n", wave.database, delivered, CASES);
            nodes.remove(b);
            stopper.start();
          }
        });
    stopper.join(Duration.ofMinutes(2).toMillis());

    Figures f = wave.figures("node B stopped mid-wave", started, wave.leasedAtStop);
    assertThat(stopped[0]).as("node B stopped in the middle of the wave").isTrue();
    assertThat(f.lost).as("reminders not delivered").isZero();
    assertThat(f.jobsRunByBothNodes).as("send jobs completed twice").isZero();
    // an email B handed to the SMTP server but did not record as SENT is sent again by A once B's lease
    // expired: at-least-once inside that window, and only for the sends B had in flight
    assertThat(f.duplicates).as("duplicates beyond the sends in flight when B stopped").isLessThanOrEqualTo(wave.leasedAtStop);
    assertThat(f.rowDuplicates).as("cases with more than one email row").isZero();
    assertThat(f.incidents).as("incidents left").isZero();
  }

  static int port(ConfigurableApplicationContext node) {
    return ((ServletWebServerApplicationContext) node).getWebServer().getPort();
  }

  static Date at(LocalDateTime paris) {
    return Date.from(paris.atZone(CaseClock.PARIS).toInstant());
  }

  /** One wave on a database of its own. */
  final class Wave {
    final String database;
    final JdbcTemplate jdbc;
    final String run;
    final Map<String, String> referenceByEmail = new HashMap<>();
    volatile int leasedAtStop;
    int clockJumps;

    Wave(String name) throws Exception {
      database = name + RUN.incrementAndGet();
      try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
        s.execute("create database " + database);
      }
      DataSource ds = postgres.getDatabase("postgres", database);
      jdbc = new JdbcTemplate(ds);
      run = Long.toString(System.nanoTime() % 1_000_000, 36);
      smtp.purgeEmailFromAllMailboxes();
      // the cases are opened on the Friday; the clock ticks on from there
      moveClockTo(at(OPENED_AT));
    }

    ConfigurableApplicationContext start(String engineName, String hostname) {
      long t = System.nanoTime();
      ConfigurableApplicationContext node =
          new SpringApplicationBuilder(RecouvrementApplication.class)
              .profiles("postgres")
              .run(
                  "--server.port=0",
                  "--POSTGRES_URL=" + postgres.getJdbcUrl("postgres", database),
                  "--POSTGRES_USER=postgres",
                  "--POSTGRES_PASSWORD=postgres",
                  "--recouvrement.data-dir=target/cluster-drill/" + database + "/" + hostname,
                  "--recouvrement.http.secure-cookies=false",
                  "--recouvrement.delivery.lease=" + LEASE,
                  "--camunda.bpm.process-engine-name=" + engineName,
                  "--camunda.bpm.webapp.enabled=false",
                  "--camunda.bpm.admin-user.id=admin",
                  "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                  "--camunda.bpm.job-execution.enabled=true",
                  "--camunda.bpm.job-execution.deployment-aware=false",
                  "--camunda.bpm.job-execution.lock-time-in-millis=" + JOB_LOCK.toMillis(),
                  // the clock jumps; an idle executor must not sleep a minute before it looks again
                  "--camunda.bpm.job-execution.max-wait=3000",
                  "--camunda.bpm.generic-properties.properties.hostname=" + hostname,
                  "--spring.mail.host=127.0.0.1",
                  "--spring.mail.port=" + smtp.getSmtp().getPort(),
                  "--spring.datasource.hikari.maximum-pool-size=20",
                  "--spring.datasource.hikari.data-source-properties.ApplicationName=" + hostname,
                  "--logging.level.root=warn",
                  "--logging.level.fr.recouvrement=warn");
      nodes.add(node);
      System.out.printf("CLUSTER %s: %s (%s) started in %d ms on port %d%n", database, engineName, hostname,
          (System.nanoTime() - t) / 1_000_000, port(node));
      return node;
    }

    /** Opens the cases through node A's API, four at a time; none is due yet. */
    void open(int port) throws Exception {
      ApiClient api = new ApiClient(port, "admin", ADMIN_PASSWORD);
      long t = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < CASES; i++) {
        int n = i;
        done.add(pool.submit(() -> {
          String email = "c" + n + "-" + run + "@cluster.example";
          ApiClient.Response r = api.postJson("/api/cases", caseJson("CL-" + run + "-" + n, email, "F-CL-" + run + "-" + n));
          assertThat(r.status()).as(r.toString()).isEqualTo(201);
          synchronized (referenceByEmail) {
            referenceByEmail.put(email, r.json().get("reference").asText());
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      System.out.printf("CLUSTER %s: %d cases opened in %d ms%n", database, CASES, (System.nanoTime() - t) / 1_000_000);
      assertThat(smtp.getReceivedMessages()).as("nothing is due before the wave").isEmpty();
    }

    /** Moves the clock to the Monday: every first reminder falls due at once. */
    Instant release() {
      moveClockTo(at(WAVE_AT));
      Integer due = jdbc.queryForObject(
          "select count(*) from act_ru_job where process_def_key_ = 'amicable-reminders' and duedate_ <= ?", Integer.class,
          new Timestamp(ClockUtil.getCurrentTime().getTime()));
      System.out.printf("CLUSTER %s: clock moved to %s, %d reminder timers due%n", database, WAVE_AT, due);
      return Instant.now();
    }

    /**
     * Waits until every case has its email SENT and no job is left to run now. When nothing moves for
     * a while but work remains (a send that found a live lease retries 5 minutes later, engine time),
     * the clock is moved on by 6 minutes: what an operator would see by waiting.
     */
    void awaitDrained(Instant started, java.util.function.IntConsumer onProgress) throws Exception {
      long lastProgressAt = System.nanoTime();
      int last = -1;
      while (Duration.between(started, Instant.now()).compareTo(WAVE_TIMEOUT) < 0) {
        int delivered = smtp.getReceivedMessages().length;
        int sent = jdbc.queryForObject("select count(*) from communication where channel = 'EMAIL' and status = 'SENT'", Integer.class);
        int runnable = jdbc.queryForObject(
            "select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= ?)", Integer.class,
            new Timestamp(ClockUtil.getCurrentTime().getTime()));
        if (onProgress != null) {
          onProgress.accept(delivered);
        }
        if (sent >= CASES && runnable == 0) {
          return;
        }
        if (delivered + sent != last) {
          lastProgressAt = System.nanoTime();
          last = delivered + sent;
        }
        if (System.nanoTime() - lastProgressAt > Duration.ofSeconds(45).toNanos() && sent < CASES) {
          moveClockTo(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(6).toMillis()));
          clockJumps++;
          System.out.printf("CLUSTER %s: no progress for 45 s (%d sent, %d runnable jobs): clock moved on 6 minutes%n",
              database, sent, runnable);
          lastProgressAt = System.nanoTime();
        }
        Thread.sleep(1000);
      }
      System.out.printf("CLUSTER %s: wave not drained after %s%n", database, WAVE_TIMEOUT);
    }

    /** Ends the PostgreSQL sessions of one node (its connections carry its hostname as application name). */
    int cutSessions(String hostname) {
      return jdbc.queryForList(
              "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ? and datname = ?",
              Boolean.class, hostname, database)
          .size();
    }

    Figures figures(String title, Instant started, int inFlightAtStop) throws MessagingException {
      Duration took = Duration.between(started, Instant.now());
      Map<String, Integer> perCase = new HashMap<>();
      MimeMessage[] received = smtp.getReceivedMessages();
      for (MimeMessage m : received) {
        for (Address to : m.getAllRecipients()) {
          String reference = referenceByEmail.get(to.toString());
          if (reference != null) {
            perCase.merge(reference, 1, Integer::sum);
          }
        }
      }
      Figures f = new Figures();
      f.expected = CASES;
      f.observed = received.length;
      f.distinct = perCase.size();
      f.duplicates = perCase.values().stream().mapToInt(n -> n - 1).sum();
      f.lost = CASES - perCase.size();
      f.rows = jdbc.queryForObject("select count(*) from communication where channel = 'EMAIL' and status = 'SENT'", Integer.class);
      f.rowDuplicates = jdbc.queryForObject(
          "select count(*) from (select case_id from communication where channel = 'EMAIL' group by case_id having count(*) > 1) d",
          Integer.class);
      f.incidents = jdbc.queryForObject("select count(*) from act_ru_incident", Integer.class);
      f.jobsRunByBothNodes = jdbc.queryForObject(
          "select count(*) from (select job_id_ from act_hi_job_log where act_id_ = 'Task_SendReminderEmail' and job_state_ = 2"
              + " group by job_id_ having count(*) > 1) d",
          Integer.class);
      List<Map<String, Object>> share = jdbc.queryForList(
          "select hostname_, sum(case when job_state_ = 2 then 1 else 0 end) as succeeded,"
              + " sum(case when job_state_ = 1 then 1 else 0 end) as failed"
              + " from act_hi_job_log where act_id_ = 'Task_SendReminderEmail' group by hostname_ order by hostname_");
      System.out.printf(
          "CLUSTER %s (%s): expected=%d observed=%d distinct=%d duplicates=%d lost=%d sentRows=%d casesWithTwoRows=%d"
              + " jobsCompletedTwice=%d incidents=%d inFlightAtStop=%d clockJumps=%d time=%d ms (%.1f emails/s)%n",
          database, title, f.expected, f.observed, f.distinct, f.duplicates, f.lost, f.rows, f.rowDuplicates,
          f.jobsRunByBothNodes, f.incidents, inFlightAtStop, clockJumps, took.toMillis(), f.observed * 1000.0 / Math.max(1, took.toMillis()));
      for (Map<String, Object> node : share) {
        System.out.printf("CLUSTER %s (%s): send jobs on %s: %s completed, %s failed attempts%n",
            database, title, node.get("hostname_"), node.get("succeeded"), node.get("failed"));
      }
      return f;
    }
  }

  static void moveClockTo(Date when) {
    ClockUtil.offset(when.getTime() - System.currentTimeMillis());
  }

  static String caseJson(String debtorId, String email, String invoiceNumber) {
    return """
        {"debtor": {"externalId": "%s", "type": "BUSINESS", "name": "Boulangerie Martin SARL", "siren": "552100554",
                    "email": "%s",
                    "address": {"line1": "3 rue des Lilas", "postalCode": "69003", "city": "Lyon", "country": "FR"}},
         "invoices": [{"number": "%s", "issueDate": "2026-02-02", "dueDate": "2026-03-04", "amount": 1850.00}]}
        """
        .formatted(debtorId, email, invoiceNumber);
  }

  static final class Figures {
    int expected;
    int observed;
    int distinct;
    int duplicates;
    int lost;
    int rows;
    int rowDuplicates;
    int incidents;
    int jobsRunByBothNodes;
  }
}

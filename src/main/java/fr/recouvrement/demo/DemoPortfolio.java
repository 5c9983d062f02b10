package fr.recouvrement.demo;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseStatus;
import fr.recouvrement.cases.OpenCaseRequest;
import fr.recouvrement.cases.PaymentRequest;
import fr.recouvrement.dispute.DisputeRequest;
import fr.recouvrement.dispute.DisputeService;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.insolvency.InsolvencyRequest;
import fr.recouvrement.legal.insolvency.InsolvencyService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A demo portfolio: about 200 debtors across the segments and the phases of collection, each with a
 * history the engine really wrote, its clock moved back to the day the case was opened and then
 * forward through its timers (reminders, deadlines), so that the dashboard, Tasklist, Cockpit and
 * the pages look like a Monday morning of a collection team. Created once (a marker in the engine's
 * properties), only into a database that holds no real case, and only for debtors whose id starts
 * with {@value #PREFIX}; {@link #remove()} takes all of it away again (docs/operations.md).
 *
 * <p>The engine's clock is one for the whole JVM: while the portfolio is written the job executor
 * is stopped, and the clock is restored at the end whatever happens.
 */
@Service
public class DemoPortfolio {
  /**
   * Every demo debtor's external id starts with this; nothing else is touched by {@link #remove()}.
   */
  public static final String PREFIX = "DEMO-P-";

  /** Engine property (ACT_GE_PROPERTY): when the portfolio was created, or that it was removed. */
  static final String MARKER = "recouvrement.demo.portfolio";

  static final String ACTOR = "demo";
  static final int SIZE = 200;
  private static final Logger log = LoggerFactory.getLogger(DemoPortfolio.class);

  /** Where a demo case stands today, and how many of the 200 do. */
  enum Phase {
    AMICABLE(48, 2, 40),
    PARTLY_PAID(12, 20, 50),
    PAYMENT_PLAN(16, 25, 60),
    DISPUTED(14, 12, 50),
    MEDIATION(8, 30, 70),
    FORMAL_NOTICE(20, 45, 80),
    ORDER_TO_PAY(12, 90, 150),
    ENFORCEMENT(8, 150, 240),
    INSOLVENCY(8, 40, 150),
    PAID(42, 10, 120),
    WRITTEN_OFF(12, 180, 320);

    final int count;
    final int minAgeDays;
    final int maxAgeDays;

    Phase(int count, int minAgeDays, int maxAgeDays) {
      this.count = count;
      this.minAgeDays = minAgeDays;
      this.maxAgeDays = maxAgeDays;
    }
  }

  /**
   * The call activities of {@code collection-case} a phase starts at (their start listeners set the
   * status).
   */
  private static final Map<Phase, String> PHASE_ACTIVITY =
      Map.of(
          Phase.PAYMENT_PLAN, "CallActivity_PaymentPlan",
          Phase.MEDIATION, "CallActivity_Mediation",
          Phase.FORMAL_NOTICE, "CallActivity_FormalNotice",
          Phase.ORDER_TO_PAY, "CallActivity_OrderToPay",
          Phase.ENFORCEMENT, "CallActivity_Enforcement");

  /** What was created: cases by status, and how long it took. */
  public record Created(int cases, Map<CaseStatus, Long> byStatus, Duration took) {}

  /** What was removed. */
  public record Removed(int cases, int debtors) {}

  /** Refused: the database holds real cases, or the portfolio was already created (or removed). */
  public static final class NotCreated extends RuntimeException {
    NotCreated(String message) {
      super(message);
    }
  }

  private final CaseService cases;
  private final DisputeService disputes;
  private final InsolvencyService insolvencies;
  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  DemoPortfolio(
      CaseService cases,
      DisputeService disputes,
      InsolvencyService insolvencies,
      ProcessEngine engine,
      JdbcTemplate jdbc) {
    this.cases = cases;
    this.disputes = disputes;
    this.insolvencies = insolvencies;
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /** The marker's value: when it was created or removed; null when never. */
  public String marker() {
    return engine.getManagementService().getProperties().get(MARKER);
  }

  /**
   * Creates the portfolio once, at start ({@code recouvrement.demo.portfolio=true}): not when the
   * marker says it was created or removed before, not beside real cases.
   */
  public Created createOnce() {
    if (marker() != null) {
      throw new NotCreated("the demo portfolio was already " + marker());
    }
    Long real =
        jdbc.queryForObject(
            "select count(*) from collection_case c join debtor d on d.id = c.debtor_id where d.external_id not like 'DEMO-%'",
            Long.class);
    if (real != null && real > 0) {
      throw new NotCreated(real + " real cases exist: demo debtors are never mixed with real ones");
    }
    return create(SIZE);
  }

  /**
   * Writes {@code size} demo cases whatever the database holds (tests; {@link #createOnce()} guards
   * the rest).
   */
  Created create(int size) {
    long started = System.nanoTime();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    JobExecutor jobExecutor = configuration.getJobExecutor();
    boolean executorWasActive = jobExecutor != null && jobExecutor.isActive();
    if (executorWasActive) {
      jobExecutor.shutdown();
    }
    Instant now = Instant.now();
    int created = 0;
    try {
      Random random = new Random(20260302L);
      List<Phase> plan = plan(size);
      for (int i = 0; i < plan.size(); i++) {
        try {
          write(i + 1, plan.get(i), random, now);
          created++;
        } catch (RuntimeException e) {
          log.warn("Demo case {} ({}) not completed: {}", i + 1, plan.get(i), e.toString());
        } finally {
          ClockUtil.reset();
        }
      }
      engine.getManagementService().setProperty(MARKER, "created " + now);
    } finally {
      ClockUtil.reset();
      if (executorWasActive) {
        jobExecutor.start();
      }
    }
    Map<CaseStatus, Long> byStatus = new EnumMap<>(CaseStatus.class);
    jdbc.query(
        "select c.status, count(*) from collection_case c join debtor d on d.id = c.debtor_id where d.external_id like ? group by c.status",
        rs -> {
          byStatus.put(CaseStatus.valueOf(rs.getString(1)), rs.getLong(2));
        },
        PREFIX + "%");
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    log.info(
        "Demo portfolio: {} cases written in {} s, by status {}",
        created,
        took.toSeconds(),
        byStatus);
    return new Created(created, byStatus, took);
  }

  /**
   * The phases of {@code size} cases: for 200, exactly the counts of {@link Phase}; any shorter
   * portfolio (a test's) keeps the proportions, each phase spread evenly along the list.
   */
  static List<Phase> plan(int size) {
    record Slot(Phase phase, double at) {}
    List<Slot> slots = new ArrayList<>();
    for (Phase p : Phase.values()) {
      for (int k = 0; k < p.count; k++) {
        slots.add(new Slot(p, (k + 0.5) / p.count));
      }
    }
    slots.sort(
        java.util.Comparator.comparingDouble(Slot::at).thenComparing(s -> s.phase().ordinal()));
    List<Phase> plan = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      plan.add(slots.get(i % slots.size()).phase());
    }
    return plan;
  }

  private void write(int n, Phase phase, Random random, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, CaseClock.PARIS);
    boolean business = phase == Phase.INSOLVENCY || random.nextInt(100) < 65;
    int age = phase.minAgeDays + random.nextInt(phase.maxAgeDays - phase.minAgeDays + 1);
    LocalDate due = today.minusDays(age);
    BigDecimal amount = amount(random, business);
    // the ERP sends its overdue invoices a few days after they fell due, on a working morning
    Instant opened = morning(due.plusDays(1 + random.nextInt(4)), random);
    if (!opened.isBefore(now)) {
      opened = now.minus(Duration.ofHours(2));
    }
    at(opened);
    String reference = cases.open(request(n, business, random, due, amount), ACTOR).reference();
    runUntil(reference, opened);

    // the day the case entered its phase: somewhere between its opening and a few days ago
    Instant entered =
        opened.plus(
            Duration.ofDays(Math.max(1, (long) (age * (0.45 + random.nextDouble() * 0.4)))));
    if (entered.isAfter(now.minus(Duration.ofHours(3)))) {
      entered = now.minus(Duration.ofHours(3));
    }
    runUntil(reference, entered);
    at(entered);
    LocalDate enteredOn = LocalDate.ofInstant(entered, CaseClock.PARIS);
    switch (phase) {
      case AMICABLE -> {}
      case PARTLY_PAID ->
          pay(
              reference,
              cases
                  .balance(reference)
                  .multiply(new BigDecimal("0.4"))
                  .setScale(2, RoundingMode.HALF_UP),
              enteredOn,
              n);
      case PAID -> pay(reference, cases.balance(reference), enteredOn, n);
      case DISPUTED ->
          disputes.raise(
              reference,
              new DisputeRequest(
                  random.nextBoolean() ? "COMMERCIAL" : "ADMINISTRATIVE",
                  List.of(invoiceNumber(n)),
                  random.nextBoolean()
                      ? "Livraison incomplète, avoir attendu"
                      : "Facture adressée à la mauvaise entité"),
              ACTOR);
      case INSOLVENCY -> {
        String procedure =
            List.of("SAUVEGARDE", "REDRESSEMENT", "LIQUIDATION").get(random.nextInt(3));
        LocalDate publication = enteredOn.minusDays(1);
        insolvencies.open(
            reference,
            new InsolvencyRequest(procedure, publication.minusDays(9), publication, false),
            ACTOR);
      }
      case WRITTEN_OFF -> writeOff(reference);
      default -> moveTo(reference, PHASE_ACTIVITY.get(phase));
    }
    runUntil(reference, now);
  }

  private void pay(String reference, BigDecimal amount, LocalDate on, int n) {
    if (amount.signum() > 0) {
      cases.recordPayment(reference, new PaymentRequest(amount, on, "DEMO-VIR-" + n), ACTOR, true);
    }
  }

  /**
   * Starts the phase's call activity in the case process, in place of what it was doing (as
   * Cockpit's « Modify » would).
   */
  private void moveTo(String reference, String activityId) {
    RuntimeService runtime = engine.getRuntimeService();
    ProcessInstance root = caseProcess(reference);
    if (root == null) {
      return;
    }
    var modification = runtime.createProcessInstanceModification(root.getId());
    ActivityInstance tree = runtime.getActivityInstance(root.getId());
    for (ActivityInstance child : tree.getChildActivityInstances()) {
      modification.cancelActivityInstance(child.getId());
    }
    modification.startBeforeActivity(activityId).execute();
  }

  /** An old debt the supervisor gave up on: the case closes WRITTEN_OFF and its process ends. */
  private void writeOff(String reference) {
    ProcessInstance root = caseProcess(reference);
    cases.closeAsWrittenOff(reference, "Créance irrécouvrable : débiteur introuvable (démo)");
    if (root != null) {
      engine
          .getRuntimeService()
          .deleteProcessInstance(root.getId(), "Passage en perte validé (démo)", true, true);
    }
  }

  private ProcessInstance caseProcess(String reference) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(reference)
        .processDefinitionKey(CaseService.PROCESS_KEY)
        .singleResult();
  }

  /**
   * Runs the case's jobs as the job executor would have, moving the clock from timer to timer until
   * {@code until}.
   */
  private void runUntil(String reference, Instant until) {
    ManagementService management = engine.getManagementService();
    ProcessInstance root = caseProcess(reference);
    if (root == null) {
      return;
    }
    for (int step = 0; step < 200; step++) {
      // the case process and every process it called: one query, on the jobs' root instance
      List<Job> jobs =
          management
              .createJobQuery()
              .rootProcessInstanceId(root.getId())
              .active()
              .withRetriesLeft()
              .list();
      if (jobs.isEmpty() && caseProcess(reference) == null) {
        return;
      }
      Date clock = ClockUtil.getCurrentTime();
      Job due =
          jobs.stream()
              .filter(j -> j.getDuedate() == null || !j.getDuedate().after(clock))
              .findFirst()
              .orElse(null);
      if (due != null) {
        try {
          management.executeJob(due.getId());
        } catch (RuntimeException e) {
          // the engine counted the failure (retries, then an incident, as in production); the demo
          // goes on
          log.debug("Demo job {} of {} failed: {}", due.getId(), reference, e.toString());
        }
        continue;
      }
      Date next =
          jobs.stream()
              .map(Job::getDuedate)
              .filter(d -> d != null)
              .min(Date::compareTo)
              .orElse(null);
      if (next == null || next.toInstant().isAfter(until)) {
        at(until.isAfter(clock.toInstant()) ? until : clock.toInstant());
        return;
      }
      at(next.toInstant());
    }
  }

  private static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  private static Instant morning(LocalDate day, Random random) {
    LocalDate working =
        switch (day.getDayOfWeek()) {
          case SATURDAY -> day.plusDays(2);
          case SUNDAY -> day.plusDays(1);
          default -> day;
        };
    return working
        .atTime(LocalTime.of(8, 30).plusMinutes(random.nextInt(150)))
        .atZone(CaseClock.PARIS)
        .toInstant();
  }

  private static BigDecimal amount(Random random, boolean business) {
    // consumers owe tens to a few hundred euros, businesses up to tens of thousands, most a few
    // thousand
    double euros =
        business
            ? Math.exp(5.5 + random.nextDouble() * 4.6)
            : 40 + random.nextDouble() * (random.nextInt(5) == 0 ? 2400 : 600);
    return BigDecimal.valueOf(euros).setScale(2, RoundingMode.HALF_UP);
  }

  static String debtorId(int n) {
    return PREFIX + String.format("%04d", n);
  }

  static String invoiceNumber(int n) {
    return "DEMO-FA-" + String.format("%05d", 1000 + n);
  }

  private static final String[] COMPANIES = {
    "Boulangerie", "Garage", "Menuiserie", "Pharmacie", "Imprimerie", "Transports", "Fromagerie",
        "Plomberie", "Librairie",
    "Brasserie", "Électricité", "Paysages", "Serrurerie", "Optique", "Traiteur", "Charpente",
        "Cave", "Ambulances"
  };
  private static final String[] FAMILY = {
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
        "Moreau", "Simon", "Laurent",
    "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
        "Girard", "André", "Mercier",
    "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure",
        "Rousseau", "Blanc", "Guérin", "Muller"
  };
  private static final String[] GIVEN = {
    "Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Julie", "Hugo", "Lucas", "Nathan",
    "Louis", "Thomas", "Antoine", "Paul", "Émilie", "Claire", "Nicolas", "Julien", "Sophie", "Marc"
  };
  private static final String[][] CITIES = {
    {"69003", "Lyon"},
    {"75011", "Paris"},
    {"13006", "Marseille"},
    {"31000", "Toulouse"},
    {"33000", "Bordeaux"},
    {"59000", "Lille"},
    {"44000", "Nantes"},
    {"67000", "Strasbourg"},
    {"35000", "Rennes"},
    {"34000", "Montpellier"},
    {"21000", "Dijon"},
    {"37000", "Tours"},
    {"63000", "Clermont-Ferrand"},
    {"76000", "Rouen"},
    {"38000", "Grenoble"}
  };
  private static final String[] FORMS = {"SARL", "SAS", "EURL", "SA"};

  private static OpenCaseRequest request(
      int n, boolean business, Random random, LocalDate due, BigDecimal amount) {
    String family = FAMILY[random.nextInt(FAMILY.length)];
    String[] city = CITIES[random.nextInt(CITIES.length)];
    String name =
        business
            ? COMPANIES[random.nextInt(COMPANIES.length)]
                + " "
                + family
                + " "
                + FORMS[random.nextInt(FORMS.length)]
            : GIVEN[random.nextInt(GIVEN.length)] + " " + family;
    String slug =
        java.text.Normalizer.normalize(family, java.text.Normalizer.Form.NFD)
            .replaceAll("[^A-Za-z]", "")
            .toLowerCase();
    String email =
        (business ? "compta@" + slug + "-" + n : slug + "." + n + "@courriel") + ".example";
    String phone = "+336" + String.format("%08d", 10_000_000 + random.nextInt(89_999_999));
    OpenCaseRequest.Debtor debtor =
        new OpenCaseRequest.Debtor(
            debtorId(n),
            business ? "BUSINESS" : "CONSUMER",
            name,
            business ? siren(random) : null,
            email,
            random.nextInt(10) < 8 ? phone : null,
            new OpenCaseRequest.Address(
                (1 + random.nextInt(120))
                    + " rue "
                    + List.of(
                            "de la République",
                            "Victor Hugo",
                            "des Lilas",
                            "du Moulin",
                            "Pasteur",
                            "de la Gare")
                        .get(random.nextInt(6)),
                city[0],
                city[1],
                "FR"));
    return new OpenCaseRequest(
        debtor,
        List.of(new OpenCaseRequest.Invoice(invoiceNumber(n), due.minusDays(30), due, amount)));
  }

  /**
   * Nine digits with a valid Luhn key, starting with 9 so as not to be a real company's by
   * chance... mostly.
   */
  static String siren(Random random) {
    int[] d = new int[9];
    d[0] = 9;
    for (int i = 1; i < 8; i++) {
      d[i] = random.nextInt(10);
    }
    for (int key = 0; key < 10; key++) {
      d[8] = key;
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        int v = (i % 2 == 1) ? d[i] * 2 : d[i];
        sum += v > 9 ? v - 9 : v;
      }
      if (sum % 10 == 0) {
        break;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int v : d) {
      sb.append(v);
    }
    return sb.toString();
  }

  /**
   * Removes every demo case, its debtor and everything recorded about them, in the engine (running
   * processes, tasks, history) and in our tables (whatever references them, found from the
   * database's foreign keys). Real cases are never touched: only debtors whose id starts with
   * {@value #PREFIX}. The marker then says « removed », so that a restart does not create it again.
   */
  public Removed remove() {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select c.id, c.reference from collection_case c join debtor d on d.id = c.debtor_id where d.external_id like ?",
            PREFIX + "%");
    RuntimeService runtime = engine.getRuntimeService();
    HistoryService history = engine.getHistoryService();
    List<Object> caseIds = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      caseIds.add(row.get("id"));
      String reference = (String) row.get("reference");
      List<String> running =
          runtime
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(reference)
              .processDefinitionKey(CaseService.PROCESS_KEY)
              .list()
              .stream()
              .map(ProcessInstance::getId)
              .toList();
      if (!running.isEmpty()) {
        runtime.deleteProcessInstances(
            running, "Portefeuille de démonstration supprimé", true, true);
      }
      List<String> past =
          history
              .createHistoricProcessInstanceQuery()
              .processInstanceBusinessKey(reference)
              .list()
              .stream()
              .map(h -> h.getId())
              .toList();
      if (!past.isEmpty()) {
        history.deleteHistoricProcessInstancesIfExists(past);
      }
    }
    List<Object> debtorIds =
        jdbc.queryForList(
            "select id from debtor where external_id like ?", Object.class, PREFIX + "%");
    ForeignKeys keys = new ForeignKeys(jdbc);
    keys.delete("collection_case", "id", caseIds);
    keys.delete("debtor", "id", debtorIds);
    engine.getManagementService().setProperty(MARKER, "removed " + Instant.now());
    log.info("Demo portfolio removed: {} cases, {} debtors", caseIds.size(), debtorIds.size());
    return new Removed(caseIds.size(), debtorIds.size());
  }
}

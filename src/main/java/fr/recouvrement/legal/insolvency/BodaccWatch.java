package fr.recouvrement.legal.insolvency;

import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The insolvency watch: asks the BODACC about the SIRENs of the open BUSINESS cases not yet under a
 * procédure collective, a small batch at a time with a pause between batches, and proposes each
 * opening judgment not yet known to a supervisor (process {@value #PROCESS_KEY}, task « Confirmer
 * une procédure collective »). The announcement is kept and the process started in one transaction,
 * under the announcement's unique id: two runs (two nodes) propose it once.
 *
 * <p>A batch the BODACC does not answer (after the client's retries) is left for the next run; the
 * run goes on with the other batches and never fails as a whole.
 */
class BodaccWatch {
  static final String PROCESS_KEY = "insolvency-confirmation";
  private static final Logger log = LoggerFactory.getLogger(BodaccWatch.class);

  private final BodaccWatchSettings settings;
  private final BodaccClient client;
  private final BodaccAnnouncements announcements;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final RuntimeService runtime;
  private final InsolvencyService insolvencies;
  private final BodaccClient.Sleeper sleeper;
  private final AtomicBoolean running = new AtomicBoolean();

  BodaccWatch(
      BodaccWatchSettings settings,
      BodaccClient client,
      BodaccAnnouncements announcements,
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      RuntimeService runtime,
      InsolvencyService insolvencies,
      BodaccClient.Sleeper sleeper) {
    this.settings = settings;
    this.client = client;
    this.announcements = announcements;
    this.jdbc = jdbc;
    this.tx = tx;
    this.runtime = runtime;
    this.insolvencies = insolvencies;
    this.sleeper = sleeper;
  }

  /**
   * What a run did: SIRENs asked about, batches asked and failed (left for the next run), judgments
   * proposed, already known, and those whose proposal failed (left for the next run).
   */
  record Report(
      int sirens,
      int batches,
      int failedBatches,
      int proposed,
      int alreadyKnown,
      int failedProposals) {}

  /** One run; a run already going on this node makes this one do nothing. */
  Report run() {
    if (!running.compareAndSet(false, true)) {
      log.info("Insolvency watch already running: this run is skipped");
      return new Report(0, 0, 0, 0, 0, 0);
    }
    try {
      return watch();
    } finally {
      running.set(false);
    }
  }

  private Report watch() {
    Map<String, List<String>> casesBySiren = openBusinessCases();
    List<String> sirens = new ArrayList<>(casesBySiren.keySet());
    LocalDate since = CaseClock.today().minus(settings.lookback());
    int batches = 0;
    int failed = 0;
    int proposed = 0;
    int known = 0;
    int failedProposals = 0;
    for (int from = 0; from < sirens.size(); from += settings.batch()) {
      if (from > 0) {
        pause();
      }
      List<String> batch = sirens.subList(from, Math.min(sirens.size(), from + settings.batch()));
      batches++;
      List<BodaccAnnouncement> found;
      try {
        found = client.openingJudgments(batch, since);
      } catch (BodaccClient.BodaccUnavailableException e) {
        failed++;
        log.warn(
            "Insolvency watch: batch of {} SIRENs not read this time, asked again on the next run: {}",
            batch.size(),
            e.getMessage());
        continue;
      }
      for (BodaccAnnouncement a : found) {
        try {
          if (announcements.known(a.id())) {
            known++;
          } else if (propose(a, casesBySiren.get(a.siren()))) {
            proposed++;
          } else {
            known++;
          }
        } catch (RuntimeException e) {
          // rolled back whole (nothing kept, no task): the next run proposes it again
          failedProposals++;
          log.error(
              "Insolvency watch: BODACC announcement {} about {} could not be proposed; tried again on the next run",
              a.id(),
              a.siren(),
              e);
        }
      }
    }
    Report report = new Report(sirens.size(), batches, failed, proposed, known, failedProposals);
    log.info("Insolvency watch done: {}", report);
    return report;
  }

  /**
   * Keeps the announcement and starts the supervisor's confirmation, together; false when another
   * run kept it first.
   */
  private boolean propose(BodaccAnnouncement a, List<String> caseReferences) {
    Boolean done =
        tx.execute(
            status -> {
              if (!announcements.keep(a, caseReferences)) {
                return false;
              }
              Map<String, Object> variables = new LinkedHashMap<>();
              variables.put("announcementId", a.id());
              variables.put("siren", a.siren());
              variables.put("companyName", a.companyName() == null ? "" : a.companyName());
              variables.put("caseReference", caseReferences.get(0));
              variables.put("caseReferences", String.join(", ", caseReferences));
              variables.put("insolvencyProcedure", a.procedure().name());
              variables.put("judgmentNature", a.nature());
              variables.put("tribunal", a.tribunal() == null ? "" : a.tribunal());
              variables.put("judgmentDate", a.judgmentDate().toString());
              variables.put("publicationDate", a.publicationDate().toString());
              // what the confirmation will set, shown so that the supervisor sees the urgency
              variables.put(
                  "claimDeadline",
                  insolvencies.claimDeadline(a.publicationDate(), false).toString());
              variables.put(
                  "announcementUrl",
                  "https://www.bodacc.fr/pages/annonces-commerciales-detail/?q.id=id:" + a.id());
              ProcessInstance instance =
                  runtime.startProcessInstanceByKey(PROCESS_KEY, caseReferences.get(0), variables);
              announcements.proposedIn(a.id(), instance.getId());
              return true;
            });
    if (Boolean.TRUE.equals(done)) {
      log.info(
          "Insolvency watch: {} of {} (SIREN {}) published {} proposed for case(s) {}",
          a.procedure(),
          a.companyName(),
          a.siren(),
          a.publicationDate(),
          caseReferences);
    }
    return Boolean.TRUE.equals(done);
  }

  /** The open BUSINESS cases with a SIREN and no procédure collective recorded, by SIREN. */
  private Map<String, List<String>> openBusinessCases() {
    Map<String, List<String>> bySiren = new LinkedHashMap<>();
    jdbc.query(
        "select d.siren, c.reference from collection_case c join debtor d on d.id = c.debtor_id"
            + " left join insolvency i on i.case_id = c.id"
            + " where c.closed_at is null and d.type = 'BUSINESS' and d.siren is not null and i.id is null"
            + " order by d.siren, c.reference",
        rs -> {
          bySiren.computeIfAbsent(rs.getString(1), s -> new ArrayList<>()).add(rs.getString(2));
        });
    return bySiren;
  }

  private void pause() {
    try {
      sleeper.sleep(settings.pause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Insolvency watch interrupted", e);
    }
  }
}

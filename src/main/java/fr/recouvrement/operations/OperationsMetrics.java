package fr.recouvrement.operations;

import fr.recouvrement.cases.CaseStatus;
import fr.recouvrement.kernel.time.CaseClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The gauges an operator alerts on, read from the database: open cases by status, jobs due and
 * waiting (and how long the oldest has waited), open incidents. Three grouped queries refresh them
 * together, at most once per {@code recouvrement.metrics.refresh} (30 s by default), on the thread
 * of whoever reads a gauge (the Prometheus scrape): never in the engine's jobs, never once per
 * gauge.
 */
@Component
class OperationsMetrics implements MeterBinder {
  static final String CASES = "recouvrement.cases";
  static final String JOBS_DUE = "recouvrement.jobs.due";
  static final String JOBS_DUE_OLDEST = "recouvrement.jobs.due.oldest.age";
  static final String INCIDENTS = "recouvrement.incidents.open";
  private static final Logger log = LoggerFactory.getLogger(OperationsMetrics.class);

  /**
   * What the three queries saw, and when (wall-clock time: the engine's clock moves in tests and
   * drills).
   */
  record Snapshot(
      Instant takenAt,
      Map<CaseStatus, Long> cases,
      long dueJobs,
      double oldestDueSeconds,
      long incidents) {}

  private final JdbcTemplate jdbc;
  private final Duration refresh;
  private final Clock wallClock = Clock.systemUTC();
  private volatile Snapshot snapshot;

  OperationsMetrics(
      JdbcTemplate jdbc, @Value("${recouvrement.metrics.refresh:PT30S}") Duration refresh) {
    this.jdbc = jdbc;
    this.refresh = refresh;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (CaseStatus status : CaseStatus.values()) {
      gauge(
          registry,
          CASES,
          s -> s.cases().getOrDefault(status, 0L),
          "Cases by status (closed ones included)",
          "status",
          status.name());
    }
    gauge(
        registry,
        JOBS_DUE,
        Snapshot::dueJobs,
        "Jobs due now and not yet executed (retries left, not suspended)");
    Gauge.builder(JOBS_DUE_OLDEST, this, m -> m.current().oldestDueSeconds())
        .description("How long the oldest due job has waited past its due date")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
    gauge(
        registry,
        INCIDENTS,
        Snapshot::incidents,
        "Open incidents (jobs out of retries and other failures), as Cockpit shows them");
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      ToDoubleFunction<Snapshot> value,
      String description,
      String... tags) {
    Gauge.builder(name, this, m -> value.applyAsDouble(m.current()))
        .description(description)
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }

  /**
   * The last snapshot while it is fresh, else a new one; a failed read keeps the last one (the
   * database alerts on its own).
   */
  Snapshot current() {
    Snapshot s = snapshot;
    Instant now = wallClock.instant();
    if (s != null && s.takenAt().plus(refresh).isAfter(now)) {
      return s;
    }
    synchronized (this) {
      s = snapshot;
      if (s != null && s.takenAt().plus(refresh).isAfter(now)) {
        return s;
      }
      try {
        snapshot = read(now);
      } catch (RuntimeException e) {
        log.warn("Operations metrics not refreshed: {}", e.toString());
        if (snapshot == null) {
          snapshot = new Snapshot(now, Map.of(), 0, 0, 0);
        }
      }
      return snapshot;
    }
  }

  /** Drops the snapshot, so that the next read queries again (a test that needs a figure now). */
  void refreshNow() {
    snapshot = null;
  }

  private Snapshot read(Instant now) {
    Map<CaseStatus, Long> cases = new EnumMap<>(CaseStatus.class);
    // ix_case_status (status, segment): an index-only count
    jdbc.query(
        "select status, count(*) from collection_case group by status",
        rs -> {
          try {
            cases.put(CaseStatus.valueOf(rs.getString(1)), rs.getLong(2));
          } catch (IllegalArgumentException unknown) {
            // a status a newer version wrote: not ours to show
          }
        });
    Instant engineNow = CaseClock.now();
    long[] due = new long[1];
    double[] oldest = new double[1];
    // what the job executor would acquire now; ACT_RU_JOB holds only runtime jobs
    jdbc.query(
        "select count(*), min(coalesce(DUEDATE_, CREATE_TIME_)) from ACT_RU_JOB"
            + " where RETRIES_ > 0 and SUSPENSION_STATE_ = 1 and (DUEDATE_ is null or DUEDATE_ <= ?)",
        rs -> {
          due[0] = rs.getLong(1);
          Timestamp first = rs.getTimestamp(2);
          oldest[0] =
              first == null
                  ? 0
                  : Math.max(0, Duration.between(first.toInstant(), engineNow).toMillis() / 1000.0);
        },
        Timestamp.from(engineNow));
    Long incidents = jdbc.queryForObject("select count(*) from ACT_RU_INCIDENT", Long.class);
    return new Snapshot(
        now, Map.copyOf(cases), due[0], oldest[0], incidents == null ? 0 : incidents);
  }
}

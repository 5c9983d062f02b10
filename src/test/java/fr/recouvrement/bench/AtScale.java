package fr.recouvrement.bench;

import fr.recouvrement.ApiClient;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.JdbcTemplate;

/** The benchmark's measures of response times and memory (issue 14, P2 probe, P3, §4). */
final class AtScale {
  private AtScale() {}

  /** Response times of one request sent again and again from one client, in milliseconds. */
  static final class Probe implements AutoCloseable {
    private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    Probe(ApiClient api, List<String> paths, long pauseMillis) {
      thread =
          new Thread(
              () -> {
                int i = 0;
                while (running.get()) {
                  String path = paths.get(i++ % paths.size());
                  long start = System.nanoTime();
                  ApiClient.Response r = api.get(path);
                  if (r.status() == 200) {
                    millis.add((System.nanoTime() - start) / 1e6);
                  }
                  try {
                    Thread.sleep(pauseMillis);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "bench-probe");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(10_000);
    }

    int count() {
      return millis.size();
    }

    double percentile(double p) {
      return AtScale.percentile(new ArrayList<>(millis), p);
    }
  }

  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  /**
   * The median of {@code times} GETs of one path (after one not counted), in milliseconds; fails on
   * a non-200.
   */
  static double medianMillis(ApiClient api, String path, int times) {
    ApiClient.Response first = api.get(path);
    if (first.status() != 200) {
      throw new IllegalStateException(path + " answered " + first);
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      long start = System.nanoTime();
      api.get(path);
      ms.add((System.nanoTime() - start) / 1e6);
    }
    return percentile(ms, 50);
  }

  /**
   * Old generation (tenured) used after the last collection, in MiB; the young pools are empty
   * after one anyway.
   */
  static double heapAfterGcMiB() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
        bytes += pool.getCollectionUsage().getUsed();
      }
    }
    return bytes / (1024.0 * 1024.0);
  }

  /** Samples {@link #heapAfterGcMiB()} every half second while it runs. */
  static final class HeapSampler implements AutoCloseable {
    final List<Double> samples = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    HeapSampler() {
      thread =
          new Thread(
              () -> {
                while (running.get()) {
                  samples.add(heapAfterGcMiB());
                  try {
                    Thread.sleep(500);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "bench-heap");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(5_000);
    }

    /**
     * After-GC heap in the first and in the last quarter of the run: a flat heap has them alike.
     */
    double[] firstAndLastQuarter() {
      List<Double> s = new ArrayList<>(samples);
      if (s.size() < 4) {
        return new double[] {Double.NaN, Double.NaN};
      }
      int q = s.size() / 4;
      return new double[] {
        percentile(s.subList(0, q), 50), percentile(s.subList(s.size() - q, s.size()), 50)
      };
    }
  }

  /**
   * Writes {@code count} closed-looking cases straight into our tables by batches (a listing
   * measure, not an intake one): a debtor, a case and one invoice each, half of them AMICABLE and
   * half PAID, with the debtor names the listing searches. Answers how long it took, in seconds.
   */
  static double insertCases(JdbcTemplate jdbc, String run, int count, LongSupplier clock) {
    long start = System.nanoTime();
    Timestamp now = Timestamp.from(Instant.ofEpochMilli(clock.getAsLong()));
    int batch = 2_000;
    for (int from = 0; from < count; from += batch) {
      int to = Math.min(count, from + batch);
      List<Object[]> debtors = new ArrayList<>();
      for (int i = from; i < to; i++) {
        debtors.add(
            new Object[] {
              "L" + run + "-" + i,
              i % 3 == 0 ? "CONSUMER" : "BUSINESS",
              "Société Listée " + i,
              "l" + i + "@example.fr",
              now,
              now,
              i % 3 != 0
            });
      }
      jdbc.batchUpdate(
          "insert into debtor (external_id, type, name, email, created_at, updated_at, commercial) values (?, ?, ?, ?, ?, ?, ?)",
          debtors);
      List<Object[]> cases = new ArrayList<>();
      for (int i = from; i < to; i++) {
        boolean open = i % 2 == 0;
        cases.add(
            new Object[] {
              "LST-" + run + "-" + i,
              open ? "AMICABLE" : "PAID",
              open ? "PONCTUEL" : "RECALCITRANT",
              now,
              open ? null : now,
              "L" + run + "-" + i
            });
      }
      jdbc.batchUpdate(
          "insert into collection_case (reference, debtor_id, open_debtor_id, status, segment, opened_at, closed_at)"
              + " select ?, d.id, null, ?, ?, ?, ? from debtor d where d.external_id = ?",
          cases);
      List<Object[]> invoices = new ArrayList<>();
      for (int i = from; i < to; i++) {
        LocalDate due = LocalDate.of(2026, 1, 1).plusDays(i % 300);
        invoices.add(
            new Object[] {
              "FL-" + i,
              Date.valueOf(due.minusDays(30)),
              Date.valueOf(due),
              100 + i % 5000,
              now,
              "LST-" + run + "-" + i
            });
      }
      jdbc.batchUpdate(
          "insert into invoice (case_id, debtor_id, number, issue_date, due_date, amount, created_at)"
              + " select c.id, c.debtor_id, ?, ?, ?, ?, ? from collection_case c where c.reference = ?",
          invoices);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Gives one case {@code count} payments (each one a timeline event), by SQL. */
  static void insertPayments(JdbcTemplate jdbc, String reference, int count, LongSupplier clock) {
    List<Object[]> payments = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      payments.add(
          new Object[] {
            "TL-" + i,
            "1.00",
            Date.valueOf(LocalDate.of(2026, 1, 2)),
            Timestamp.from(Instant.ofEpochMilli(clock.getAsLong() + i)),
            "bench",
            reference
          });
    }
    jdbc.batchUpdate(
        "insert into payment (case_id, reference, amount, paid_on, recorded_at, recorded_by) select c.id, ?, cast(? as numeric(14, 2)), ?, ?, ? from collection_case c where c.reference = ?",
        payments);
  }
}

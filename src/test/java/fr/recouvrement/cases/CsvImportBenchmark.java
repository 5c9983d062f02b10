package fr.recouvrement.cases;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Prints how long a 10,000-line import takes and how much heap it needed; not a pass/fail timing.
 * Run it with {@code mvn verify -Pbenchmark} (the default build does not run *Benchmark classes).
 * The CSV is generated while it is sent, so neither side ever holds the whole file.
 */
@IntegrationTest
class CsvImportBenchmark {
  static final int LINES = Integer.getInteger("benchmark.lines", 10_000);

  /**
   * Rounds of one more import each way, chunks written by the request thread then by the shipped
   * writers (the other way round every second round), each of LINES new lines: {@code
   * -Dbenchmark.writers-rounds=R}, none by default.
   */
  static final int WRITERS_ROUNDS = Integer.getInteger("benchmark.writers-rounds", 0);

  @LocalServerPort int port;
  @org.springframework.beans.factory.annotation.Autowired CsvCaseImport csvImport;

  @Test
  void importTenThousandLinesTwice() {
    ApiClient api = new ApiClient(port, "admin", "admin-test");
    String run = Long.toString(System.nanoTime() % 1_000_000, 36);
    Supplier<InputStream> csv = () -> new GeneratedCsv(run, LINES);

    for (String pass : new String[] {"first import", "re-import"}) {
      resetPeak();
      long start = System.nanoTime();
      ApiClient.Response r =
          api.post("/api/cases/import", "text/csv", HttpRequest.BodyPublishers.ofInputStream(csv));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      JsonNode result = r.json();
      System.out.printf(
          "BENCHMARK %s: %d lines in %d ms (%.0f lines/s); casesOpened=%d invoicesAdded=%d rejected=%d; peak heap %d MiB"
              + " (to the answer: the new cases' continuations wait for the job executor, off in"
              + " the shared test context; EngineRatios times them too)%n",
          pass,
          LINES,
          took.toMillis(),
          LINES * 1000.0 / Math.max(1, took.toMillis()),
          result.get("casesOpened").asInt(),
          result.get("invoicesAdded").asInt(),
          result.get("rejected").size(),
          peakHeapMiB());
    }

    long[] millis = new long[2];
    int[] writers = {0, CsvCaseImport.WRITERS};
    for (int round = 0; round < WRITERS_ROUNDS; round++) {
      for (int k = 0; k < 2; k++) {
        int side = round % 2 == 0 ? k : 1 - k;
        String fresh = run + "w" + round + side;
        CsvWriters.set(csvImport, writers[side]);
        try {
          long start = System.nanoTime();
          ApiClient.Response r =
              api.post(
                  "/api/cases/import",
                  "text/csv",
                  HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedCsv(fresh, LINES)));
          long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
          millis[side] += took;
          System.out.printf(
              "BENCHMARK round %d, %d writers: %d lines in %d ms; casesOpened=%d%n",
              round, writers[side], LINES, took, r.json().get("casesOpened").asInt());
        } finally {
          CsvWriters.set(csvImport, CsvCaseImport.WRITERS);
        }
      }
    }
    if (WRITERS_ROUNDS > 0) {
      System.out.printf(
          "BENCHMARK %d writers vs the request thread writing each chunk: %d vs %d ms, %.2fx%n",
          writers[1], millis[1], millis[0], (double) millis[0] / millis[1]);
    }
  }

  private static void resetPeak() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeapMiB() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed())
            .sum()
        / (1024 * 1024);
  }

  /** 10,000 invoices of 2,500 debtors (4 each), written on demand. */
  static final class GeneratedCsv extends InputStream {
    private final String run;
    private final int lines;
    private int line = -1;
    private byte[] current = new byte[0];
    private int pos;

    GeneratedCsv(String run, int lines) {
      this.run = run;
      this.lines = lines;
    }

    @Override
    public int read() {
      if (pos == current.length && !advance()) {
        return -1;
      }
      return current[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos == current.length && !advance()) {
        return -1;
      }
      int n = Math.min(len, current.length - pos);
      System.arraycopy(current, pos, b, off, n);
      pos += n;
      return n;
    }

    private boolean advance() {
      line++;
      if (line > lines) {
        return false;
      }
      String text;
      if (line == 0) {
        text = String.join(",", CsvCaseImport.HEADER) + "\n";
      } else {
        int debtor = (line - 1) / 4;
        LocalDate due = LocalDate.of(2026, 1, 1).plusDays(line % 300);
        text =
            "B%s-%d,%s,Débiteur %d,,debiteur%d@example.fr,,%d rue de la Paix,75002,Paris,F-%d,%s,%s,%d.%02d\n"
                .formatted(
                    run,
                    debtor,
                    debtor % 3 == 0 ? "CONSUMER" : "BUSINESS",
                    debtor,
                    debtor,
                    debtor % 90 + 1,
                    line,
                    due.minusDays(30),
                    due,
                    50 + line % 4000,
                    line % 100);
      }
      current = text.getBytes(StandardCharsets.UTF_8);
      pos = 0;
      return true;
    }
  }
}

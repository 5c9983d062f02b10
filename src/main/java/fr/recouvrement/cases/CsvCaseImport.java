package fr.recouvrement.cases;

import fr.recouvrement.cases.InvalidRequestException.FieldProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/cases/import}: streams a CSV of invoices, one line per invoice. Valid lines are
 * written in chunks (one transaction each); a chunk that fails is replayed line by line so that one
 * bad line never takes good ones down with it. Re-importing a file changes nothing, because an
 * invoice already recorded for the debtor is skipped. A new case's process starts through its «
 * Dossier importé » start ({@link CaseService#MESSAGE_CASE_IMPORTED}): a chunk writes our rows, the
 * process instances and one job each, and the job executor segments the debtors and schedules their
 * first reminders after the commit (issue 14). The answer's counts are what was stored.
 */
@Component
public class CsvCaseImport implements org.springframework.beans.factory.DisposableBean {
  static final List<String> HEADER =
      List.of(
          "debtor_id",
          "debtor_type",
          "debtor_name",
          "siren",
          "email",
          "phone",
          "address_line1",
          "postal_code",
          "city",
          "invoice_number",
          "issue_date",
          "due_date",
          "amount");
  private static final Map<String, String> COLUMN_OF_FIELD =
      Map.ofEntries(
          Map.entry("debtor.externalId", "debtor_id"),
          Map.entry("debtor.type", "debtor_type"),
          Map.entry("debtor.name", "debtor_name"),
          Map.entry("debtor.siren", "siren"),
          Map.entry("debtor.email", "email"),
          Map.entry("debtor.phone", "phone"),
          Map.entry("debtor.address.line1", "address_line1"),
          Map.entry("debtor.address.postalCode", "postal_code"),
          Map.entry("debtor.address.city", "city"),
          Map.entry("invoices[0].number", "invoice_number"),
          Map.entry("invoices[0].issueDate", "issue_date"),
          Map.entry("invoices[0].dueDate", "due_date"),
          Map.entry("invoices[0].amount", "amount"),
          Map.entry("debtor.commercial", "commercial"),
          Map.entry("invoices[0].contractualPenaltyRate", "contractual_penalty_rate"),
          Map.entry("invoices[0].vatAmount", "vat_amount"));

  /** Columns a file may add after the required ones, in any order, each at most once. */
  static final List<String> OPTIONAL =
      List.of("commercial", "contractual_penalty_rate", "vat_amount");

  static final int CHUNK = 200;

  /**
   * A chunk is cut at {@link #CHUNK} lines between two debtors; the lines of one debtor that follow
   * each other stay in one chunk up to this many lines, so that two chunks written at the same
   * moment rarely meet on a debtor. Beyond it, the chunk holding the rest of that debtor's lines
   * waits until the first committed.
   */
  static final int CHUNK_MAX = 2 * CHUNK;

  /**
   * Chunks one import writes at the same moment, each in its own transaction on a writer thread,
   * while the request thread reads and checks the next lines: on two cores the database and the
   * writing thread took turns with one writer (issue 14, CSV of 10,000 debtors).
   */
  static final int WRITERS = 2;

  private static final Logger log = LoggerFactory.getLogger(CsvCaseImport.class);

  private final CaseService cases;
  private final CaseRequestValidator validator;

  /** Lines read from imported files (rate() of it: import lines per second). */
  private final io.micrometer.core.instrument.Counter linesRead;

  /**
   * The writer threads, shared by every import of this node: {@link #WRITERS} per import in flight
   * at most, a bounded queue behind them; when it is full, the request thread writes its chunk
   * itself. Shut down with the application context, after the chunks being written.
   */
  private final java.util.concurrent.ThreadPoolExecutor writers;

  /**
   * Chunks one import hands to the writers at a time: {@link #WRITERS}; 0 writes each chunk on the
   * request thread, as before the writers (the benchmark compares both in one run).
   */
  volatile int writersPerImport = WRITERS;

  CsvCaseImport(
      CaseService cases,
      CaseRequestValidator validator,
      io.micrometer.core.instrument.MeterRegistry meters) {
    this.cases = cases;
    this.validator = validator;
    java.util.concurrent.atomic.AtomicInteger threads =
        new java.util.concurrent.atomic.AtomicInteger();
    this.writers =
        new java.util.concurrent.ThreadPoolExecutor(
            WRITERS,
            WRITERS,
            30,
            java.util.concurrent.TimeUnit.SECONDS,
            new java.util.concurrent.ArrayBlockingQueue<>(4 * WRITERS),
            r -> {
              Thread t = new Thread(r, "csv-import-writer-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.writers.allowCoreThreadTimeOut(true);
    this.linesRead =
        io.micrometer.core.instrument.Counter.builder("recouvrement.import.lines")
            .description("CSV lines read by imports")
            .register(meters);
  }

  /** The context closes: the chunks being written finish (each is one transaction), none starts. */
  @Override
  public void destroy() throws InterruptedException {
    writers.shutdown();
    if (!writers.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
      log.warn("Import writers still busy after a minute; the context closes without them");
    }
  }

  /** How many rejected lines the answer lists; the count says how many there were in all. */
  static final int MAX_REJECTED_LISTED = 1000;

  /**
   * How long a line that meets a concurrent import of the same debtor is tried again before it is
   * reported: longer than one chunk's transaction of the other import (200 cases and their
   * processes) on a busy machine: such a chunk took 95 s on a 2-core machine with a load of 40, and
   * the line waited for it all along.
   */
  static final java.time.Duration LOCK_PATIENCE = java.time.Duration.ofMinutes(5);

  public record Rejected(int line, String error) {}

  /**
   * The answer: counts, and the first {@link #MAX_REJECTED_LISTED} rejected lines ({@code
   * rejectedCount} says how many in all, {@code rejectedTruncated} whether the list stops short).
   */
  public record Result(
      int casesOpened,
      int invoicesAdded,
      List<Rejected> rejected,
      int rejectedCount,
      boolean rejectedTruncated) {
    public Result(int casesOpened, int invoicesAdded, List<Rejected> rejected) {
      this(casesOpened, invoicesAdded, rejected, rejected.size(), false);
    }
  }

  public Result importCsv(InputStream body, String actor) throws IOException {
    return importCsv(body, StandardCharsets.UTF_8, actor);
  }

  /**
   * Imports a file in that character set (UTF-8 unless the request says otherwise, e.g. {@code
   * text/csv; charset=windows-1252}). Bytes that are not text in it are never guessed at: a
   * Windows-1252 file sent as UTF-8 stops the import at the first such line with {@link
   * NotDecodableFileException}, the lines before it imported (a re-import changes nothing of them).
   */
  public Result importCsv(InputStream body, Charset charset, String actor) throws IOException {
    CsvReader reader =
        new CsvReader(
            new BufferedReader(new StrictDecodingReader(body, charset), 64 * 1024), charset.name());
    return importRows(reader, actor, new Tally());
  }

  /**
   * The file is not text in the declared character set (a Windows-1252 export sent as UTF-8, say).
   */
  public static final class NotDecodableFileException extends RuntimeException {
    public final int line;
    public final int casesOpened;
    public final int invoicesAdded;

    NotDecodableFileException(String charset, int line, int casesOpened, int invoicesAdded) {
      super(
          ("The file is not %s text from line %d on: save it as « CSV UTF-8 », or send it as text/csv; charset=windows-1252."
                  + " The lines before it were imported (%d cases opened, %d invoices added); importing the corrected file"
                  + " again adds only what is missing.")
              .formatted(charset, line, casesOpened, invoicesAdded));
      this.line = line;
      this.casesOpened = casesOpened;
      this.invoicesAdded = invoicesAdded;
    }
  }

  private Result importRows(CsvReader reader, String actor, Tally tally) throws IOException {
    CsvReader.Row header = reader.next();
    if (header == null) {
      throw new InvalidRequestException(
          List.of(
              new FieldProblem(
                  "header", "the file is empty; expected the header " + String.join(",", HEADER))));
    }
    Columns columns = Columns.of(header);
    InFlight inFlight = new InFlight(actor, tally);
    List<Line> chunk = new ArrayList<>(CHUNK);
    int lines = 0;
    try {
      for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
        lines++;
        linesRead.increment();
        Line parsed = parse(row, reader.separator(), columns);
        if (parsed.error != null) {
          tally.reject(row.line(), parsed.error);
        } else {
          if (chunk.size() >= CHUNK
              && (chunk.size() >= CHUNK_MAX || !sameDebtor(chunk.get(chunk.size() - 1), parsed))) {
            boolean debtorGoesOn = sameDebtor(chunk.get(chunk.size() - 1), parsed);
            inFlight.write(chunk);
            if (debtorGoesOn) {
              // a debtor with more lines than a chunk holds: the rest of them are written once
              // this chunk committed, so that they join its case in one go, not line by line
              inFlight.awaitAll();
            }
            chunk = new ArrayList<>(CHUNK);
          }
          chunk.add(parsed);
        }
        if (lines % 1000 == 0) {
          log.info(
              "Import: {} lines read, {} cases opened, {} invoices added, {} rejected",
              lines,
              tally.casesOpened(),
              tally.invoicesAdded(),
              tally.rejectedCount());
        }
      }
      inFlight.write(chunk);
    } catch (RuntimeException | IOException | Error stopped) {
      // the chunks handed to the writers are written (or failed) before anything is answered
      try {
        inFlight.awaitAll();
      } catch (RuntimeException | Error alsoFailed) {
        stopped.addSuppressed(alsoFailed);
      }
      throw stopped;
    }
    inFlight.awaitAll();
    if (reader.undecodableFrom() > 0) {
      // the good lines read before the bad bytes are written; what follows them was not read
      throw new NotDecodableFileException(
          reader.charsetName(),
          reader.undecodableFrom(),
          tally.casesOpened(),
          tally.invoicesAdded());
    }
    log.info(
        "Import done: {} lines, {} cases opened, {} invoices added, {} rejected",
        lines,
        tally.casesOpened(),
        tally.invoicesAdded(),
        tally.rejectedCount());
    return tally.result();
  }

  private static boolean sameDebtor(Line a, Line b) {
    return a.request()
        .debtor()
        .externalId()
        .trim()
        .equals(b.request().debtor().externalId().trim());
  }

  /**
   * One import's chunks on the writer threads: at most {@link #WRITERS} at a time (the request
   * thread waits for a free one, so an import never holds more than that many chunks in memory); a
   * chunk that failed as a whole (the database unreachable) stops the import: no chunk is handed
   * over after it, the others finish, and its error is what the import answers.
   */
  private final class InFlight {
    private final String actor;
    private final Tally tally;
    private final int slots = writersPerImport;
    private final java.util.concurrent.Semaphore free =
        new java.util.concurrent.Semaphore(Math.max(1, slots));
    private final java.util.Deque<java.util.concurrent.Future<?>> pending =
        new java.util.ArrayDeque<>();

    InFlight(String actor, Tally tally) {
      this.actor = actor;
      this.tally = tally;
    }

    void write(List<Line> chunk) {
      if (chunk.isEmpty()) {
        return;
      }
      if (slots == 0) {
        CsvCaseImport.this.write(chunk, actor, tally);
        return;
      }
      rethrowFailed();
      try {
        free.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Import interrupted", e);
      }
      rethrowFailed();
      try {
        pending.add(
            writers.submit(
                () -> {
                  try {
                    CsvCaseImport.this.write(chunk, actor, tally);
                  } finally {
                    free.release();
                  }
                }));
      } catch (java.util.concurrent.RejectedExecutionException busyOrClosing) {
        // every writer busy with other imports, or the context closing: this thread writes it
        try {
          CsvCaseImport.this.write(chunk, actor, tally);
        } finally {
          free.release();
        }
      }
    }

    /** The first failure among the chunks written so far, thrown as it was thrown. */
    private void rethrowFailed() {
      for (java.util.Iterator<java.util.concurrent.Future<?>> i = pending.iterator();
          i.hasNext(); ) {
        java.util.concurrent.Future<?> f = i.next();
        if (f.isDone()) {
          i.remove();
          join(f);
        }
      }
    }

    void awaitAll() {
      RuntimeException first = null;
      while (!pending.isEmpty()) {
        try {
          join(pending.poll());
        } catch (RuntimeException | Error e) {
          if (first == null) {
            first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
          }
        }
      }
      if (first != null) {
        throw first;
      }
    }

    private static void join(java.util.concurrent.Future<?> f) {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            f.get();
            return;
          } catch (InterruptedException e) {
            interrupted = true; // the chunk is being written: wait for it all the same
          } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
              throw r;
            }
            if (e.getCause() instanceof Error err) {
              throw err;
            }
            throw new IllegalStateException(e.getCause());
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /**
   * The counts and the rejected lines of one import, written by the request thread and the writer
   * threads: the list keeps the {@link #MAX_REJECTED_LISTED} first lines of the file, in line order
   * whichever thread found them.
   */
  private static final class Tally {
    private int casesOpened;
    private int invoicesAdded;
    private int rejectedCount;
    private final java.util.TreeMap<Integer, Rejected> rejected = new java.util.TreeMap<>();

    synchronized void reject(int line, String error) {
      rejectedCount++;
      rejected.put(line, new Rejected(line, error));
      if (rejected.size() > MAX_REJECTED_LISTED) {
        rejected.pollLastEntry();
      }
    }

    synchronized void count(CaseService.Opened opened) {
      if (opened.created()) {
        casesOpened++;
      }
      invoicesAdded += opened.invoicesAdded();
    }

    synchronized int casesOpened() {
      return casesOpened;
    }

    synchronized int invoicesAdded() {
      return invoicesAdded;
    }

    synchronized int rejectedCount() {
      return rejectedCount;
    }

    synchronized Result result() {
      return new Result(
          casesOpened,
          invoicesAdded,
          List.copyOf(rejected.values()),
          rejectedCount,
          rejectedCount > rejected.size());
    }
  }

  private record Line(int number, OpenCaseRequest request, String error) {}

  private void write(List<Line> chunk, String actor, Tally tally) {
    if (chunk.isEmpty()) {
      return;
    }
    try {
      // a conflict found while grouping falls through to the line-by-line path below
      cases.openAll(byDebtor(chunk), actor).forEach(tally::count);
    } catch (org.springframework.dao.DataAccessResourceFailureException
        | org.springframework.transaction.CannotCreateTransactionException databaseUnreachable) {
      // not this chunk's fault: the whole import stops (503), and a re-import adds what is missing
      throw databaseUnreachable;
    } catch (CaseConflictException
        | DataAccessException
        | InvalidRequestException
        | org.camunda.bpm.engine.OptimisticLockingException chunkFailed) {
      // the last: a debtor of an earlier chunk, its continuation running now on the job executor
      for (Line line : chunk) {
        writeLine(line, actor, tally);
      }
    }
  }

  /**
   * One line on its own. A debtor another import is writing at the same moment (a lock timeout, a
   * deadlock, a unique key taken under it, a race that outlasted {@link CaseService#open}'s own
   * tries) is tried again, with growing pauses, for as long as a chunk of another import may take
   * ({@link #LOCK_PATIENCE}): not reported as a bad line (review L9). A database error is logged in
   * full and answered without its SQL.
   */
  private void writeLine(Line line, String actor, Tally tally) {
    long giveUpAt = System.nanoTime() + LOCK_PATIENCE.toNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        tally.count(cases.open(line.request(), actor, true));
        return;
      } catch (ConcurrentOpeningException | TransientDataAccessException e) {
        // a lock or a race with another import: PessimisticLockingFailureException and kin
        if (System.nanoTime() < giveUpAt) {
          log.info(
              "Import line {} met another import writing the same debtor, try {}",
              line.number(),
              attempt);
          sleepQuietly(Math.min(100L << Math.min(attempt, 6), 3000L));
          continue;
        }
        log.warn(
            "Import line {} still met another import after {} tries", line.number(), attempt, e);
        tally.reject(
            line.number(),
            "could not be stored now (another import held the same debtor); import the file again");
        return;
      } catch (CaseConflictException | InvalidRequestException e) {
        tally.reject(line.number(), e.getMessage());
        return;
      } catch (org.springframework.dao.DataAccessResourceFailureException
          | org.springframework.transaction.CannotCreateTransactionException databaseUnreachable) {
        throw databaseUnreachable;
      } catch (DataAccessException e) {
        log.warn("Import line {} failed in the database", line.number(), e);
        tally.reject(
            line.number(), "could not be stored (database error, see the application log)");
        return;
      }
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One request per debtor of the chunk, with all its invoices: a debtor's lines usually follow
   * each other, and opening a case once with four invoices costs the process a quarter of four
   * separate additions (each of which re-segments the debtor). The same invoice twice is kept once.
   */
  static List<OpenCaseRequest> byDebtor(List<Line> chunk) {
    Map<String, List<OpenCaseRequest>> groups = new java.util.LinkedHashMap<>();
    for (Line line : chunk) {
      groups
          .computeIfAbsent(line.request().debtor().externalId().trim(), k -> new ArrayList<>())
          .add(line.request());
    }
    List<OpenCaseRequest> merged = new ArrayList<>(groups.size());
    for (List<OpenCaseRequest> requests : groups.values()) {
      Map<String, OpenCaseRequest.Invoice> invoices = new java.util.LinkedHashMap<>();
      for (OpenCaseRequest r : requests) {
        for (OpenCaseRequest.Invoice i : r.invoices()) {
          invoices.merge(
              i.number().trim(), i, (first, again) -> first.equals(again) ? first : null);
          if (invoices.get(i.number().trim()) == null) {
            // the same number with other figures: let the line-by-line path report it
            throw new CaseConflictException(
                "Invoice " + i.number() + " appears twice with different figures");
          }
        }
      }
      merged.add(new OpenCaseRequest(requests.get(0).debtor(), List.copyOf(invoices.values())));
    }
    return merged;
  }

  /**
   * The header: the required columns first, in their order (a file exported from an older template
   * keeps working), then any optional ones in any order. Names are compared trimmed and
   * case-insensitively; an unnamed column (a trailing separator) is ignored; an unknown or repeated
   * column is refused with the header as the field.
   */
  record Columns(int size, Map<String, Integer> optional) {
    static Columns of(CsvReader.Row header) {
      List<String> names =
          header.fields().stream().map(f -> f.trim().toLowerCase(java.util.Locale.ROOT)).toList();
      String expected =
          "the columns "
              + String.join(",", HEADER)
              + ", then optionally "
              + String.join(", ", OPTIONAL)
              + " in any order";
      if (names.size() < HEADER.size() || !names.subList(0, HEADER.size()).equals(HEADER)) {
        throw new InvalidRequestException(
            List.of(
                new FieldProblem(
                    "header",
                    "must be " + expected + " but is " + String.join(",", header.fields()))));
      }
      Map<String, Integer> optional = new java.util.HashMap<>();
      for (int i = HEADER.size(); i < names.size(); i++) {
        String name = names.get(i);
        if (name.isEmpty()) {
          continue; // a spreadsheet's trailing separator: an unnamed column, ignored
        }
        if (!OPTIONAL.contains(name)) {
          throw new InvalidRequestException(
              List.of(
                  new FieldProblem(
                      "header",
                      "has an unknown column '%s' (column %d); expected %s"
                          .formatted(header.fields().get(i).trim(), i + 1, expected))));
        }
        if (optional.putIfAbsent(name, i) != null) {
          throw new InvalidRequestException(
              List.of(new FieldProblem("header", "has the column '%s' twice".formatted(name))));
        }
      }
      return new Columns(names.size(), Map.copyOf(optional));
    }

    /** The value of an optional column on this line, null when the file has no such column. */
    String value(List<String> fields, String column) {
      Integer i = optional.get(column);
      return i == null ? null : fields.get(i);
    }
  }

  private Line parse(CsvReader.Row row, char separator, Columns columns) {
    if (row.error() != null) {
      return new Line(row.line(), null, row.error());
    }
    List<String> f = row.fields();
    if (f.size() != columns.size()) {
      return new Line(
          row.line(), null, "expected %d columns, found %d".formatted(columns.size(), f.size()));
    }
    List<String> errors = new ArrayList<>();
    LocalDate issue = date(f.get(10), "issue_date", errors);
    LocalDate due = date(f.get(11), "due_date", errors);
    BigDecimal amount = amount(f.get(12), separator, errors);
    Boolean commercial = yesNo(columns.value(f, "commercial"), "commercial", errors);
    BigDecimal contractualRate =
        optionalNumber(f, columns.optional(), "contractual_penalty_rate", separator, errors);
    BigDecimal vat = optionalNumber(f, columns.optional(), "vat_amount", separator, errors);
    if (!errors.isEmpty()) {
      return new Line(row.line(), null, String.join("; ", errors));
    }
    OpenCaseRequest request =
        new OpenCaseRequest(
            new OpenCaseRequest.Debtor(
                f.get(0),
                f.get(1).toUpperCase(),
                f.get(2),
                blank(f.get(3)),
                blank(f.get(4)),
                blank(f.get(5)),
                new OpenCaseRequest.Address(
                    blank(f.get(6)), blank(f.get(7)), blank(f.get(8)), "FR"),
                commercial),
            List.of(
                new OpenCaseRequest.Invoice(f.get(9), issue, due, amount, contractualRate, vat)));
    List<FieldProblem> problems = validator.problems(request);
    if (!problems.isEmpty()) {
      return new Line(
          row.line(),
          null,
          String.join(
              "; ",
              problems.stream()
                  .map(p -> COLUMN_OF_FIELD.getOrDefault(p.field(), p.field()) + " " + p.message())
                  .toList()));
    }
    return new Line(row.line(), request, null);
  }

  /** A yes/no cell: blank = not said (the default applies); true/false, oui/non, yes/no or 1/0. */
  private static Boolean yesNo(String value, String column, List<String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "oui", "yes", "1", "vrai" -> {
        return true;
      }
      case "false", "non", "no", "0", "faux" -> {
        return false;
      }
      default -> {
        errors.add(column + " must be true or false (oui / non), not '" + value + "'");
        return null;
      }
    }
  }

  private static LocalDate date(String value, String column, List<String> errors) {
    if (value.isBlank()) {
      errors.add(column + " is required");
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      errors.add(column + " must be a date YYYY-MM-DD, not '" + value + "'");
      return null;
    }
  }

  private static BigDecimal amount(String value, char separator, List<String> errors) {
    String v = number(value, separator);
    if (v.isEmpty()) {
      errors.add("amount is required");
      return null;
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      errors.add("amount must be a number in euros such as 1850.00, not '" + value + "'");
      return null;
    }
  }

  /** An optional numeric column: absent or blank is null. */
  private static BigDecimal optionalNumber(
      List<String> f,
      Map<String, Integer> optional,
      String column,
      char separator,
      List<String> errors) {
    Integer at = optional.get(column);
    if (at == null) {
      return null;
    }
    String v = number(f.get(at), separator);
    if (v.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      errors.add(column + " must be a number such as 12.5, not '" + f.get(at) + "'");
      return null;
    }
  }

  private static String number(String value, char separator) {
    String v = value.trim().replace(" ", "").replace("\u00a0", "");
    if (separator == ';') {
      v = v.replace(',', '.'); // a French spreadsheet writes 1850,00
    }
    return v;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}

package fr.recouvrement.cases;

import fr.recouvrement.cases.InvalidRequestException.FieldProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/cases/import}: streams a CSV of invoices, one line per invoice. Valid lines are
 * written in chunks (one transaction each); a chunk that fails is replayed line by line so that
 * one bad line never takes good ones down with it. Re-importing a file changes nothing, because
 * an invoice already recorded for the debtor is skipped.
 */
@Component
public class CsvCaseImport {
  static final List<String> HEADER =
      List.of(
          "debtor_id", "debtor_type", "debtor_name", "siren", "email", "phone", "address_line1", "postal_code", "city",
          "invoice_number", "issue_date", "due_date", "amount");
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
          Map.entry("invoices[0].amount", "amount"));
  private static final int CHUNK = 200;
  private static final Logger log = LoggerFactory.getLogger(CsvCaseImport.class);

  private final CaseService cases;
  private final CaseRequestValidator validator;

  CsvCaseImport(CaseService cases, CaseRequestValidator validator) {
    this.cases = cases;
    this.validator = validator;
  }

  public record Rejected(int line, String error) {}

  public record Result(int casesOpened, int invoicesAdded, List<Rejected> rejected) {}

  public Result importCsv(InputStream body, String actor) throws IOException {
    CsvReader reader =
        new CsvReader(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 64 * 1024));
    CsvReader.Row header = reader.next();
    if (header == null) {
      throw new InvalidRequestException(List.of(new FieldProblem("header", "the file is empty; expected the header " + String.join(",", HEADER))));
    }
    List<String> columns = header.fields().stream().map(f -> f.trim().toLowerCase()).toList();
    if (!columns.equals(HEADER)) {
      throw new InvalidRequestException(
          List.of(new FieldProblem("header", "must be " + String.join(",", HEADER) + " but is " + String.join(",", header.fields()))));
    }
    Tally tally = new Tally();
    List<Line> chunk = new ArrayList<>(CHUNK);
    int lines = 0;
    for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
      lines++;
      Line parsed = parse(row, reader.separator());
      if (parsed.error != null) {
        tally.rejected.add(new Rejected(row.line(), parsed.error));
      } else {
        chunk.add(parsed);
        if (chunk.size() == CHUNK) {
          write(chunk, actor, tally);
          chunk.clear();
        }
      }
      if (lines % 1000 == 0) {
        log.info("Import: {} lines read, {} cases opened, {} invoices added, {} rejected",
            lines, tally.casesOpened, tally.invoicesAdded, tally.rejected.size());
      }
    }
    write(chunk, actor, tally);
    log.info("Import done: {} lines, {} cases opened, {} invoices added, {} rejected",
        lines, tally.casesOpened, tally.invoicesAdded, tally.rejected.size());
    return new Result(tally.casesOpened, tally.invoicesAdded, tally.rejected);
  }

  private static final class Tally {
    int casesOpened;
    int invoicesAdded;
    final List<Rejected> rejected = new ArrayList<>();

    void count(CaseService.Opened opened) {
      if (opened.created()) {
        casesOpened++;
      }
      invoicesAdded += opened.invoicesAdded();
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
    } catch (CaseConflictException | DataAccessException | InvalidRequestException chunkFailed) {
      for (Line line : chunk) {
        try {
          tally.count(cases.open(line.request(), actor));
        } catch (CaseConflictException | InvalidRequestException e) {
          tally.rejected.add(new Rejected(line.number(), e.getMessage()));
        } catch (DataAccessException e) {
          log.warn("Import line {} failed in the database", line.number(), e);
          // the database's own words (SQL, constraint names) stay in the log (review L8)
          tally.rejected.add(new Rejected(line.number(), "could not be stored (database error, logged); nothing of this line was imported"));
        }
      }
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
      groups.computeIfAbsent(line.request().debtor().externalId().trim(), k -> new ArrayList<>()).add(line.request());
    }
    List<OpenCaseRequest> merged = new ArrayList<>(groups.size());
    for (List<OpenCaseRequest> requests : groups.values()) {
      Map<String, OpenCaseRequest.Invoice> invoices = new java.util.LinkedHashMap<>();
      for (OpenCaseRequest r : requests) {
        for (OpenCaseRequest.Invoice i : r.invoices()) {
          invoices.merge(i.number().trim(), i, (first, again) -> first.equals(again) ? first : null);
          if (invoices.get(i.number().trim()) == null) {
            // the same number with other figures: let the line-by-line path report it
            throw new CaseConflictException("Invoice " + i.number() + " appears twice with different figures");
          }
        }
      }
      merged.add(new OpenCaseRequest(requests.get(0).debtor(), List.copyOf(invoices.values())));
    }
    return merged;
  }

  private Line parse(CsvReader.Row row, char separator) {
    if (row.error() != null) {
      return new Line(row.line(), null, row.error());
    }
    List<String> f = row.fields();
    if (f.size() != HEADER.size()) {
      return new Line(row.line(), null, "expected %d columns, found %d".formatted(HEADER.size(), f.size()));
    }
    List<String> errors = new ArrayList<>();
    LocalDate issue = date(f.get(10), "issue_date", errors);
    LocalDate due = date(f.get(11), "due_date", errors);
    BigDecimal amount = amount(f.get(12), separator, errors);
    if (!errors.isEmpty()) {
      return new Line(row.line(), null, String.join("; ", errors));
    }
    OpenCaseRequest request =
        new OpenCaseRequest(
            new OpenCaseRequest.Debtor(
                f.get(0), f.get(1).toUpperCase(), f.get(2), blank(f.get(3)), blank(f.get(4)), blank(f.get(5)),
                new OpenCaseRequest.Address(blank(f.get(6)), blank(f.get(7)), blank(f.get(8)), "FR")),
            List.of(new OpenCaseRequest.Invoice(f.get(9), issue, due, amount)));
    List<FieldProblem> problems = validator.problems(request);
    if (!problems.isEmpty()) {
      return new Line(
          row.line(),
          null,
          String.join("; ", problems.stream().map(p -> COLUMN_OF_FIELD.getOrDefault(p.field(), p.field()) + " " + p.message()).toList()));
    }
    return new Line(row.line(), request, null);
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
    String v = value.trim().replace(" ", "").replace("\u00a0", "");
    if (separator == ';') {
      v = v.replace(',', '.'); // a French spreadsheet writes 1850,00
    }
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

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}

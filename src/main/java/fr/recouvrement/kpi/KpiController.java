package fr.recouvrement.kpi;

import fr.recouvrement.cases.InvalidRequestException;
import fr.recouvrement.cases.InvalidRequestException.FieldProblem;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/kpis?from=YYYY-MM-DD&to=YYYY-MM-DD}: the KPIs of the period, both days included
 * (definitions in {@link CollectionKpis}). Without {@code to}: today (Europe/Paris); without {@code
 * from}: one year before {@code to}, the day after (the last 12 months). A date that is not
 * YYYY-MM-DD, or {@code from} after {@code to}, is a 400 problem+json naming the field.
 */
@RestController
class KpiController {
  /**
   * Outside these, a date is a typing error, and a period a full scan for nothing (review L7:
   * -999999999-01-01 was a 500).
   */
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  static final LocalDate LATEST = LocalDate.of(2099, 12, 31);
  static final int MAX_YEARS = 10;
  private final KpiService kpis;

  KpiController(KpiService kpis) {
    this.kpis = kpis;
  }

  @GetMapping("/api/kpis")
  Kpis kpis(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate start = date("from", from, problems);
    LocalDate end = date("to", to, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (end == null) {
      end = CaseClock.today();
    }
    if (start == null) {
      start = end.minusYears(1).plusDays(1);
    }
    if (start.isAfter(end)) {
      throw new InvalidRequestException(
          List.of(new FieldProblem("from", "must be on or before to (" + end + ")")));
    }
    if (end.isAfter(start.plusYears(MAX_YEARS))) {
      throw new InvalidRequestException(
          List.of(new FieldProblem("from", "must be at most " + MAX_YEARS + " years before to")));
    }
    return kpis.compute(start, end);
  }

  private static LocalDate date(String field, String value, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value.trim());
      if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
        problems.add(new FieldProblem(field, "must be between " + EARLIEST + " and " + LATEST));
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      // the value is not echoed (review L8)
      problems.add(new FieldProblem(field, "must be a date YYYY-MM-DD"));
      return null;
    }
  }
}

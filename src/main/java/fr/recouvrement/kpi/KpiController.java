package fr.recouvrement.kpi;

import fr.recouvrement.cases.CaseClock;
import fr.recouvrement.cases.InvalidRequestException;
import fr.recouvrement.cases.InvalidRequestException.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/kpis?from=YYYY-MM-DD&to=YYYY-MM-DD}: the KPIs of the period, both days included
 * (definitions in {@link CollectionKpis}). Without {@code to}: today (Europe/Paris); without
 * {@code from}: one year before {@code to}, the day after (the last 12 months). A date that is not
 * YYYY-MM-DD, or {@code from} after {@code to}, is a 400 problem+json naming the field.
 */
@RestController
class KpiController {
  private final KpiService kpis;

  KpiController(KpiService kpis) {
    this.kpis = kpis;
  }

  @GetMapping("/api/kpis")
  Kpis kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
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
      throw new InvalidRequestException(List.of(new FieldProblem("from", "must be on or before to (" + end + ")")));
    }
    return kpis.compute(start, end);
  }

  private static LocalDate date(String field, String value, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "must be a date YYYY-MM-DD, not '" + value + "'"));
      return null;
    }
  }
}

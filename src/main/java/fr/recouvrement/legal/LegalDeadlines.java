package fr.recouvrement.legal;

import fr.recouvrement.engine.LatestDecisionTables;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The legal periods of the {@code legal-deadlines} decision
 * (processes/decisions/legal-deadlines.dmn), chosen by the date of the act they apply to, so that a
 * case opened under an old rule keeps it and a change of the law is one new row deployed by an
 * analyst.
 *
 * <p>Models use it in expressions, e.g. {@code ${legalDeadlines.period('ORDER_TO_PAY_SERVICE',
 * orderDecisionDate)}}, Java through {@link #find}. The latest deployed version is evaluated with a
 * plain DMN engine (no history rows for each look-up: the process records the period it used), and
 * each answer is remembered per version. A missing row throws {@link MissingLegalRuleException}:
 * the step becomes an incident that names the rule, never a period guessed from an older row.
 */
@Component("legalDeadlines")
public class LegalDeadlines {
  public static final String DECISION_KEY = "legal-deadlines";

  private final LatestDecisionTables tables;
  private final Map<List<Object>, LegalPeriod> answers = new ConcurrentHashMap<>();

  LegalDeadlines(LatestDecisionTables tables) {
    this.tables = tables;
  }

  /**
   * The period of {@code rule} for an act of that date by or against a party living in metropolitan
   * France.
   */
  public LegalPeriod find(LegalRule rule, LocalDate actDate) {
    return find(rule, actDate, Residence.METROPOLE);
  }

  /** The period of {@code rule} for an act of that date, for a party of that residence. */
  public LegalPeriod find(LegalRule rule, LocalDate actDate, Residence residence) {
    if (rule == null || actDate == null || residence == null) {
      throw new IllegalArgumentException(
          "A legal period needs a rule, a date and a residence: "
              + rule
              + ", "
              + actDate
              + ", "
              + residence);
    }
    LatestDecisionTables.Table latest = tables.latest(DECISION_KEY);
    List<Object> key = List.of(latest.definition().getId(), rule, residence, actDate);
    LegalPeriod known = answers.get(key);
    if (known != null) {
      return known;
    }
    LegalPeriod answer = evaluate(latest, rule, actDate, residence);
    if (answers.size() > 20_000) {
      answers.clear();
    }
    answers.put(key, answer);
    return answer;
  }

  /**
   * For models: the ISO-8601 period (e.g. {@code P3M}) of {@code rule} for an act of that date,
   * metropolitan France.
   */
  public String period(String rule, Object actDate) {
    return period(rule, actDate, Residence.METROPOLE.name());
  }

  /**
   * For models: the ISO-8601 period of {@code rule} for an act of that date and a party of that
   * residence.
   */
  public String period(String rule, Object actDate, String residence) {
    return find(LegalRule.valueOf(rule), day(actDate), residence(residence)).period().toString();
  }

  /** For models and letters: the article the period comes from. */
  public String source(String rule, Object actDate, String residence) {
    return find(LegalRule.valueOf(rule), day(actDate), residence(residence)).source();
  }

  private LegalPeriod evaluate(
      LatestDecisionTables.Table table, LegalRule rule, LocalDate actDate, Residence residence) {
    DecisionDefinition definition = table.definition();
    Map<String, Object> in = new HashMap<>();
    in.put("rule", rule.name());
    in.put("residence", residence.name());
    in.put("actDate", actDate);
    DmnDecisionResult result = table.evaluate(in);
    DmnDecisionResultEntries row = result.getSingleResult();
    if (row == null) {
      throw new MissingLegalRuleException(rule, residence, actDate, definition.getVersion());
    }
    Object period = row.getEntry("period");
    Period parsedPeriod;
    try {
      parsedPeriod = Period.parse(String.valueOf(period));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "The decision %s (version %d) gives %s for %s: not an ISO-8601 period such as P3M"
              .formatted(DECISION_KEY, definition.getVersion(), period, rule),
          e);
    }
    return new LegalPeriod(
        rule,
        residence,
        actDate,
        parsedPeriod,
        (String) row.getEntry("source"),
        definition.getId());
  }

  private static Residence residence(String residence) {
    return residence == null || residence.isBlank()
        ? Residence.METROPOLE
        : Residence.valueOf(residence);
  }

  /**
   * A date from a model: a {@link Date} (a Paris day), a {@link LocalDate} or ISO text (form fields
   * are text).
   */
  public static LocalDate day(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("A date is missing");
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), CaseClock.PARIS);
    }
    String text = value.toString();
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}

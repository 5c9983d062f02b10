package fr.recouvrement.legal;

import fr.recouvrement.kernel.process.LatestDecisions;
import fr.recouvrement.kernel.time.CaseClock;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
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

  private final RepositoryService repositoryService;
  private final LatestDecisions latestDecisions;

  /**
   * A plain DMN engine: the process engine's own one records history and needs a command context.
   */
  private final DmnEngine dmnEngine =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();
  private final Map<List<Object>, LegalPeriod> answers = new ConcurrentHashMap<>();

  LegalDeadlines(RepositoryService repositoryService, LatestDecisions latestDecisions) {
    this.latestDecisions = latestDecisions;
    this.repositoryService = repositoryService;
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
    DecisionDefinition latest = latestDecisions.latest(DECISION_KEY);
    if (latest == null) {
      throw new IllegalStateException("The decision " + DECISION_KEY + " is not deployed");
    }
    List<Object> key = List.of(latest.getId(), rule, residence, actDate);
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
      DecisionDefinition definition, LegalRule rule, LocalDate actDate, Residence residence) {
    Map<String, Object> in = new HashMap<>();
    in.put("rule", rule.name());
    in.put("residence", residence.name());
    in.put("actDate", actDate);
    DmnDecisionResult result = dmnEngine.evaluateDecision(decision(definition.getId()), in);
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

  private DmnDecision decision(String definitionId) {
    return parsed.computeIfAbsent(
        definitionId,
        id -> {
          try (InputStream in = repositoryService.getDecisionModel(id)) {
            return dmnEngine.parseDecision(DECISION_KEY, in);
          } catch (IOException e) {
            throw new IllegalStateException("Cannot read decision " + id, e);
          }
        });
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

package fr.recouvrement.money;

import fr.recouvrement.kernel.process.LatestDecisions;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rates of the {@code interest-rates} decision (processes/decisions/interest-rates.dmn), which
 * an analyst updates in Camunda Modeler every half-year.
 *
 * <p>Each half-year is evaluated once per deployed version of the decision and kept in memory: an
 * evaluation is an engine command that writes history rows, and a case view needs the rates of
 * every half-year its invoices were late in. Asking for {@link #current()} looks up the latest
 * version (one indexed query), so deploying a new version takes effect at once.
 *
 * <p>A half-year without a row never becomes 0 %: the nearest row stands in (the latest earlier
 * one, else the earliest later one) and a WARN says the table needs that half-year. The stand-in is
 * never silent: {@link Rates#confirmed()} is false, so the case shows the half-year in {@code
 * ratesToConfirm}, and the rates-watch process opens the analysts' task « Mettre à jour les taux ».
 * A "later" catch-all row in the table would keep charging with figures nobody checked.
 */
@Component
public class InterestRates {
  public static final String DECISION_KEY = "interest-rates";

  /** How far to look for a stand-in row, in half-years each way: ten years. */
  private static final int SEARCH_LIMIT = 20;

  private static final Logger log = LoggerFactory.getLogger(InterestRates.class);

  private final RepositoryService repositoryService;
  private final LatestDecisions latestDecisions;
  private final DecisionService decisionService;
  private volatile Version cached;

  InterestRates(
      RepositoryService repositoryService,
      DecisionService decisionService,
      LatestDecisions latestDecisions) {
    this.latestDecisions = latestDecisions;
    this.repositoryService = repositoryService;
    this.decisionService = decisionService;
  }

  /** The rate table of the latest deployed version of the decision. */
  public RateTable current() {
    DecisionDefinition latest = latestDecisions.latest(DECISION_KEY);
    if (latest == null) {
      throw new IllegalStateException("The decision " + DECISION_KEY + " is not deployed");
    }
    Version version = cached;
    if (version == null || !version.definitionId.equals(latest.getId())) {
      version = new Version(latest.getId(), latest.getVersion());
      cached = version;
    }
    return version;
  }

  /**
   * The half-years from {@code first} to {@code last} that the latest table has no row of its own
   * for, in order; at most the twenty half-years before {@code last} are looked at.
   */
  public java.util.List<HalfYear> missing(HalfYear first, HalfYear last) {
    RateTable table = current();
    HalfYear from = first;
    HalfYear floor = last;
    for (int i = 0; i < SEARCH_LIMIT; i++) {
      floor = floor.previous();
    }
    if (from.compareTo(floor) < 0) {
      from = floor;
    }
    java.util.List<HalfYear> missing = new java.util.ArrayList<>();
    for (HalfYear h = from; h.compareTo(last) <= 0; h = h.next()) {
      if (!table.ratesFor(h).confirmed()) {
        missing.add(h);
      }
    }
    return missing;
  }

  private final class Version implements RateTable {
    private final String definitionId;
    private final int number;
    private final Map<HalfYear, Rates> rows = new ConcurrentHashMap<>();

    Version(String definitionId, int number) {
      this.definitionId = definitionId;
      this.number = number;
    }

    @Override
    public Rates ratesFor(HalfYear halfYear) {
      return rows.computeIfAbsent(halfYear, this::resolve);
    }

    @Override
    public String version() {
      return definitionId;
    }

    private Rates resolve(HalfYear wanted) {
      Optional<Rates> exact = evaluate(wanted);
      if (exact.isPresent()) {
        return exact.get();
      }
      Optional<Rates> standIn = Optional.empty();
      HalfYear earlier = wanted;
      for (int i = 0; i < SEARCH_LIMIT && standIn.isEmpty(); i++) {
        earlier = earlier.previous();
        standIn = evaluate(earlier);
      }
      HalfYear later = wanted;
      for (int i = 0; i < SEARCH_LIMIT && standIn.isEmpty(); i++) {
        later = later.next();
        standIn = evaluate(later);
      }
      Rates rates =
          standIn.orElseThrow(
              () ->
                  new IllegalStateException(
                      "The decision %s (version %d) has no row within ten years of %s"
                          .formatted(DECISION_KEY, number, wanted)));
      log.warn(
          "The rate table {} (version {}) has no row for {}: using the figures of {} instead. Add {} (ECB rate and legal"
              + " interest rates in force) to processes/decisions/interest-rates.dmn and deploy it.",
          DECISION_KEY,
          number,
          wanted,
          rates.row(),
          wanted);
      return rates.standingInFor(wanted);
    }

    private Optional<Rates> evaluate(HalfYear halfYear) {
      DmnDecisionRuleResult row =
          decisionService
              .evaluateDecisionTableById(definitionId)
              .variables(Variables.createVariables().putValue("halfYear", halfYear.toString()))
              .evaluate()
              .getSingleResult();
      if (row == null) {
        return Optional.empty();
      }
      return Optional.of(
          new Rates(
              halfYear,
              halfYear,
              number(row, "ecbRate"),
              number(row, "legalRateIndividual"),
              number(row, "legalRateProfessional"),
              number(row, "penaltyMarginPoints"),
              number(row, "legalRateFloorFactor"),
              number(row, "recoveryIndemnity")));
    }
  }

  /**
   * A figure of the table as an exact decimal: 2.15 typed as a double in DMN reads back as 2.15.
   */
  static BigDecimal number(Map<String, Object> row, String output) {
    Object value = row.get(output);
    if (value instanceof BigDecimal exact) {
      return exact;
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    throw new IllegalStateException(
        "The decision " + DECISION_KEY + " gave no number for " + output + ": " + value);
  }
}

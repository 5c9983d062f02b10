package fr.recouvrement.kpi;

import fr.recouvrement.cases.CaseStatus;
import fr.recouvrement.kpi.Attribution.Action;
import fr.recouvrement.kpi.Attribution.Payment;
import fr.recouvrement.kpi.Kpis.Breakdown;
import fr.recouvrement.legal.LegalEventType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;

/**
 * The collection KPIs of a period [from, to] (both days included, Europe/Paris), from our records.
 *
 * <ul>
 *   <li><b>Portfolio</b> ({@code cases}): the cases opened on or before {@code to} and not closed
 *       before {@code from}. Every figure below is about these cases only.
 *   <li><b>amountDue</b>: sum over all their invoices of (amount − credited amount), as recorded
 *       today (a credit note recorded after the period lowers it).
 *   <li><b>amountRecovered</b>: sum of the payments on those cases dated ({@code paid_on}) within
 *       [from, to], net of the part exceeding the balance (kept unallocated, to be refunded). It
 *       includes the late penalties and recovery indemnities a payment paid.
 *   <li><b>recoveryRate</b> = amountRecovered / amountDue (null when nothing is due).
 *   <li><b>averageCollectionDelayDays</b>: mean of (payment date − due date of the invoice) over
 *       the principal the payments of the period paid ({@code payment_allocation}), weighted by
 *       that principal: Σ(principal × days) / Σ principal. A payment before the due date counts
 *       negative. Null when no principal was paid.
 *   <li><b>litigatedCases</b>: cases of the portfolio that reached a legal phase: a legal event of
 *       the period or before (on or before {@code to}) of a type in {@link #LEGAL_PHASE_EVENTS}
 *       (formal notice, small claims, order to pay, judgment, title, enforcement, insolvency; not a
 *       prescription warning, an agency handover or a write-off), or a status in {@link
 *       #LEGAL_PHASE_STATUSES} entered before the end of the period (the case's recorded phase
 *       changes; it also catches a case whose notice is being prepared); a legal status with no
 *       recorded phase change counts as it stands today. <b>litigationRate</b> = litigatedCases /
 *       cases.
 *   <li><b>collectionCost</b>: the actions of the period on those cases, each at its cost: an
 *       email, SMS or letter delivered (status SENT; dry runs and failures cost nothing and are no
 *       action) at its unit cost ({@link UnitCosts}, {@code recouvrement.costs.*}), a formal notice
 *       letter at the registered-letter cost, a phone call at the call cost whatever its outcome;
 *       plus the fees recorded on the cases ({@code case_cost}: bailiff, court, lawyer, agency)
 *       incurred in the period. A communication is dated by when it was sent.
 *       <b>costPerEuroRecovered</b> = collectionCost / amountRecovered (null when nothing was
 *       recovered).
 *   <li><b>byChannel</b> ({@link KpiChannels}): per channel, the actions of the period, their cost,
 *       and {@code recoveredAfter}: the payments each of these actions brought in by the rule of
 *       {@link Attribution} (the last action on the case on or before the payment day, at most
 *       {@code recouvrement.kpi.attribution-days} days before it, default 15). A payment after
 *       {@code to} still counts for an action of the period; a payment of the period after an
 *       action before {@code from} does not. roi = (recoveredAfter − cost) / cost, null without
 *       cost.
 *   <li><b>bySegment</b> / <b>byStrategyVersion</b>: per segment of the case ({@code
 *       collection_case.segment}) / per strategy the case started under, by the version tags of its
 *       models ("collection-case 1.0 · debtor-segment 1.1", {@link StrategyVersions}): the actions
 *       of the period and their cost, and as {@code recoveredAfter} the amount recovered on those
 *       cases in the period; their sums are the period's totals.
 * </ul>
 *
 * Rates and ratios are rounded half up to 4 decimals, the delay to 1 decimal, amounts to cents.
 */
@Service
class CollectionKpis implements KpiService {
  static final Set<CaseStatus> LEGAL_PHASE_STATUSES =
      EnumSet.of(
          CaseStatus.FORMAL_NOTICE,
          CaseStatus.SMALL_CLAIMS,
          CaseStatus.ORDER_TO_PAY,
          CaseStatus.ENFORCEMENT,
          CaseStatus.INSOLVENCY);

  static final Set<LegalEventType> LEGAL_PHASE_EVENTS =
      EnumSet.complementOf(
          EnumSet.of(
              LegalEventType.PRESCRIPTION_WARNING,
              LegalEventType.AGENCY_HANDOVER,
              LegalEventType.WRITTEN_OFF));

  static final String NO_SEGMENT = "sans segment";

  private final KpiRepository repository;
  private final StrategyVersions strategies;
  private final UnitCosts costs;
  private final KpiSettings settings;

  CollectionKpis(
      KpiRepository repository,
      StrategyVersions strategies,
      UnitCosts costs,
      KpiSettings settings) {
    this.repository = repository;
    this.strategies = strategies;
    this.costs = costs;
    this.settings = settings;
  }

  @Override
  public Kpis compute(LocalDate from, LocalDate to) {
    if (from == null || to == null || from.isAfter(to)) {
      throw new IllegalArgumentException("A period needs from <= to, not " + from + " .. " + to);
    }
    int days = settings.attributionDays();
    MapSqlParameterSource period = KpiRepository.period(from, to);

    List<KpiRepository.CaseRow> portfolio = repository.portfolio(period);
    BigDecimal due = money(repository.amountDue(period));

    // payments up to `to` + N days: those after `to` only count for the actions of the period
    List<Payment> payments = repository.payments(period, to.plusDays(days));
    List<Payment> ofPeriod = payments.stream().filter(p -> !p.paidOn().isAfter(to)).toList();
    BigDecimal recovered = money(sum(ofPeriod, Payment::amount));

    int litigated =
        repository.litigatedCases(period, names(LEGAL_PHASE_STATUSES), names(LEGAL_PHASE_EVENTS));

    // actions from `from` - N days (they may take a payment of the period from an action of the
    // period) to `to` + N days (they may take a later payment from an action of the period)
    List<Action> actions =
        repository.actions(period, from.minusDays(days), to.plusDays(days), costs);
    Map<Action, BigDecimal> attributed = Attribution.attribute(actions, payments, days);
    List<Action> actionsOfPeriod =
        actions.stream().filter(a -> !a.on().isBefore(from) && !a.on().isAfter(to)).toList();
    BigDecimal cost = money(sum(actionsOfPeriod, Action::cost));

    return new Kpis(
        from,
        to,
        portfolio.size(),
        due,
        recovered,
        ratio(recovered, due),
        averageDelay(repository.principalPaid(period)),
        litigated,
        ratio(BigDecimal.valueOf(litigated), BigDecimal.valueOf(portfolio.size())),
        cost,
        ratio(cost, recovered),
        byChannel(actionsOfPeriod, attributed),
        byCaseGroup(
            portfolio,
            c -> c.segment() == null || c.segment().isBlank() ? NO_SEGMENT : c.segment(),
            actionsOfPeriod,
            ofPeriod),
        byCaseGroup(portfolio, strategyOf(portfolio), actionsOfPeriod, ofPeriod),
        repository.portal(period, from, to));
  }

  /** Σ(principal × days late) / Σ principal, to 1 decimal; null when no principal was paid. */
  static Double averageDelay(List<KpiRepository.PrincipalPaid> paid) {
    BigDecimal weighted = BigDecimal.ZERO;
    BigDecimal principal = BigDecimal.ZERO;
    for (KpiRepository.PrincipalPaid p : paid) {
      weighted =
          weighted.add(
              p.principal()
                  .multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(p.dueDate(), p.paidOn()))));
      principal = principal.add(p.principal());
    }
    return principal.signum() == 0
        ? null
        : weighted.divide(principal, 1, RoundingMode.HALF_UP).doubleValue();
  }

  /** a / b to 4 decimals, null when b is zero. */
  static Double ratio(BigDecimal a, BigDecimal b) {
    return b.signum() == 0 ? null : a.divide(b, 4, RoundingMode.HALF_UP).doubleValue();
  }

  /** (recovered - cost) / cost to 4 decimals, null without cost. */
  static Double roi(BigDecimal recovered, BigDecimal cost) {
    return ratio(recovered.subtract(cost), cost);
  }

  private List<Breakdown> byChannel(List<Action> actions, Map<Action, BigDecimal> attributed) {
    Map<String, List<Action>> byKey = new LinkedHashMap<>();
    KpiChannels.COMMUNICATIONS.forEach(c -> byKey.put(c, new ArrayList<>()));
    Map<String, List<Action>> fees = new TreeMap<>();
    for (Action a : actions) {
      (byKey.containsKey(a.channel()) ? byKey : fees)
          .computeIfAbsent(a.channel(), k -> new ArrayList<>())
          .add(a);
    }
    byKey.putAll(fees);
    List<Breakdown> lines = new ArrayList<>();
    byKey.forEach(
        (key, list) -> {
          BigDecimal cost = money(sum(list, Action::cost));
          BigDecimal after = money(sum(list, a -> attributed.getOrDefault(a, BigDecimal.ZERO)));
          lines.add(new Breakdown(key, list.size(), cost, after, roi(after, cost)));
        });
    return lines;
  }

  private Function<KpiRepository.CaseRow, String> strategyOf(
      List<KpiRepository.CaseRow> portfolio) {
    Map<Long, String> labels = strategies.of(portfolio);
    return c -> labels.getOrDefault(c.id(), StrategyVersions.NONE);
  }

  /**
   * Per group of cases: the actions of the period, their cost, and what was recovered on them in
   * the period.
   */
  private static List<Breakdown> byCaseGroup(
      List<KpiRepository.CaseRow> portfolio,
      Function<KpiRepository.CaseRow, String> group,
      List<Action> actions,
      List<Payment> payments) {
    Map<Long, String> keyOfCase = new HashMap<>();
    Map<String, List<Action>> actionsByKey = new HashMap<>();
    Map<String, BigDecimal> recoveredByKey = new HashMap<>();
    for (KpiRepository.CaseRow c : portfolio) {
      String key = group.apply(c);
      keyOfCase.put(c.id(), key);
      actionsByKey.putIfAbsent(key, new ArrayList<>());
      recoveredByKey.putIfAbsent(key, BigDecimal.ZERO);
    }
    actions.forEach(a -> actionsByKey.get(keyOfCase.get(a.caseId())).add(a));
    payments.forEach(
        p -> recoveredByKey.merge(keyOfCase.get(p.caseId()), p.amount(), BigDecimal::add));
    return actionsByKey.keySet().stream()
        .sorted(KEYS)
        .map(
            key -> {
              List<Action> list = actionsByKey.get(key);
              BigDecimal cost = money(sum(list, Action::cost));
              BigDecimal recovered = money(recoveredByKey.get(key));
              return new Breakdown(key, list.size(), cost, recovered, roi(recovered, cost));
            })
        .toList();
  }

  /**
   * Alphabetical, with the numbers of versions in numeric order ("collection-case v9" before
   * "v10").
   */
  static final Comparator<String> KEYS =
      Comparator.comparing((String k) -> k.replaceAll(" v\\d+$", ""))
          .thenComparingInt(CollectionKpis::version)
          .thenComparing(k -> k);

  private static int version(String key) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(" v(\\d+)$").matcher(key);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static <T> BigDecimal sum(List<T> items, Function<T, BigDecimal> amount) {
    return items.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  private static List<String> names(Set<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().collect(Collectors.toList());
  }
}

package fr.recouvrement.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The collection KPIs of a period ({@code GET /api/kpis?from=&to=}; domain.md "Measuring
 * collection"). Rates are between 0 and 1 (null when their denominator is zero); amounts in euros.
 */
public record Kpis(
    LocalDate from,
    LocalDate to,
    int cases,
    BigDecimal amountDue,
    BigDecimal amountRecovered,
    Double recoveryRate,
    Double averageCollectionDelayDays,
    int litigatedCases,
    Double litigationRate,
    BigDecimal collectionCost,
    Double costPerEuroRecovered,
    List<Breakdown> byChannel,
    List<Breakdown> bySegment,
    List<Breakdown> byStrategyVersion,
    Portal portal) {

  /**
   * The debtor portal over the period, on the portfolio's cases: visits of a debtor's page and the
   * steps debtors took there themselves (promises, plan proposals, disputes, call-back requests,
   * online payments started).
   */
  public record Portal(
      long visits, long promises, long plans, long disputes, long callbacks, long onlinePayments) {}

  /**
   * One line of a breakdown: {@code key} is a channel (EMAIL, SMS, LETTER, REGISTERED_LETTER,
   * PHONE_CALL, BAILIFF...), a segment or a strategy version by its models' version tags
   * ("collection-case 1.0 · debtor-segment 1.1", see {@link StrategyVersions}); {@code actions} how
   * many times it was used, {@code cost} what that cost, {@code recoveredAfter} the amounts paid
   * after it, {@code roi} = (recoveredAfter - cost) / cost (null without cost).
   */
  public record Breakdown(
      String key, int actions, BigDecimal cost, BigDecimal recoveredAfter, Double roi) {}
}

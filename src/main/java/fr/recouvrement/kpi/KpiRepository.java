package fr.recouvrement.kpi;

import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.kpi.Attribution.Action;
import fr.recouvrement.kpi.Attribution.Payment;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The rows the KPIs of a period are computed from: a fixed number of queries per period, each over
 * the whole portfolio (grouped where the figure allows), never one per case.
 */
@Repository
class KpiRepository {
  /**
   * Cases opened on or before the last day and not closed before the first day (Europe/Paris days):
   * a condition on the case {@code c} each query joins. (As {@code case_id in (select ...)} it made
   * H2 run the subquery again for each row: 21 s for the dashboard over 100,000 cases, issue 14.)
   */
  private static final String PORTFOLIO =
      "c.opened_at < :end and (c.closed_at is null or c.closed_at >= :start)";

  /**
   * A case of the portfolio; {@code strategy} is the fingerprint of the strategy it started under
   * (null for a case opened before it was recorded).
   */
  record CaseRow(long id, String segment, String processInstanceId, String strategy) {}

  /** Principal paid by the payments of one day on invoices of one due date. */
  record PrincipalPaid(LocalDate dueDate, LocalDate paidOn, BigDecimal principal) {}

  private final NamedParameterJdbcTemplate named;

  KpiRepository(JdbcTemplate jdbc) {
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  /**
   * The bounds of a period as named parameters: days {@code from}/{@code to}, instants {@code
   * start}/{@code end}.
   */
  static MapSqlParameterSource period(LocalDate from, LocalDate to) {
    return new MapSqlParameterSource()
        .addValue("from", Date.valueOf(from))
        .addValue("to", Date.valueOf(to))
        .addValue("start", Timestamp.from(startOf(from)))
        .addValue("end", Timestamp.from(startOf(to.plusDays(1))));
  }

  static Instant startOf(LocalDate day) {
    return day.atStartOfDay(CaseClock.PARIS).toInstant();
  }

  List<CaseRow> portfolio(MapSqlParameterSource period) {
    return named.query(
        "select c.id, c.segment, c.process_instance_id, c.strategy_version from collection_case c where "
            + PORTFOLIO,
        period,
        (rs, i) -> new CaseRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
  }

  /** The lines of each recorded strategy ("collection-case 1.0\ndebtor-segment 1.1"…). */
  Map<String, String> strategies(Collection<String> fingerprints) {
    Map<String, String> models = new HashMap<>();
    if (fingerprints.isEmpty()) {
      return models;
    }
    named.query(
        "select fingerprint, models from strategy_version where fingerprint in (:fingerprints)",
        new MapSqlParameterSource("fingerprints", fingerprints),
        rs -> {
          models.put(rs.getString(1), rs.getString(2));
        });
    return models;
  }

  /** Sum over the invoices of the portfolio of (amount - credited). */
  BigDecimal amountDue(MapSqlParameterSource period) {
    BigDecimal due =
        named.queryForObject(
            "select sum(i.amount - i.credited_amount) from invoice i join collection_case c on c.id = i.case_id where "
                + PORTFOLIO,
            period,
            BigDecimal.class);
    return due == null ? BigDecimal.ZERO : due;
  }

  /**
   * Payments of the portfolio dated from the first day to {@code paidUntil}, net of their
   * unallocated excess.
   */
  List<Payment> payments(MapSqlParameterSource period, LocalDate paidUntil) {
    return named.query(
        """
        select p.case_id, p.paid_on, p.amount - p.unallocated
        from payment p join collection_case c on c.id = p.case_id
        where %s and p.paid_on >= :from and p.paid_on <= :paidUntil and p.amount > p.unallocated
        """
            .formatted(PORTFOLIO),
        new MapSqlParameterSource(period.getValues())
            .addValue("paidUntil", Date.valueOf(paidUntil)),
        (rs, i) ->
            new Payment(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)));
  }

  /**
   * Principal allocated by the payments of the period, grouped by invoice due date and payment
   * date.
   */
  List<PrincipalPaid> principalPaid(MapSqlParameterSource period) {
    return named.query(
        """
        select i.due_date, p.paid_on, sum(a.principal)
        from payment_allocation a
        join payment p on p.id = a.payment_id
        join invoice i on i.id = a.invoice_id
        join collection_case c on c.id = p.case_id
        where %s and p.paid_on >= :from and p.paid_on <= :to and a.principal > 0
        group by i.due_date, p.paid_on
        """
            .formatted(PORTFOLIO),
        period,
        (rs, i) ->
            new PrincipalPaid(
                rs.getObject(1, LocalDate.class),
                rs.getObject(2, LocalDate.class),
                rs.getBigDecimal(3)));
  }

  /**
   * Cases of the portfolio that were in a legal phase by the end of the period: a legal-phase event
   * on or before the last day, or a legal status entered before its end ({@code case_phase}); a
   * legal status with no recorded phase change (data from before phases were recorded) counts as it
   * stands today.
   */
  int litigatedCases(
      MapSqlParameterSource period,
      Collection<String> legalStatuses,
      Collection<String> legalEvents) {
    Integer n =
        named.queryForObject(
            """
            select count(*) from collection_case c
            where %s
              and (exists (select 1 from case_phase p where p.case_id = c.id and p.status in (:statuses) and p.changed_at < :end)
                   or (c.status in (:statuses)
                       and not exists (select 1 from case_phase p where p.case_id = c.id and p.status = c.status))
                   or exists (select 1 from legal_event e where e.case_id = c.id and e.type in (:events) and e.occurred_on <= :to))
            """
                .formatted(PORTFOLIO),
            new MapSqlParameterSource(period.getValues())
                .addValue("statuses", legalStatuses)
                .addValue("events", legalEvents),
            Integer.class);
    return n == null ? 0 : n;
  }

  /**
   * The actions on the portfolio's cases between two days (inclusive), with their cost:
   * communications delivered (status SENT) and phone calls (whatever their outcome, stored in the
   * status), dated by when they were sent in Europe/Paris; and fees ({@code case_cost}) dated by
   * when they were incurred, except REGISTERED_LETTER rows, already costed by their communication.
   */
  List<Action> actions(
      MapSqlParameterSource period, LocalDate first, LocalDate last, UnitCosts costs) {
    MapSqlParameterSource params =
        new MapSqlParameterSource(period.getValues())
            .addValue("firstDay", Date.valueOf(first))
            .addValue("lastDay", Date.valueOf(last))
            .addValue("firstAt", Timestamp.from(startOf(first)))
            .addValue("lastAt", Timestamp.from(startOf(last.plusDays(1))));
    List<Action> actions = new ArrayList<>();
    named.query(
        """
        select m.id, m.case_id, m.channel, m.template, coalesce(m.sent_at, m.created_at) as at
        from communication m join collection_case c on c.id = m.case_id
        where %s
          and (m.status = 'SENT' or m.channel = 'PHONE_CALL')
          and coalesce(m.sent_at, m.created_at) >= :firstAt and coalesce(m.sent_at, m.created_at) < :lastAt
        """
            .formatted(PORTFOLIO),
        params,
        rs -> {
          Instant at = rs.getTimestamp("at").toInstant();
          String channel =
              KpiChannels.ofCommunication(rs.getString("channel"), rs.getString("template"));
          actions.add(
              new Action(
                  rs.getLong("case_id"),
                  channel,
                  LocalDate.ofInstant(at, CaseClock.PARIS),
                  at,
                  rs.getLong("id"),
                  costs.of(channel)));
        });
    // the debtor's own steps on the portal: a payment that follows one is "recovered after" the
    // portal
    named.query(
        """
        select a.id, a.case_id, a.acted_at
        from portal_action a join collection_case c on c.id = a.case_id
        where %s and a.kind <> 'VISIT' and a.acted_at >= :firstAt and a.acted_at < :lastAt
        """
            .formatted(PORTFOLIO),
        params,
        rs -> {
          Instant at = rs.getTimestamp("acted_at").toInstant();
          actions.add(
              new Action(
                  rs.getLong("case_id"),
                  KpiChannels.PORTAL,
                  LocalDate.ofInstant(at, CaseClock.PARIS),
                  at,
                  rs.getLong("id"),
                  costs.of(KpiChannels.PORTAL)));
        });
    named.query(
        """
        select k.id, k.case_id, k.kind, k.amount, k.incurred_on, k.recorded_at
        from case_cost k join collection_case c on c.id = k.case_id
        where %s and k.kind <> 'REGISTERED_LETTER' and k.incurred_on >= :firstDay and k.incurred_on <= :lastDay
        """
            .formatted(PORTFOLIO),
        params,
        rs -> {
          actions.add(
              new Action(
                  rs.getLong("case_id"),
                  KpiChannels.ofCost(rs.getString("kind")),
                  rs.getObject("incurred_on", LocalDate.class),
                  rs.getTimestamp("recorded_at").toInstant(),
                  rs.getLong("id"),
                  rs.getBigDecimal("amount")));
        });
    return actions;
  }

  /**
   * Visits and steps on the debtor portal between two days (inclusive), on the portfolio's cases.
   */
  Kpis.Portal portal(MapSqlParameterSource period, LocalDate first, LocalDate last) {
    MapSqlParameterSource params =
        new MapSqlParameterSource(period.getValues())
            .addValue("firstAt", Timestamp.from(startOf(first)))
            .addValue("lastAt", Timestamp.from(startOf(last.plusDays(1))));
    Map<String, Long> counts = new HashMap<>();
    named.query(
        """
        select a.kind, count(*) as n from portal_action a join collection_case c on c.id = a.case_id
        where %s and a.acted_at >= :firstAt and a.acted_at < :lastAt
        group by a.kind
        """
            .formatted(PORTFOLIO),
        params,
        rs -> {
          counts.put(rs.getString("kind"), rs.getLong("n"));
        });
    return new Kpis.Portal(
        counts.getOrDefault("VISIT", 0L),
        counts.getOrDefault("PROMISE", 0L),
        counts.getOrDefault("PLAN", 0L),
        counts.getOrDefault("DISPUTE", 0L),
        counts.getOrDefault("CALLBACK", 0L),
        counts.getOrDefault("PAYMENT", 0L));
  }
}

package fr.recouvrement.plan;

import fr.recouvrement.cases.CaseUpdates;
import fr.recouvrement.kernel.time.CaseClock;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code payment_plan} and {@code plan_instalment} tables. */
@Repository
class PlanRepository {
  private final JdbcTemplate jdbc;

  private final CaseUpdates cases;

  PlanRepository(JdbcTemplate jdbc, CaseUpdates cases) {
    this.jdbc = jdbc;
    this.cases = cases;
  }

  record Plan(
      long id,
      String caseReference,
      String status,
      LocalDate startedOn,
      BigDecimal total,
      int lines) {}

  Optional<Long> findByProcess(String processInstanceId) {
    return jdbc
        .queryForList(
            "select id from payment_plan where process_instance_id = ?",
            Long.class,
            processInstanceId)
        .stream()
        .findFirst();
  }

  /** Records the plan and its instalments; answers the plan's id. */
  long create(
      String caseReference,
      String processInstanceId,
      Frequency frequency,
      int instalmentCount,
      BigDecimal downPayment,
      Schedule schedule,
      LocalDate startedOn,
      String negotiatedBy,
      String approvedBy) {
    int inserted =
        jdbc.update(
            "insert into payment_plan (case_id, process_instance_id, status, frequency, instalment_count, down_payment, total,"
                + " started_on, negotiated_by, approved_by, created_at)"
                + " select id, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ? from collection_case where reference = ?",
            processInstanceId,
            frequency.name(),
            instalmentCount,
            downPayment,
            schedule.total(),
            Date.valueOf(startedOn),
            negotiatedBy,
            approvedBy,
            Timestamp.from(CaseClock.now()),
            caseReference);
    if (inserted != 1) {
      throw new IllegalStateException("No case " + caseReference + " to record a payment plan on");
    }
    long planId = findByProcess(processInstanceId).orElseThrow();
    jdbc.batchUpdate(
        "insert into plan_instalment (plan_id, number, kind, due_on, amount, status) values (?, ?, ?, ?, ?, 'DUE')",
        schedule.instalments(),
        100,
        (ps, i) -> {
          ps.setLong(1, planId);
          ps.setInt(2, i.number());
          ps.setString(3, i.kind().name());
          ps.setDate(4, Date.valueOf(i.due()));
          ps.setBigDecimal(5, i.amount());
        });
    return planId;
  }

  /** A signed plan acknowledges the debt (C. civ. 2240): prescription restarts from that day. */
  void recordAcknowledgement(String caseReference, LocalDate on) {
    cases.recordAcknowledgement(caseReference, on);
  }

  Plan plan(long planId) {
    return jdbc.queryForObject(
        "select p.id, c.reference, p.status, p.started_on, p.total,"
            + " (select count(*) from plan_instalment i where i.plan_id = p.id) as line_count"
            + " from payment_plan p join collection_case c on c.id = p.case_id where p.id = ?",
        (rs, row) ->
            new Plan(
                rs.getLong("id"),
                rs.getString("reference"),
                rs.getString("status"),
                rs.getDate("started_on").toLocalDate(),
                rs.getBigDecimal("total"),
                rs.getInt("line_count")),
        planId);
  }

  List<Schedule.Instalment> instalments(long planId) {
    return jdbc.query(
        "select number, kind, due_on, amount from plan_instalment where plan_id = ? order by number",
        (rs, row) ->
            new Schedule.Instalment(
                rs.getInt("number"),
                Schedule.Kind.valueOf(rs.getString("kind")),
                rs.getDate("due_on").toLocalDate(),
                rs.getBigDecimal("amount")),
        planId);
  }

  /**
   * What the payments received since the plan started bring to it (the part allocated to the debt).
   */
  BigDecimal paidSinceStart(long planId) {
    BigDecimal paid =
        jdbc.queryForObject(
            "select coalesce(sum(pay.amount - pay.unallocated), 0) from payment pay"
                + " join payment_plan p on p.case_id = pay.case_id where p.id = ? and pay.paid_on >= p.started_on",
            BigDecimal.class,
            planId);
    return paid == null ? BigDecimal.ZERO : paid;
  }

  /**
   * Payments allocate to instalments in order: every instalment whose cumulative amount is covered
   * is PAID.
   */
  void markCovered(long planId, BigDecimal paid) {
    BigDecimal cumulative = BigDecimal.ZERO;
    for (Schedule.Instalment i : instalments(planId)) {
      cumulative = cumulative.add(i.amount());
      if (cumulative.compareTo(paid) > 0) {
        return;
      }
      jdbc.update(
          "update plan_instalment set status = 'PAID' where plan_id = ? and number = ?",
          planId,
          i.number());
    }
  }

  void close(long planId, String status, LocalDate on) {
    jdbc.update(
        "update payment_plan set status = ?, closed_on = ? where id = ? and status = 'ACTIVE'",
        status,
        Date.valueOf(on),
        planId);
  }

  String instalmentStatus(long planId, int number) {
    return jdbc.queryForObject(
        "select status from plan_instalment where plan_id = ? and number = ?",
        String.class,
        planId,
        number);
  }
}

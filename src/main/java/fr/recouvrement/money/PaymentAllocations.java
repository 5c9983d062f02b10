package fr.recouvrement.money;

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

/** The {@code payment_allocation} rows: what each payment paid on each invoice, by kind. */
@Repository
public class PaymentAllocations {
  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  PaymentAllocations(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  public void record(long paymentId, Allocation allocation) {
    List<Object[]> rows = new ArrayList<>();
    for (Allocation.Part part : allocation.parts()) {
      rows.add(
          new Object[] {
            paymentId,
            part.invoiceId(),
            part.principal(),
            part.penalty(),
            part.indemnity(),
            part.interest(),
            allocation.ratesVersion()
          });
    }
    jdbc.batchUpdate(
        """
        insert into payment_allocation (payment_id, invoice_id, principal, penalty, indemnity, interest, rates_version)
        values (?, ?, ?, ?, ?, ?, ?)
        """,
        rows);
  }

  /**
   * The settlements of every invoice of these cases, by invoice id, dated by their payment. One
   * query.
   */
  public Map<Long, List<Settlement>> settlementsOfCases(Collection<Long> caseIds) {
    Map<Long, List<Settlement>> byInvoice = new HashMap<>();
    if (caseIds.isEmpty()) {
      return byInvoice;
    }
    named.query(
        """
        select a.invoice_id, p.paid_on, a.principal, a.penalty, a.indemnity, a.interest
        from payment p join payment_allocation a on a.payment_id = p.id
        where p.case_id in (:caseIds)
        """,
        new MapSqlParameterSource("caseIds", caseIds),
        rs -> {
          byInvoice
              .computeIfAbsent(rs.getLong("invoice_id"), id -> new ArrayList<>())
              .add(
                  new Settlement(
                      rs.getObject("paid_on", LocalDate.class),
                      rs.getBigDecimal("principal"),
                      rs.getBigDecimal("penalty"),
                      rs.getBigDecimal("indemnity"),
                      rs.getBigDecimal("interest")));
        });
    return byInvoice;
  }
}

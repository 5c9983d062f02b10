package fr.recouvrement.money;

import fr.recouvrement.kernel.time.CaseClock;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What collecting a case cost the creditor: bailiff fees, registered letters, court fees. Kept
 * apart from what the debtor owes (CPCE L111-8: collection costs before a title stay with the
 * creditor); the cost KPIs read them.
 */
@Repository
public class CaseCosts {
  public record Cost(String kind, BigDecimal amount, LocalDate incurredOn, String reference) {}

  private final JdbcTemplate jdbc;

  CaseCosts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a cost once: the same kind and reference on a case (a replayed bailiff report, a
   * retried letter) is not counted twice.
   *
   * @return whether it was new
   */
  public boolean record(
      long caseId,
      String kind,
      BigDecimal amount,
      LocalDate incurredOn,
      String reference,
      String actor) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("A cost cannot be negative: " + amount);
    }
    Integer known =
        jdbc.queryForObject(
            "select count(*) from case_cost where case_id = ? and kind = ? and reference = ?",
            Integer.class,
            caseId,
            kind,
            reference);
    if (known != null && known > 0) {
      return false;
    }
    jdbc.update(
        "insert into case_cost (case_id, kind, amount, incurred_on, reference, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?)",
        caseId,
        kind,
        amount,
        Date.valueOf(incurredOn),
        reference,
        Timestamp.from(CaseClock.now()),
        actor);
    return true;
  }

  public List<Cost> of(long caseId) {
    return jdbc.query(
        "select kind, amount, incurred_on, reference from case_cost where case_id = ? order by incurred_on, id",
        (rs, i) ->
            new Cost(
                rs.getString(1),
                rs.getBigDecimal(2),
                rs.getObject(3, LocalDate.class),
                rs.getString(4)),
        caseId);
  }
}

package fr.recouvrement.legal;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case row locked until the transaction ends, with what a legal proceeding decides on (its
 * status, its process, the debtor's type): read alike by the procédure collective and the
 * over-indebtedness file. The case row alone is locked ({@code for update} on one table), the
 * debtor's type read apart.
 */
public record LockedCase(
    long id, String reference, String status, String processInstanceId, String debtorType) {

  public static Optional<LockedCase> lock(JdbcTemplate jdbc, String reference) {
    return jdbc
        .query(
            "select id, reference, status, process_instance_id, debtor_id from collection_case where reference = ? for update",
            (rs, n) ->
                new LockedCase(
                    rs.getLong("id"),
                    rs.getString("reference"),
                    rs.getString("status"),
                    rs.getString("process_instance_id"),
                    jdbc.queryForObject(
                        "select type from debtor where id = ?",
                        String.class,
                        rs.getLong("debtor_id"))),
            reference)
        .stream()
        .findFirst();
  }
}

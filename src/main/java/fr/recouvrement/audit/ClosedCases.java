package fr.recouvrement.audit;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Closed cases (paid, written off) for the auditors' search: Cockpit lists running process
 * instances only, so a closed case is found here, by its reference or its debtor's name, newest
 * closing first, a page at a time in the database.
 */
@Service
public class ClosedCases {
  static final List<String> CLOSED = List.of("PAID", "WRITTEN_OFF");

  private final JdbcTemplate jdbc;

  ClosedCases(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record Found(
      String reference,
      String debtorName,
      String status,
      Instant openedAt,
      Instant closedAt,
      String closingReason,
      BigDecimal principal) {}

  public record Page(List<Found> items, int page, int size, long total) {}

  /**
   * @param query part of the reference or of the debtor's name, any case; blank for all
   * @param status PAID or WRITTEN_OFF, or null for both
   */
  public Page search(String query, String status, int page, int size) {
    StringBuilder where = new StringBuilder(" where c.status in (?, ?)");
    List<Object> args = new ArrayList<>(CLOSED);
    if (status != null) {
      where = new StringBuilder(" where c.status = ?");
      args = new ArrayList<>(List.of(status));
    }
    if (query != null && !query.isBlank()) {
      String like =
          "%"
              + query
                  .trim()
                  .toLowerCase(Locale.ROOT)
                  .replace("\\", "\\\\")
                  .replace("%", "\\%")
                  .replace("_", "\\_")
              + "%";
      where.append(
          " and (lower(c.reference) like ? escape '\\' or lower(d.name) like ? escape '\\')");
      args.add(like);
      args.add(like);
    }
    String from = " from collection_case c join debtor d on d.id = c.debtor_id";
    Long total = jdbc.queryForObject("select count(*)" + from + where, Long.class, args.toArray());
    List<Object> paged = new ArrayList<>(args);
    paged.add(size);
    paged.add((long) page * size);
    List<Found> items =
        jdbc.query(
            "select c.reference, d.name, c.status, c.opened_at, c.closed_at, c.closing_reason,"
                + " (select coalesce(sum(i.amount), 0) from invoice i where i.case_id = c.id)"
                + from
                + where
                + " order by c.closed_at desc, c.id desc limit ? offset ?",
            (rs, n) ->
                new Found(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    instant(rs.getTimestamp(4)),
                    instant(rs.getTimestamp(5)),
                    rs.getString(6),
                    rs.getBigDecimal(7)),
            paged.toArray());
    return new Page(items, page, size, total == null ? 0 : total);
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}

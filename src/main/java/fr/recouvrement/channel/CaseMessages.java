package fr.recouvrement.channel;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the debtor was sent, newest first, as a collector needs it before a call: the channel, when,
 * and whether it went out (the {@code communication} table is this package's).
 */
@Component
public class CaseMessages {
  private final JdbcTemplate jdbc;

  CaseMessages(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One message: {@code status} a {@link CommunicationStatus} name, {@code sentAt} null while not
   * sent, {@code acknowledgement} what the acknowledgement of receipt of a registered letter said.
   */
  public record Sent(
      long id,
      String channel,
      String template,
      String status,
      Instant createdAt,
      Instant sentAt,
      String acknowledgement,
      LocalDate acknowledgedOn) {}

  /** The case's last {@code limit} messages, newest first. */
  public List<Sent> latest(String caseReference, int limit) {
    return jdbc.query(
        "select m.id, m.channel, m.template, m.status, m.created_at, m.sent_at, m.acknowledgement, m.acknowledged_on"
            + " from communication m join collection_case c on c.id = m.case_id where c.reference = ?"
            + " order by m.created_at desc, m.id desc",
        ps -> {
          ps.setString(1, caseReference);
          ps.setMaxRows(limit);
        },
        (rs, n) ->
            new Sent(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                instant(rs.getTimestamp(5)),
                instant(rs.getTimestamp(6)),
                rs.getString(7),
                rs.getObject(8, LocalDate.class)));
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}

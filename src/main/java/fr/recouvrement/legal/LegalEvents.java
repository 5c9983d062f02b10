package fr.recouvrement.legal;

import fr.recouvrement.kernel.time.CaseClock;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The legal events of a case (formal notice, court claim, title, enforcement measure, insolvency,
 * write-off). Delegates record them; the prescription service and the timeline read them.
 */
@Repository
public class LegalEvents {
  public record LegalEvent(
      long id,
      long caseId,
      LegalEventType type,
      LocalDate occurredOn,
      LocalDate endsOn,
      String details,
      Instant recordedAt,
      String recordedBy) {}

  private static final RowMapper<LegalEvent> ROW =
      (rs, i) ->
          new LegalEvent(
              rs.getLong("id"),
              rs.getLong("case_id"),
              LegalEventType.valueOf(rs.getString("type")),
              rs.getObject("occurred_on", LocalDate.class),
              rs.getObject("ends_on", LocalDate.class),
              rs.getString("details"),
              rs.getTimestamp("recorded_at").toInstant(),
              rs.getString("recorded_by"));

  private final JdbcTemplate jdbc;
  private volatile Consumer<Long> onChange = caseId -> {};

  LegalEvents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The prescription service listens, to recompute the case's prescription date. */
  public void onChange(Consumer<Long> listener) {
    this.onChange = listener;
  }

  public long caseId(String reference) {
    return jdbc
        .queryForList("select id from collection_case where reference = ?", Long.class, reference)
        .stream()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No case " + reference));
  }

  public long record(
      String caseReference,
      LegalEventType type,
      LocalDate occurredOn,
      String details,
      String actor) {
    return record(caseId(caseReference), type, occurredOn, null, details, actor);
  }

  public long record(
      long caseId,
      LegalEventType type,
      LocalDate occurredOn,
      LocalDate endsOn,
      String details,
      String actor) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement ps =
              connection.prepareStatement(
                  "insert into legal_event (case_id, type, occurred_on, ends_on, details, recorded_at, recorded_by)"
                      + " values (?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setLong(1, caseId);
          ps.setString(2, type.name());
          ps.setDate(3, Date.valueOf(occurredOn));
          ps.setDate(4, endsOn == null ? null : Date.valueOf(endsOn));
          ps.setString(5, details);
          ps.setTimestamp(6, Timestamp.from(CaseClock.now()));
          ps.setString(7, actor);
          return ps;
        },
        keys);
    long id = keys.getKey().longValue();
    onChange.accept(caseId);
    return id;
  }

  /** Ends a running suspension (a small-claims agreement whose procedure is over). */
  public void endSuspension(long caseId, LegalEventType type, LocalDate endsOn) {
    jdbc.update(
        "update legal_event set ends_on = ? where case_id = ? and type = ? and ends_on is null",
        Date.valueOf(endsOn),
        caseId,
        type.name());
    onChange.accept(caseId);
  }

  public List<LegalEvent> of(long caseId) {
    return jdbc.query(
        "select * from legal_event where case_id = ? order by occurred_on, id", ROW, caseId);
  }

  public Optional<LegalEvent> last(long caseId, LegalEventType type) {
    return jdbc
        .query(
            "select * from legal_event where case_id = ? and type = ? order by occurred_on desc, id desc",
            ROW,
            caseId,
            type.name())
        .stream()
        .findFirst();
  }
}

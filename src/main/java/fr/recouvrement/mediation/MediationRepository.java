package fr.recouvrement.mediation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Plain SQL on the mediation table. */
@Repository
class MediationRepository {
  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  MediationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  Optional<Long> caseId(String reference) {
    return jdbc
        .queryForList("select id from collection_case where reference = ?", Long.class, reference)
        .stream()
        .findFirst();
  }

  Optional<Long> caseOf(long mediationId) {
    return jdbc
        .queryForList("select case_id from mediation where id = ?", Long.class, mediationId)
        .stream()
        .findFirst();
  }

  Optional<Long> findByProcessInstance(String processInstanceId) {
    return jdbc
        .queryForList(
            "select id from mediation where process_instance_id = ?", Long.class, processInstanceId)
        .stream()
        .findFirst();
  }

  long insert(
      long caseId,
      String kind,
      String name,
      String reference,
      LocalDate referredOn,
      LocalDate startedOn,
      String processInstanceId,
      String by,
      Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    named.update(
        """
        insert into mediation (case_id, mediator_kind, mediator_name, mediator_reference, referred_on, started_on,
                               process_instance_id, recorded_at, recorded_by)
        values (:caseId, :kind, :name, :reference, :referredOn, :startedOn, :pi, :now, :by)
        """,
        new MapSqlParameterSource()
            .addValue("caseId", caseId)
            .addValue("kind", kind)
            .addValue("name", name)
            .addValue("reference", reference)
            .addValue("referredOn", referredOn)
            .addValue("startedOn", startedOn)
            .addValue("pi", processInstanceId)
            .addValue("now", Timestamp.from(now))
            .addValue("by", by),
        keys,
        new String[] {"id"});
    return keys.getKey().longValue();
  }

  /**
   * A mediation the consumer referred: the dates C. civ. 2238 reads, and the suspension's start.
   */
  long insertConsumerReferral(
      long caseId,
      String name,
      String reference,
      LocalDate referredOn,
      LocalDate agreedOn,
      LocalDate firstMeetingOn,
      LocalDate startedOn,
      String processInstanceId,
      String by,
      Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    named.update(
        """
        insert into mediation (case_id, mediator_kind, mediator_name, mediator_reference, referred_on, started_on,
                               referred_by, creditor_agreed_on, first_meeting_on, process_instance_id, recorded_at, recorded_by)
        values (:caseId, 'CONSUMER_MEDIATOR', :name, :reference, :referredOn, :startedOn,
                'CONSUMER', :agreedOn, :firstMeetingOn, :pi, :now, :by)
        """,
        new MapSqlParameterSource()
            .addValue("caseId", caseId)
            .addValue("name", name)
            .addValue("reference", reference)
            .addValue("referredOn", referredOn)
            .addValue("startedOn", startedOn)
            .addValue("agreedOn", agreedOn)
            .addValue("firstMeetingOn", firstMeetingOn)
            .addValue("pi", processInstanceId)
            .addValue("now", Timestamp.from(now))
            .addValue("by", by),
        keys,
        new String[] {"id"});
    return keys.getKey().longValue();
  }

  void end(long id, LocalDate endedOn, String outcome) {
    jdbc.update(
        "update mediation set ended_on = ?, outcome = ? where id = ? and ended_on is null",
        endedOn,
        outcome,
        id);
  }

  Optional<MediationService.Mediation> find(long id) {
    return jdbc
        .query(
            "select * from mediation where id = ?",
            (rs, n) ->
                new MediationService.Mediation(
                    rs.getLong("id"),
                    rs.getString("mediator_kind"),
                    rs.getString("mediator_name"),
                    rs.getObject("started_on", LocalDate.class),
                    rs.getObject("ended_on", LocalDate.class),
                    rs.getString("outcome"),
                    rs.getString("referred_by"),
                    rs.getObject("referred_on", LocalDate.class),
                    rs.getObject("creditor_agreed_on", LocalDate.class),
                    rs.getObject("first_meeting_on", LocalDate.class)),
            id)
        .stream()
        .findFirst();
  }
}

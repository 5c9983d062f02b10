package fr.recouvrement.legal.insolvency;

import fr.recouvrement.cases.CollectiveProceedings;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The opening judgments recorded on cases, as the case's money rules ask for them. */
@Component
class InsolvencyJudgments implements CollectiveProceedings {
  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  InsolvencyJudgments(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  @Override
  public Optional<LocalDate> openingJudgment(long caseId) {
    return jdbc.queryForList("select judgment_date from insolvency where case_id = ?", LocalDate.class, caseId).stream().findFirst();
  }

  @Override
  public Optional<LocalDate> debtorOpeningJudgment(long caseId) {
    return jdbc.queryForList(
            "select min(i.judgment_date) from insolvency i join collection_case c on c.id = i.case_id"
                + " where c.debtor_id = (select debtor_id from collection_case where id = ?)",
            LocalDate.class, caseId)
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  @Override
  public Map<Long, LocalDate> openingJudgments(Collection<Long> caseIds) {
    Map<Long, LocalDate> judgments = new HashMap<>();
    if (caseIds.isEmpty()) {
      return judgments;
    }
    named.query(
        "select case_id, judgment_date from insolvency where case_id in (:ids)",
        new MapSqlParameterSource("ids", caseIds),
        rs -> {
          judgments.put(rs.getLong("case_id"), rs.getObject("judgment_date", LocalDate.class));
        });
    return judgments;
  }
}

package fr.recouvrement.legal.insolvency;

import fr.recouvrement.cases.CollectiveProceedings;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.LegalDeadlines;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.legal.LegalRule;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The opening judgments recorded on cases, as the case's money rules and intake ask for them. */
@Component
class InsolvencyJudgments implements CollectiveProceedings {
  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final InsolvencyRepository repository;
  private final LegalEvents legalEvents;
  private final RuntimeService runtimeService;
  private final LegalDeadlines legalDeadlines;

  InsolvencyJudgments(
      JdbcTemplate jdbc,
      InsolvencyRepository repository,
      LegalEvents legalEvents,
      RuntimeService runtimeService,
      LegalDeadlines legalDeadlines) {
    this.legalDeadlines = legalDeadlines;
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.repository = repository;
    this.legalEvents = legalEvents;
    this.runtimeService = runtimeService;
  }

  @Override
  public void extendToLaterCase(
      long newCaseId, String newReference, String processInstanceId, String actor) {
    String declared =
        jdbc
            .queryForList(
                "select c.reference from insolvency i join collection_case c on c.id = i.case_id"
                    + " where c.debtor_id = (select debtor_id from collection_case where id = ?) order by i.judgment_date, i.id",
                String.class,
                newCaseId)
            .stream()
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("No insolvency to extend to case " + newReference));
    InsolvencyView first = repository.find(declared).orElseThrow();
    repository.insert(
        newCaseId,
        first.procedure(),
        first.judgmentDate(),
        first.publicationDate(),
        first.overseas(),
        first.claimDeadline(),
        first.reliefDeadline() != null
            ? first.reliefDeadline()
            : legalDeadlines
                .find(LegalRule.RELEVE_DE_FORCLUSION, first.publicationDate())
                .endFrom(first.publicationDate()),
        CaseClock.now(),
        actor);
    legalEvents.record(
        newCaseId,
        LegalEventType.INSOLVENCY_OPENED,
        first.judgmentDate(),
        null,
        "%s du %s (dossier %s) : factures reçues après le jugement mais nées avant lui, à déclarer"
            .formatted(first.procedure().label(), first.judgmentDate(), declared),
        actor);
    runtimeService
        .createMessageCorrelation(InsolvencyService.MESSAGE_INSOLVENCY_OPENED)
        .processInstanceId(processInstanceId)
        .setVariable("insolvencyProcedure", first.procedure().name())
        .setVariable("publicationDate", first.publicationDate().toString())
        .setVariable("claimDeadline", first.claimDeadline().toString())
        .correlateWithResult();
  }

  @Override
  public Optional<LocalDate> openingJudgment(long caseId) {
    return jdbc
        .queryForList(
            "select judgment_date from insolvency where case_id = ?", LocalDate.class, caseId)
        .stream()
        .findFirst();
  }

  @Override
  public Optional<LocalDate> debtorOpeningJudgment(long caseId) {
    return jdbc
        .queryForList(
            "select min(i.judgment_date) from insolvency i join collection_case c on c.id = i.case_id"
                + " where c.debtor_id = (select debtor_id from collection_case where id = ?)",
            LocalDate.class,
            caseId)
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

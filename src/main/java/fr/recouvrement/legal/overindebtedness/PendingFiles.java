package fr.recouvrement.legal.overindebtedness;

import fr.recouvrement.cases.OverIndebtednessFiles;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The over-indebtedness files still waiting for the commission, as the case's payments ask for
 * them.
 */
@Component
class PendingFiles implements OverIndebtednessFiles {
  private final JdbcTemplate jdbc;

  PendingFiles(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<LocalDate> pendingAdmissibility(long caseId) {
    return jdbc
        .queryForList(
            "select admissibility_date from over_indebtedness where case_id = ? and outcome is null",
            LocalDate.class,
            caseId)
        .stream()
        .findFirst();
  }
}

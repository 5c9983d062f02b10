package fr.recouvrement.legal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.IntegrationTest;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The deployed legal-deadlines table, as the models and Java read it. */
@IntegrationTest
class LegalDeadlinesIntegrationTest {
  @Autowired LegalDeadlines legalDeadlines;

  @Test
  void theDeployedTableGivesTheDatedPeriodItsArticleAndTheVersionThatSaidSo() {
    LegalPeriod recent =
        legalDeadlines.find(LegalRule.ORDER_TO_PAY_SERVICE, LocalDate.of(2026, 9, 2));
    assertThat(recent.period()).isEqualTo(Period.ofMonths(3));
    assertThat(recent.source()).contains("2026-96");
    assertThat(recent.decisionVersion()).startsWith(LegalDeadlines.DECISION_KEY + ":");
    assertThat(recent.endFrom(LocalDate.of(2026, 9, 2))).isEqualTo(LocalDate.of(2026, 12, 2));
    assertThat(legalDeadlines.period("ORDER_TO_PAY_SERVICE", "2026-08-31")).isEqualTo("P6M");
    assertThat(legalDeadlines.period("ORDER_TO_PAY_OPPOSITION", "2026-09-02", "ETRANGER"))
        .isEqualTo("P3M");
    assertThat(legalDeadlines.source("PROOF_OF_CLAIM", "2026-06-02", "OUTRE_MER"))
        .contains("R622-24");
  }
}

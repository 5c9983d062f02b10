package fr.recouvrement.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.DecisionTables;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/** processes/decisions/legal-deadlines.dmn: each legal period, dated by the act it applies to. */
class LegalDeadlinesTableTest {
  static final DecisionTables TABLE = DecisionTables.load(LegalDeadlines.DECISION_KEY);

  static String period(LegalRule rule, Residence residence, LocalDate actDate) {
    DmnDecisionResultEntries row =
        TABLE.evaluate(
            Map.of("rule", rule.name(), "residence", residence.name(), "actDate", actDate));
    assertThat(row).as("a row for %s %s %s", rule, residence, actDate).isNotNull();
    assertThat((String) row.getEntry("source")).isNotBlank();
    return (String) row.getEntry("period");
  }

  @Test
  void
      anOrderToPayMadeFromFirstSeptember2026MustBeServedWithinThreeMonthsAndOneMadeBeforeWithinSix() {
    assertThat(
            period(LegalRule.ORDER_TO_PAY_SERVICE, Residence.METROPOLE, LocalDate.of(2026, 8, 31)))
        .isEqualTo("P6M");
    assertThat(
            period(LegalRule.ORDER_TO_PAY_SERVICE, Residence.METROPOLE, LocalDate.of(2026, 9, 1)))
        .isEqualTo("P3M");
    assertThat(period(LegalRule.ORDER_TO_PAY_SERVICE, Residence.ETRANGER, LocalDate.of(2026, 9, 2)))
        .isEqualTo("P3M");
  }

  @Test
  void
      theWaitBeforeEnforcingAnOrderToPayDependsOnTheOrdersDateAndUnderTheOldLawOnWhereTheDebtorLives() {
    LocalDate old = LocalDate.of(2026, 8, 31);
    LocalDate recent = LocalDate.of(2026, 9, 2);
    assertThat(period(LegalRule.ORDER_TO_PAY_ENFORCEMENT_WAIT, Residence.METROPOLE, old))
        .isEqualTo("P1M");
    assertThat(period(LegalRule.ORDER_TO_PAY_ENFORCEMENT_WAIT, Residence.OUTRE_MER, old))
        .isEqualTo("P2M");
    assertThat(period(LegalRule.ORDER_TO_PAY_ENFORCEMENT_WAIT, Residence.ETRANGER, old))
        .isEqualTo("P3M");
    assertThat(period(LegalRule.ORDER_TO_PAY_ENFORCEMENT_WAIT, Residence.METROPOLE, recent))
        .isEqualTo("P2M");
    assertThat(period(LegalRule.ORDER_TO_PAY_ENFORCEMENT_WAIT, Residence.ETRANGER, recent))
        .isEqualTo("P2M");
  }

  @Test
  void theOppositionPeriodGrowsByOneMonthOverseasAndTwoAbroad() {
    LocalDate any = LocalDate.of(2026, 9, 2);
    assertThat(period(LegalRule.ORDER_TO_PAY_OPPOSITION, Residence.METROPOLE, any))
        .isEqualTo("P1M");
    assertThat(period(LegalRule.ORDER_TO_PAY_OPPOSITION, Residence.OUTRE_MER, any))
        .isEqualTo("P2M");
    assertThat(period(LegalRule.ORDER_TO_PAY_OPPOSITION, Residence.ETRANGER, any)).isEqualTo("P3M");
  }

  @Test
  void insolvencyPrescriptionAndNoticePeriods() {
    LocalDate any = LocalDate.of(2026, 6, 2);
    assertThat(period(LegalRule.PROOF_OF_CLAIM, Residence.METROPOLE, any)).isEqualTo("P2M");
    assertThat(period(LegalRule.PROOF_OF_CLAIM, Residence.OUTRE_MER, any)).isEqualTo("P4M");
    assertThat(period(LegalRule.PROOF_OF_CLAIM, Residence.ETRANGER, any)).isEqualTo("P4M");
    assertThat(period(LegalRule.RELEVE_DE_FORCLUSION, Residence.METROPOLE, any)).isEqualTo("P6M");
    assertThat(period(LegalRule.PRESCRIPTION_CONSUMER, Residence.METROPOLE, any)).isEqualTo("P2Y");
    assertThat(period(LegalRule.PRESCRIPTION_DEFAULT, Residence.METROPOLE, any)).isEqualTo("P5Y");
    assertThat(period(LegalRule.PRESCRIPTION_TITLE, Residence.METROPOLE, any)).isEqualTo("P10Y");
    assertThat(period(LegalRule.PRESCRIPTION_MINIMUM_AFTER_SUSPENSION, Residence.METROPOLE, any))
        .isEqualTo("P6M");
    assertThat(period(LegalRule.FORMAL_NOTICE_MINIMUM, Residence.METROPOLE, any)).isEqualTo("P8D");
    assertThat(period(LegalRule.FORMAL_NOTICE_USUAL, Residence.METROPOLE, any)).isEqualTo("P15D");
    assertThat(period(LegalRule.SMALL_CLAIMS_ANSWER, Residence.METROPOLE, any)).isEqualTo("P1M");
    assertThat(period(LegalRule.OPPOSITION_AFTER_PERSONAL_ACT, Residence.METROPOLE, any))
        .isEqualTo("P1M");
  }

  @Test
  void everyRuleCodeHasARowEveryRowCitesItsArticleAndNoTwoRowsOverlap() {
    // UNIQUE hit policy: an overlap would fail the evaluation, a gap would be a missing period
    for (LegalRule rule : LegalRule.values()) {
      for (Residence residence : Residence.values()) {
        for (LocalDate day :
            new LocalDate[] {
              LocalDate.of(2020, 1, 1),
              LocalDate.of(2026, 8, 31),
              LocalDate.of(2026, 9, 1),
              LocalDate.of(2030, 1, 1)
            }) {
          assertThat(period(rule, residence, day)).matches("P\\d+[DMY]");
        }
      }
    }
    DmnModelInstance model =
        Dmn.readModelFromStream(
            getClass()
                .getClassLoader()
                .getResourceAsStream("processes/decisions/legal-deadlines.dmn"));
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      assertThat(rule.getDescription()).as("annotation of %s", rule.getId()).isNotNull();
      assertThat(rule.getDescription().getTextContent())
          .as("annotation of %s", rule.getId())
          .matches("(?s).*(CPC|CPCE|C\\. com\\.|C\\. civ\\.|C\\. consom\\.|décret).*");
    }
  }

  @Test
  void aDebtorsResidenceIsReadFromTheCountryAndThePostalCode() {
    assertThat(Residence.of("FR", "67000")).isEqualTo(Residence.METROPOLE);
    assertThat(Residence.of(null, "75011")).isEqualTo(Residence.METROPOLE);
    assertThat(Residence.of("FR", "97110")).isEqualTo(Residence.OUTRE_MER);
    assertThat(Residence.of("GP", "97110")).isEqualTo(Residence.OUTRE_MER);
    assertThat(Residence.of("fr", "97600")).isEqualTo(Residence.OUTRE_MER);
    assertThat(Residence.of("BE", "1000")).isEqualTo(Residence.ETRANGER);
    assertThat(Residence.of("MC", "98000")).isEqualTo(Residence.ETRANGER);
  }

  @Test
  void aMissingRowIsAnErrorThatNamesTheRuleNotAGuess() {
    assertThatThrownBy(
            () -> {
              throw new MissingLegalRuleException(
                  LegalRule.ORDER_TO_PAY_SERVICE, Residence.METROPOLE, LocalDate.of(2026, 9, 2), 3);
            })
        .hasMessageContaining("ORDER_TO_PAY_SERVICE")
        .hasMessageContaining("legal-deadlines.dmn");
  }
}

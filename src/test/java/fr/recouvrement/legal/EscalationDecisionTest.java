package fr.recouvrement.legal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.DecisionTables;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;

/**
 * processes/decisions/escalation.dmn: the escalation decision and what it requires, amicable-stage
 * and procedure-prospect, from the solvency signal and the legal cost given here (their own tables
 * are tested by SolvencySignalDecisionTest and LegalCostEstimateDecisionTest); the last test runs
 * the whole diagram from the case's facts.
 */
class EscalationDecisionTest {
  static final DecisionTables TABLE =
      DecisionTables.load("escalation").given("solvency-signal", "legal-cost-estimate");
  static final DecisionTables DIAGRAM = DecisionTables.load("escalation");

  /**
   * A B2B case whose amicable stage is over and whose legal route pays: 2,400 € at 80 % for 300 €.
   */
  static DmnDecisionResultEntries decide(Consumer<Map<String, Object>> change) {
    Map<String, Object> in = new HashMap<>();
    in.put("balance", 2400.0);
    in.put("debtorType", "BUSINESS");
    in.put("segment", "PONCTUEL");
    in.put("daysOverdue", 45);
    in.put("solvencySignal", "NONE");
    in.put("amicableSteps", 5);
    in.put("brokenPromises", 0);
    in.put("expectedLegalCost", 300.0);
    in.put("expectedRecoveryRate", 0.8);
    change.accept(in);
    DmnDecisionResultEntries result = TABLE.evaluate(in);
    assertThat((String) result.getEntry("reason")).isNotBlank();
    // empty = the usual period of legal-deadlines; a figure is the analyst's choice, never under
    // the minimum
    Integer days = days(result);
    assertThat(days == null || days >= 8).as("noticeDeadlineDays %s", days).isTrue();
    return result;
  }

  /**
   * The rule's deadline in days; null (an empty cell) leaves the usual period of legal-deadlines.
   */
  static Integer days(DmnDecisionResultEntries result) {
    return (Integer) result.getEntryMap().get("noticeDeadlineDays");
  }

  static String decision(Consumer<Map<String, Object>> change) {
    return decide(change).getEntry("decision");
  }

  @Test
  void aProfitableCaseWhoseAmicableStageIsOverGetsAFormalNoticeWithTheUsualDeadline() {
    DmnDecisionResultEntries result = decide(in -> {});
    assertThat((String) result.getEntry("decision")).isEqualTo("FORMAL_NOTICE");
    // no figure here: the formal notice takes the usual period from legal-deadlines
    // (FORMAL_NOTICE_USUAL)
    assertThat(days(result)).isNull();
    assertThat((String) decide(in -> in.put("debtorType", "CONSUMER")).getEntry("decision"))
        .isEqualTo("FORMAL_NOTICE");
  }

  @Test
  void aFragileBusinessGetsTheMinimumEightDaysButAConsumerKeepsTheUsualDeadline() {
    assertThat(days(decide(in -> in.put("solvencySignal", "WEAK")))).isEqualTo(8);
    DmnDecisionResultEntries consumer =
        decide(
            in -> {
              in.put("solvencySignal", "WEAK");
              in.put("debtorType", "CONSUMER");
            });
    assertThat((String) consumer.getEntry("decision")).isEqualTo("FORMAL_NOTICE");
    assertThat(days(consumer)).isNull();
  }

  @Test
  void theAmicableStageContinuesUntilItHasBeenGivenAChance() {
    assertThat(decision(in -> in.put("daysOverdue", 10))).isEqualTo("CONTINUE_AMICABLE");
    assertThat(decision(in -> in.put("amicableSteps", 2))).isEqualTo("CONTINUE_AMICABLE");
    assertThat(decision(in -> in.put("amicableSteps", 3))).isEqualTo("FORMAL_NOTICE");
    // before the ROI rule: amicable steps are cheap, the legal cost is not yet incurred
    assertThat(
            decision(
                in -> {
                  in.put("amicableSteps", 1);
                  in.put("expectedRecoveryRate", 0.05);
                }))
        .isEqualTo("CONTINUE_AMICABLE");
  }

  @Test
  void aRecalcitrantDebtorOrTwoBrokenPromisesEscalateAfterTwoSteps() {
    assertThat(
            decision(
                in -> {
                  in.put("segment", "RECALCITRANT");
                  in.put("amicableSteps", 2);
                }))
        .isEqualTo("FORMAL_NOTICE");
    assertThat(
            decision(
                in -> {
                  in.put("brokenPromises", 2);
                  in.put("amicableSteps", 2);
                }))
        .isEqualTo("FORMAL_NOTICE");
    assertThat(
            decision(
                in -> {
                  in.put("segment", "RECALCITRANT");
                  in.put("amicableSteps", 1);
                }))
        .isEqualTo("CONTINUE_AMICABLE");
  }

  @Test
  void aSmallDebtCostingMoreToLitigateThanItWouldBringIsWrittenOffOrHandedToAnAgency() {
    // 250 € × 50 % = 125 € < 400 € of costs, under 300 €: written off
    DmnDecisionResultEntries small =
        decide(
            in -> {
              in.put("balance", 250.0);
              in.put("expectedRecoveryRate", 0.5);
              in.put("expectedLegalCost", 400.0);
            });
    assertThat((String) small.getEntry("decision")).isEqualTo("WRITE_OFF");
    assertThat((String) small.getEntry("reason")).contains("Gain net attendu négatif");
    // 1,200 € × 20 % = 240 € < 400 €: not litigated, an agency takes it
    assertThat(
            decision(
                in -> {
                  in.put("balance", 1200.0);
                  in.put("expectedRecoveryRate", 0.2);
                  in.put("expectedLegalCost", 400.0);
                }))
        .isEqualTo("AGENCY");
    // 1,200 € × 40 % = 480 € > 400 €: worth a formal notice
    assertThat(
            decision(
                in -> {
                  in.put("balance", 1200.0);
                  in.put("expectedRecoveryRate", 0.4);
                  in.put("expectedLegalCost", 400.0);
                }))
        .isEqualTo("FORMAL_NOTICE");
  }

  @Test
  void strongInsolvencySignalsKeepSmallAndMiddleDebtsOutOfCourt() {
    assertThat(
            decision(
                in -> {
                  in.put("solvencySignal", "STRONG");
                  in.put("balance", 200.0);
                }))
        .isEqualTo("WRITE_OFF");
    assertThat(decision(in -> in.put("solvencySignal", "STRONG"))).isEqualTo("AGENCY");
    // a large profitable claim still seeks a title, quickly
    DmnDecisionResultEntries large =
        decide(
            in -> {
              in.put("solvencySignal", "STRONG");
              in.put("balance", 25000.0);
            });
    assertThat((String) large.getEntry("decision")).isEqualTo("FORMAL_NOTICE");
    assertThat(days(large)).isEqualTo(8);
  }

  @Test
  void aTinyBalanceIsWrittenOffWhateverElse() {
    assertThat(decision(in -> in.put("balance", 12.5))).isEqualTo("WRITE_OFF");
    assertThat(
            decision(
                in -> {
                  in.put("balance", 12.5);
                  in.put("amicableSteps", 0);
                }))
        .isEqualTo("WRITE_OFF");
  }

  @Test
  void aPrescribedClaimIsWrittenOffWhateverItsAmountOrProspects() {
    assertThat(decision(in -> in.put("prescribed", true))).isEqualTo("WRITE_OFF");
    assertThat(
            decision(
                in -> {
                  in.put("prescribed", true);
                  in.put("balance", 50000.0);
                }))
        .isEqualTo("WRITE_OFF");
    assertThat(decision(in -> in.put("prescribed", false))).isEqualTo("FORMAL_NOTICE");
  }

  /**
   * The facts CollectEscalationFacts gathers, through solvency-signal, legal-cost-estimate,
   * amicable-stage and procedure-prospect to the escalation: 2,400 € owed by a business, 45 days
   * late, five steps done.
   */
  static DmnDecisionResultEntries fromTheFacts(Consumer<Map<String, Object>> change) {
    Map<String, Object> in = new HashMap<>();
    in.put("prescribed", false);
    in.put("balance", 2400.0);
    in.put("debtorType", "BUSINESS");
    in.put("segment", "PONCTUEL");
    in.put("daysOverdue", 45);
    in.put("amicableSteps", 5);
    in.put("brokenPromises", 0);
    in.put("lapsedPlans", 0);
    in.put("contactLost", false);
    change.accept(in);
    return DIAGRAM.evaluate(in);
  }

  @Test
  void theDiagramDecidesFromTheCaseFactsThroughItsRequiredDecisions() {
    // no signal: 250 € of costs, 70 % recovered; 2,400 × 0.7 − 250 = 1,430 € ≥ 0: worth it
    DmnDecisionResultEntries plain = fromTheFacts(in -> {});
    assertThat((String) plain.getEntry("decision")).isEqualTo("FORMAL_NOTICE");
    assertThat(days(plain)).isNull();
    // one lapsed plan: a weak signal, 2,400 × 0.45 − 250 = 830 € ≥ 0; a fragile business: 8 days
    DmnDecisionResultEntries fragile = fromTheFacts(in -> in.put("lapsedPlans", 1));
    assertThat((String) fragile.getEntry("decision")).isEqualTo("FORMAL_NOTICE");
    assertThat(days(fragile)).isEqualTo(8);
    // a lapsed plan and a debtor gone silent: a strong signal under 10,000 €, an agency
    assertThat(
            (String)
                fromTheFacts(
                        in -> {
                          in.put("lapsedPlans", 1);
                          in.put("contactLost", true);
                        })
                    .getEntry("decision"))
        .isEqualTo("AGENCY");
    // 200 € at 70 % = 140 € < 250 € of costs, under 300 €: written off
    DmnDecisionResultEntries small = fromTheFacts(in -> in.put("balance", 200.0));
    assertThat((String) small.getEntry("decision")).isEqualTo("WRITE_OFF");
    assertThat((String) small.getEntry("reason")).contains("Gain net attendu négatif");
    // two steps of a debtor who is not recalcitrant: the amicable stage goes on
    assertThat((String) fromTheFacts(in -> in.put("amicableSteps", 2)).getEntry("decision"))
        .isEqualTo("CONTINUE_AMICABLE");
  }
}

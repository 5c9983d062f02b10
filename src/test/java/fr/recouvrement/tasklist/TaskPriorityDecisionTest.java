package fr.recouvrement.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.DecisionTables;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputValues;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/** The points of processes/decisions/task-priority.dmn: each rule that applies adds its points. */
class TaskPriorityDecisionTest {
  static final DecisionTables TABLE = DecisionTables.load("task-priority");

  static int priority(double amount, int daysOverdue, String segment, Integer daysToDeadline) {
    Map<String, Object> in = new HashMap<>();
    in.put("amountAtStake", amount);
    in.put("daysOverdue", daysOverdue);
    in.put("segment", segment);
    in.put("daysToDeadline", daysToDeadline);
    Object sum = TABLE.evaluate(in).getSingleEntry();
    return ((Number) sum).intValue();
  }

  @Test
  void theAmountAtStakeWeighsMost() {
    // 40 (≥ 40 000 €) + 15 (31..90 days) + 10 (GROS_ENJEU), no deadline
    assertThat(priority(49_229.44, 50, "GROS_ENJEU", null)).isEqualTo(65);
    // 30 (10 000..40 000 €) + 15 + 10
    assertThat(priority(12_480, 50, "GROS_ENJEU", null)).isEqualTo(55);
    // 15 (2 000..10 000 €) + 15, a punctual payer adds nothing
    assertThat(priority(3_727.19, 50, "PONCTUEL", null)).isEqualTo(30);
    // 5 (under 2 000 €) + 15
    assertThat(priority(1_250, 50, "PONCTUEL", null)).isEqualTo(20);
    // the thresholds belong to the band above: 40 000 € is 40 points, 39 999,99 € is 30
    assertThat(priority(40_000, 0, "PONCTUEL", null)).isEqualTo(40);
    assertThat(priority(39_999.99, 0, "PONCTUEL", null)).isEqualTo(30);
  }

  @Test
  void theLongerOverdueTheHigher() {
    // 5 (under 2 000 €) + 0 / 5 / 15 / 25
    assertThat(priority(500, 0, "PONCTUEL", null)).isEqualTo(5);
    assertThat(priority(500, 30, "PONCTUEL", null)).isEqualTo(10);
    assertThat(priority(500, 31, "PONCTUEL", null)).isEqualTo(20);
    assertThat(priority(500, 91, "PONCTUEL", null)).isEqualTo(30);
  }

  @Test
  void aRecalcitrantDebtorComesBeforeOneInDifficulty() {
    // 5 + 5 (1..30 days) + 15 / 5
    assertThat(priority(500, 10, "RECALCITRANT", null)).isEqualTo(25);
    assertThat(priority(500, 10, "EN_DIFFICULTE", null)).isEqualTo(15);
  }

  @Test
  void aLegalDeadlineWithinAWeekOrAMonthMovesTheTaskUp() {
    // 5 + 5 + 20 (≤ 7 days, a passed deadline included) / 10 (8..30 days) / 0
    assertThat(priority(500, 10, "PONCTUEL", 7)).isEqualTo(30);
    assertThat(priority(500, 10, "PONCTUEL", -2)).isEqualTo(30);
    assertThat(priority(500, 10, "PONCTUEL", 8)).isEqualTo(20);
    assertThat(priority(500, 10, "PONCTUEL", 30)).isEqualTo(20);
    assertThat(priority(500, 10, "PONCTUEL", 31)).isEqualTo(10);
  }

  @Test
  void theHighestPointsOfEachColumnAddUpToAHundred() {
    // 40 + 25 + 15 + 20
    assertThat(priority(60_000, 200, "RECALCITRANT", 0)).isEqualTo(100);
  }

  @Test
  void everyRuleSaysWhyAndTheSegmentsAreAList() {
    DmnModelInstance model =
        Dmn.readModelFromStream(
            TaskPriorityDecisionTest.class
                .getClassLoader()
                .getResourceAsStream("processes/decisions/task-priority.dmn"));
    assertThat(model.getModelElementsByType(Rule.class))
        .hasSize(12)
        .allSatisfy(r -> assertThat(r.getDescription()).as(r.getId()).isNotNull());
    assertThat(model.getModelElementsByType(InputValues.class))
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.getText().getTextContent())
                    .contains(
                        "\"PONCTUEL\"", "\"EN_DIFFICULTE\"", "\"RECALCITRANT\"", "\"GROS_ENJEU\""));
  }
}

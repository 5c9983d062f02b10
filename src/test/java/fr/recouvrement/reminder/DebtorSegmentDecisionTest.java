package fr.recouvrement.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.DecisionTables;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DebtorSegmentDecisionTest {
  static final DecisionTables TABLE = DecisionTables.load("debtor-segment");

  static String segment(
      String type, double balance, int daysOverdue, int late, double avgDelay, int broken) {
    Map<String, Object> in = new HashMap<>();
    in.put("debtorType", type);
    in.put("balance", balance);
    in.put("daysOverdue", daysOverdue);
    in.put("latePaymentsLast12Months", late);
    in.put("averageDelayDays", avgDelay);
    in.put("brokenPromises", broken);
    return TABLE.evaluate(in).getEntry("segment");
  }

  @Test
  void aDebtorWithACleanHistoryIsAPunctualPayer() {
    assertThat(segment("BUSINESS", 1850, 3, 0, 0, 0)).isEqualTo("PONCTUEL");
    assertThat(segment("CONSUMER", 80, -3, 1, 10, 0)).isEqualTo("PONCTUEL");
  }

  @Test
  void largeBalancesAreHighStakesWithADifferentThresholdForConsumers() {
    assertThat(segment("BUSINESS", 10000, 5, 0, 0, 0)).isEqualTo("GROS_ENJEU");
    assertThat(segment("BUSINESS", 9999.99, 5, 0, 0, 0)).isEqualTo("PONCTUEL");
    assertThat(segment("CONSUMER", 5000, 5, 0, 0, 0)).isEqualTo("GROS_ENJEU");
    assertThat(segment("CONSUMER", 4999.99, 5, 0, 0, 0)).isEqualTo("PONCTUEL");
  }

  @Test
  void brokenPromisesRepeatedLatenessOrAnOldDebtMakeADebtorRecalcitrant() {
    assertThat(segment("BUSINESS", 500, 10, 0, 0, 1)).isEqualTo("RECALCITRANT");
    assertThat(segment("BUSINESS", 500, 10, 4, 10, 0)).isEqualTo("RECALCITRANT");
    assertThat(segment("CONSUMER", 500, 91, 0, 0, 0)).isEqualTo("RECALCITRANT");
    assertThat(segment("CONSUMER", 500, 90, 0, 0, 0)).isEqualTo("PONCTUEL");
  }

  @Test
  void twoBrokenPromisesOutweighTheHighStakesTreatment() {
    assertThat(segment("BUSINESS", 25000, 10, 0, 0, 2)).isEqualTo("RECALCITRANT");
    assertThat(segment("BUSINESS", 25000, 10, 0, 0, 1)).isEqualTo("GROS_ENJEU");
  }

  @Test
  void aDebtorWhoPaysLateButPaysIsInDifficulty() {
    assertThat(segment("CONSUMER", 700, 12, 1, 31, 0)).isEqualTo("EN_DIFFICULTE");
    assertThat(segment("BUSINESS", 700, 12, 2, 5, 0)).isEqualTo("EN_DIFFICULTE");
  }

  @Test
  void everySegmentComesWithAStrategyToRead() {
    Map<String, Object> in =
        new HashMap<>(
            Map.of(
                "debtorType",
                "BUSINESS",
                "balance",
                100.0,
                "daysOverdue",
                1,
                "latePaymentsLast12Months",
                0,
                "averageDelayDays",
                0.0,
                "brokenPromises",
                0));
    assertThat((String) TABLE.evaluate(in).getEntry("strategy")).isNotBlank();
  }
}

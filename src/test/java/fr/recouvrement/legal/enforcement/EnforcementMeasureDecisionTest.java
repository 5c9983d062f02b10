package fr.recouvrement.legal.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.DecisionTables;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/decisions/enforcement-measure.dmn. */
class EnforcementMeasureDecisionTest {
  static final DecisionTables TABLE = DecisionTables.load("enforcement-measure");

  /**
   * A consumer owing 2,400 € of principal of whom nothing is known and against whom nothing was
   * tried yet.
   */
  static DmnDecisionResultEntries suggest(Consumer<Map<String, Object>> change) {
    Map<String, Object> in = new HashMap<>();
    in.put("debtorType", "CONSUMER");
    in.put("principal", 2400.0);
    in.put("bankAccountKnown", false);
    in.put("employerKnown", false);
    in.put("bankSeizureFailed", false);
    in.put("wageSeizureFailed", false);
    in.put("goodsSeizureFailed", false);
    change.accept(in);
    return TABLE.evaluate(in);
  }

  static String measure(Consumer<Map<String, Object>> change) {
    DmnDecisionResultEntries r = suggest(change);
    assertThat((String) r.getEntry("reason")).isNotBlank();
    return r.getEntry("measure");
  }

  @Test
  void aBankSeizureComesFirstAndItsReasonTellsTheDebtorsProtections() {
    DmnDecisionResultEntries known = suggest(in -> in.put("bankAccountKnown", true));
    assertThat((String) known.getEntry("measure")).isEqualTo("BANK_SEIZURE");
    assertThat((String) known.getEntry("reason")).contains("8 jours", "un mois", "646,52 €");
    // a known account wins over a known employer: the bank seizure is immediate
    assertThat(
            measure(
                in -> {
                  in.put("bankAccountKnown", true);
                  in.put("employerKnown", true);
                }))
        .isEqualTo("BANK_SEIZURE");
    // unknown account: the commissaire de justice looks it up (FICOBA)
    DmnDecisionResultEntries unknown = suggest(in -> {});
    assertThat((String) unknown.getEntry("measure")).isEqualTo("BANK_SEIZURE");
    assertThat((String) unknown.getEntry("reason")).contains("FICOBA");
    assertThat(measure(in -> in.put("debtorType", "BUSINESS"))).isEqualTo("BANK_SEIZURE");
  }

  @Test
  void theWagesOfAConsumerWhoseEmployerIsKnownAreSeizedWhenNoAccountIsKnownOrItsSeizureFailed() {
    assertThat(measure(in -> in.put("employerKnown", true))).isEqualTo("WAGE_SEIZURE");
    assertThat(
            measure(
                in -> {
                  in.put("employerKnown", true);
                  in.put("bankAccountKnown", true);
                  in.put("bankSeizureFailed", true);
                }))
        .isEqualTo("WAGE_SEIZURE");
    // a business has no wages to seize
    assertThat(
            measure(
                in -> {
                  in.put("debtorType", "BUSINESS");
                  in.put("employerKnown", true);
                  in.put("bankSeizureFailed", true);
                }))
        .isEqualTo("GOODS_SEIZURE");
  }

  @Test
  void goodsAreSeizedOnceTheAccountAndWagesFailedButNotForLessThan535EurosAtAConsumersHome() {
    assertThat(measure(in -> in.put("bankSeizureFailed", true))).isEqualTo("GOODS_SEIZURE");
    assertThat(
            measure(
                in -> {
                  in.put("bankSeizureFailed", true);
                  in.put("principal", 535.0);
                }))
        .isEqualTo("GOODS_SEIZURE");
    // below 535 € in principal, after the bank seizure failed and with no employer known: the
    // conditions
    // of L221-2 are met and the reason says so
    DmnDecisionResultEntries small =
        suggest(
            in -> {
              in.put("bankSeizureFailed", true);
              in.put("principal", 534.99);
            });
    assertThat((String) small.getEntry("measure")).isEqualTo("GOODS_SEIZURE");
    assertThat((String) small.getEntry("reason"))
        .contains("535 € en principal", "L221-2", "aucun employeur");
    // a business below 535 € is not a home: its goods may be seized
    assertThat(
            measure(
                in -> {
                  in.put("debtorType", "BUSINESS");
                  in.put("bankSeizureFailed", true);
                  in.put("principal", 300.0);
                }))
        .isEqualTo("GOODS_SEIZURE");
  }

  /**
   * principal, balance (with penalties / interest), what is known and failed → measure; the table
   * reads the principal only.
   */
  @ParameterizedTest(
      name = "principal {0} / balance {1}, employer known {2}, wages failed {3} → {4}")
  @CsvSource(
      textBlock =
          """
          # 500 of principal, 700 with interest and costs: below 535 in principal, so the wages come first
          500.00, 700.00, true,  false, WAGE_SEIZURE
          # same debt once the wage seizure failed too: both conditions of L221-2 met → goods
          500.00, 700.00, true,  true,  GOODS_SEIZURE
          # no employer known: a wage seizure is impossible → goods
          500.00, 700.00, false, false, GOODS_SEIZURE
          # 535 in principal: the threshold is reached, goods after the bank seizure failed
          535.00, 535.00, false, false, GOODS_SEIZURE
          """)
  void theThresholdOf535EurosIsComparedWithThePrincipalNotTheBalance(
      double principal,
      double balance,
      boolean employerKnown,
      boolean wagesFailed,
      String expected) {
    DmnDecisionResultEntries r =
        suggest(
            in -> {
              in.put("principal", principal);
              in.put("balance", balance); // not an input of the table: it must change nothing
              in.put("bankSeizureFailed", true);
              in.put("employerKnown", employerKnown);
              in.put("wageSeizureFailed", wagesFailed);
            });

    assertThat((String) r.getEntry("measure")).isEqualTo(expected);
    if ("GOODS_SEIZURE".equals(expected)) {
      // below the threshold, the suggestion states the conditions of the article it met
      assertThat((String) r.getEntry("reason"))
          .satisfies(
              reason -> {
                if (principal < 535) {
                  assertThat(reason).contains("535 € en principal", "L221-2");
                } else {
                  assertThat(reason).doesNotContain("535 €");
                }
              });
    }
  }

  @Test
  void whenEveryUsefulMeasureFailedTheTableProposesAWriteOff() {
    DmnDecisionResultEntries none =
        suggest(
            in -> {
              in.put("bankSeizureFailed", true);
              in.put("employerKnown", true);
              in.put("wageSeizureFailed", true);
              in.put("goodsSeizureFailed", true);
            });
    assertThat((String) none.getEntry("measure")).isEqualTo("NONE");
    assertThat((String) none.getEntry("reason")).contains("passage en perte");
    assertThat(
            measure(
                in -> {
                  in.put("debtorType", "BUSINESS");
                  in.put("bankSeizureFailed", true);
                  in.put("goodsSeizureFailed", true);
                }))
        .isEqualTo("NONE");
  }
}

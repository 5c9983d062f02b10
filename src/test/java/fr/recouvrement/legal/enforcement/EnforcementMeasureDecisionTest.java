package fr.recouvrement.legal.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.DecisionTables;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;

/** processes/decisions/enforcement-measure.dmn. */
class EnforcementMeasureDecisionTest {
  static final DecisionTables TABLE = DecisionTables.load("enforcement-measure");

  /** A consumer owing 2,400 € of whom nothing is known and against whom nothing was tried yet. */
  static DmnDecisionResultEntries suggest(Consumer<Map<String, Object>> change) {
    Map<String, Object> in = new HashMap<>();
    in.put("debtorType", "CONSUMER");
    in.put("balance", 2400.0);
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
    assertThat(measure(in -> {
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
    assertThat(measure(in -> {
          in.put("employerKnown", true);
          in.put("bankAccountKnown", true);
          in.put("bankSeizureFailed", true);
        }))
        .isEqualTo("WAGE_SEIZURE");
    // a business has no wages to seize
    assertThat(measure(in -> {
          in.put("debtorType", "BUSINESS");
          in.put("employerKnown", true);
          in.put("bankSeizureFailed", true);
        }))
        .isEqualTo("GOODS_SEIZURE");
  }

  @Test
  void goodsAreSeizedOnceTheAccountAndWagesFailedButNotForLessThan535EurosAtAConsumersHome() {
    assertThat(measure(in -> in.put("bankSeizureFailed", true))).isEqualTo("GOODS_SEIZURE");
    assertThat(measure(in -> {
          in.put("bankSeizureFailed", true);
          in.put("balance", 535.0);
        }))
        .isEqualTo("GOODS_SEIZURE");
    DmnDecisionResultEntries small = suggest(in -> {
      in.put("bankSeizureFailed", true);
      in.put("balance", 534.99);
    });
    assertThat((String) small.getEntry("measure")).isEqualTo("NONE");
    assertThat((String) small.getEntry("reason")).contains("L221-2", "passage en perte");
    // a business below 535 € is not a home: its goods may be seized
    assertThat(measure(in -> {
          in.put("debtorType", "BUSINESS");
          in.put("bankSeizureFailed", true);
          in.put("balance", 300.0);
        }))
        .isEqualTo("GOODS_SEIZURE");
  }

  @Test
  void whenEveryUsefulMeasureFailedTheTableProposesAWriteOff() {
    DmnDecisionResultEntries none = suggest(in -> {
      in.put("bankSeizureFailed", true);
      in.put("employerKnown", true);
      in.put("wageSeizureFailed", true);
      in.put("goodsSeizureFailed", true);
    });
    assertThat((String) none.getEntry("measure")).isEqualTo("NONE");
    assertThat((String) none.getEntry("reason")).contains("passage en perte");
    assertThat(measure(in -> {
          in.put("debtorType", "BUSINESS");
          in.put("bankSeizureFailed", true);
          in.put("goodsSeizureFailed", true);
        }))
        .isEqualTo("NONE");
  }
}

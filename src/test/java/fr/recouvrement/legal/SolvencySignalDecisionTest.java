package fr.recouvrement.legal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.DecisionTables;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;

/** solvency-signal, the first decision of processes/decisions/escalation.dmn. */
class SolvencySignalDecisionTest {
  static final DecisionTables TABLE = DecisionTables.load("solvency-signal");

  static String signal(Consumer<Map<String, Object>> change) {
    Map<String, Object> in = new HashMap<>();
    in.put("segment", "PONCTUEL");
    in.put("lapsedPlans", 0);
    in.put("brokenPromises", 0);
    in.put("contactLost", false);
    in.put("debtorType", "BUSINESS");
    change.accept(in);
    DmnDecisionResultEntries result = TABLE.evaluate(in);
    assertThat((String) result.getEntry("solvencyReason")).isNotBlank();
    return result.getEntry("solvencySignal");
  }

  @Test
  void aDebtorWithNoWarningSignHasNoSignal() {
    assertThat(signal(in -> {})).isEqualTo("NONE");
    assertThat(signal(in -> in.put("brokenPromises", 1))).isEqualTo("NONE");
  }

  @Test
  void difficultiesMakeAWeakSignal() {
    assertThat(signal(in -> in.put("segment", "EN_DIFFICULTE"))).isEqualTo("WEAK");
    assertThat(signal(in -> in.put("lapsedPlans", 1))).isEqualTo("WEAK");
    assertThat(signal(in -> in.put("contactLost", true))).isEqualTo("WEAK");
    assertThat(signal(in -> in.put("brokenPromises", 2))).isEqualTo("WEAK");
  }

  @Test
  void twoLapsedPlansOrALapsedPlanAndALostDebtorMakeAStrongSignal() {
    assertThat(signal(in -> in.put("lapsedPlans", 2))).isEqualTo("STRONG");
    assertThat(
            signal(
                in -> {
                  in.put("lapsedPlans", 1);
                  in.put("contactLost", true);
                }))
        .isEqualTo("STRONG");
  }
}

package fr.recouvrement.legal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.DecisionTables;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;

/**
 * legal-cost-estimate, in processes/decisions/escalation.dmn, with the solvency signal given (the
 * diagram computes it with solvency-signal).
 */
class LegalCostEstimateDecisionTest {
  static final DecisionTables TABLE =
      DecisionTables.load("legal-cost-estimate").given("solvency-signal");

  static DmnDecisionResultEntries estimate(double balance, String signal) {
    DmnDecisionResultEntries result =
        TABLE.evaluate(
            Map.of("balance", balance, "debtorType", "BUSINESS", "solvencySignal", signal));
    assertThat((String) result.getEntry("costReason")).isNotBlank();
    return result;
  }

  @Test
  void theSmallClaimsRouteCostsLessThanAnOrderToPayAndTheLimitIsFiveThousandEurosIncluded() {
    assertThat((Double) estimate(5000.00, "NONE").getEntry("expectedLegalCost")).isEqualTo(250.0);
    assertThat((Double) estimate(5000.01, "NONE").getEntry("expectedLegalCost")).isEqualTo(600.0);
  }

  @Test
  void solvencySignalsLowerTheExpectedRecovery() {
    double none = estimate(1200, "NONE").getEntry("expectedRecoveryRate");
    double weak = estimate(1200, "WEAK").getEntry("expectedRecoveryRate");
    double strong = estimate(1200, "STRONG").getEntry("expectedRecoveryRate");
    assertThat(none).isGreaterThan(weak);
    assertThat(weak).isGreaterThan(strong);
  }
}

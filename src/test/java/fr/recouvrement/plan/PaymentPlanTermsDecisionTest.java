package fr.recouvrement.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.DecisionTables;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;

class PaymentPlanTermsDecisionTest {
  final DecisionTables terms = DecisionTables.load("payment-plan-terms");

  DmnDecisionResultEntries decide(
      String segment, double balance, int count, double downPaymentPercent) {
    return terms.evaluate(
        Map.of(
            "segment",
            segment,
            "debtorType",
            "BUSINESS",
            "balance",
            balance,
            "instalmentCount",
            count,
            "downPaymentPercent",
            downPaymentPercent));
  }

  @Test
  void shouldLetACollectorGrantUpToSixInstalmentsWithATenthDownUnderTenThousand() {
    for (String segment : new String[] {"PONCTUEL", "EN_DIFFICULTE"}) {
      DmnDecisionResultEntries r = decide(segment, 9_999.99, 6, 10.0);
      assertThat((Boolean) r.getEntry("allowed")).isTrue();
      assertThat((Boolean) r.getEntry("approvalRequired")).isFalse();
    }
  }

  @Test
  void shouldNeedASupervisorBeyondTheCollectorsLimit() {
    assertThat((Boolean) decide("PONCTUEL", 1000, 7, 10).getEntry("approvalRequired"))
        .as("7 instalments")
        .isTrue();
    assertThat((Boolean) decide("PONCTUEL", 1000, 6, 9.99).getEntry("approvalRequired"))
        .as("small down payment")
        .isTrue();
    assertThat((Boolean) decide("PONCTUEL", 10_000, 6, 10).getEntry("approvalRequired"))
        .as("10 000 €")
        .isTrue();
    assertThat((Boolean) decide("GROS_ENJEU", 1000, 3, 50).getEntry("approvalRequired"))
        .as("high stakes")
        .isTrue();
    assertThat((Boolean) decide("PONCTUEL", 50_000, 12, 0).getEntry("allowed")).isTrue();
  }

  @Test
  void shouldAlwaysNeedASupervisorForARecalcitrantDebtor() {
    DmnDecisionResultEntries r = decide("RECALCITRANT", 500, 2, 50);
    assertThat((Boolean) r.getEntry("allowed")).isTrue();
    assertThat((Boolean) r.getEntry("approvalRequired")).isTrue();
    assertThat((String) r.getEntry("reason")).contains("récalcitrant");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1} → waived {2}")
  @org.junit.jupiter.params.provider.CsvSource(
      textBlock =
          """
          # a consumer who keeps the plan: what accrued meanwhile is given up, whatever rule granted it
          CONSUMER, PONCTUEL,     true
          CONSUMER, RECALCITRANT, true
          # a professional keeps owing the L441-10 II penalties of the plan's duration
          BUSINESS, PONCTUEL,     false
          BUSINESS, GROS_ENJEU,   false
          """)
  void shouldWaiveTheChargesOfAKeptPlanForAConsumerOnly(
      String debtorType, String segment, boolean waived) {
    DmnDecisionResultEntries r =
        terms.evaluate(
            Map.of(
                "segment",
                segment,
                "debtorType",
                debtorType,
                "balance",
                1000.0,
                "instalmentCount",
                3,
                "downPaymentPercent",
                10.0));
    assertThat((Boolean) r.getEntry("penaltiesWaived")).isEqualTo(waived);
  }

  @Test
  void shouldNeverGrantMoreThanTwelveInstalmentsNorNone() {
    DmnDecisionResultEntries r = decide("PONCTUEL", 1000, 13, 50);
    assertThat((Boolean) r.getEntry("allowed")).isFalse();
    assertThat((String) r.getEntry("reason")).contains("12");
    assertThat((Boolean) decide("RECALCITRANT", 1000, 13, 50).getEntry("allowed")).isFalse();
    assertThat((Boolean) decide("PONCTUEL", 1000, 0, 50).getEntry("allowed")).isFalse();
  }
}

package fr.recouvrement.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.DecisionTables;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;

class DisputeRoutingDecisionTest {
  final DecisionTables routing = DecisionTables.load("dispute-routing");

  /**
   * A first dispute on a case with nothing credited yet: all it could take off the case is its own
   * amount.
   */
  DmnDecisionResultEntries route(String category, double amount, String debtorType) {
    return route(category, amount, debtorType, amount);
  }

  DmnDecisionResultEntries route(
      String category, double amount, String debtorType, double caseCreditExposure) {
    return routing.evaluate(
        Map.of(
            "category",
            category,
            "disputedAmount",
            amount,
            "debtorType",
            debtorType,
            "caseCreditExposure",
            caseCreditExposure));
  }

  /**
   * Security review H4: one collector may grant at most 5,000 € of credit notes on a case, summed
   * over the case (already credited + still owed on every invoice under an open dispute), so that
   * splitting 19,000 € across invoices or disputes does not escape the ceiling.
   */
  @Test
  void creditsThatCouldExceedFiveThousandEurosOnTheCaseGoToSupervisors() {
    // 19,000 € technical dispute, the review's attack
    assertThat(route("TECHNICAL", 19000.0, "BUSINESS"))
        .containsEntry("candidateGroup", "supervisors");
    // the same split: a second dispute of 4,000 € after 15,000 € under dispute or credited = 19,000
    // €
    assertThat(route("TECHNICAL", 4000.0, "BUSINESS", 19000.0))
        .containsEntry("candidateGroup", "supervisors")
        .containsEntry("label", "Avoirs cumulés du dossier au-delà de la délégation d'un chargé");
    // 3,000 € + 2,000 € = 5,000 €: still within a collector's delegation
    assertThat(route("TECHNICAL", 2000.0, "BUSINESS", 5000.0))
        .containsEntry("candidateGroup", "collectors");
    assertThat(route("TECHNICAL", 2000.0, "BUSINESS", 5000.01))
        .containsEntry("candidateGroup", "supervisors");
  }

  @Test
  void commercialDisputesOverFiveThousandEurosGoToSupervisors() {
    assertThat(route("COMMERCIAL", 5000.01, "BUSINESS"))
        .containsEntry("candidateGroup", "supervisors")
        .containsEntry("slaDays", 5);
    assertThat(route("COMMERCIAL", 5000.00, "BUSINESS"))
        .containsEntry("candidateGroup", "collectors")
        .containsEntry("slaDays", 10);
    assertThat(route("COMMERCIAL", 800.0, "CONSUMER").get("label"))
        .isEqualTo("Contestation commerciale (prix, remise)");
  }

  @Test
  void veryLargeDisputesOfAnyKindGoToSupervisors() {
    assertThat(route("TECHNICAL", 20000.0, "BUSINESS"))
        .containsEntry("candidateGroup", "supervisors")
        .containsEntry("slaDays", 10);
    assertThat(route("ADMINISTRATIVE", 25000.0, "CONSUMER"))
        .containsEntry("candidateGroup", "supervisors");
  }

  @Test
  void administrativeAndTechnicalDisputesStayWithCollectorsWithTheirOwnDelays() {
    assertThat(route("ADMINISTRATIVE", 300.0, "BUSINESS"))
        .containsEntry("candidateGroup", "collectors")
        .containsEntry("slaDays", 5);
    assertThat(route("TECHNICAL", 300.0, "BUSINESS"))
        .containsEntry("candidateGroup", "collectors")
        .containsEntry("slaDays", 15);
    assertThat(route("TECHNICAL", 300.0, "CONSUMER")).containsEntry("slaDays", 10);
  }

  @Test
  void anUnknownCategoryStillReachesCollectors() {
    assertThat(route("OTHER", 10.0, "BUSINESS"))
        .containsEntry("candidateGroup", "collectors")
        .containsEntry("slaDays", 10);
  }
}

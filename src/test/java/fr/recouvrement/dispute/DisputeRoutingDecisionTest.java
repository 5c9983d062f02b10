package fr.recouvrement.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.DecisionTables;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;

class DisputeRoutingDecisionTest {
  final DecisionTables routing = DecisionTables.load("dispute-routing");

  DmnDecisionResultEntries route(String category, double amount, String debtorType) {
    return routing.evaluate(Map.of("category", category, "disputedAmount", amount, "debtorType", debtorType));
  }

  @Test
  void commercialDisputesOverFiveThousandEurosGoToSupervisors() {
    assertThat(route("COMMERCIAL", 5000.01, "BUSINESS")).containsEntry("candidateGroup", "supervisors").containsEntry("slaDays", 5);
    assertThat(route("COMMERCIAL", 5000.00, "BUSINESS")).containsEntry("candidateGroup", "collectors").containsEntry("slaDays", 10);
    assertThat(route("COMMERCIAL", 800.0, "CONSUMER").get("label")).isEqualTo("Contestation commerciale (prix, remise)");
  }

  @Test
  void veryLargeDisputesOfAnyKindGoToSupervisors() {
    assertThat(route("TECHNICAL", 20000.0, "BUSINESS")).containsEntry("candidateGroup", "supervisors").containsEntry("slaDays", 10);
    assertThat(route("ADMINISTRATIVE", 25000.0, "CONSUMER")).containsEntry("candidateGroup", "supervisors");
  }

  @Test
  void administrativeAndTechnicalDisputesStayWithCollectorsWithTheirOwnDelays() {
    assertThat(route("ADMINISTRATIVE", 300.0, "BUSINESS")).containsEntry("candidateGroup", "collectors").containsEntry("slaDays", 5);
    assertThat(route("TECHNICAL", 300.0, "BUSINESS")).containsEntry("candidateGroup", "collectors").containsEntry("slaDays", 15);
    assertThat(route("TECHNICAL", 300.0, "CONSUMER")).containsEntry("slaDays", 10);
  }

  @Test
  void anUnknownCategoryStillReachesCollectors() {
    assertThat(route("OTHER", 10.0, "BUSINESS")).containsEntry("candidateGroup", "collectors").containsEntry("slaDays", 10);
  }
}

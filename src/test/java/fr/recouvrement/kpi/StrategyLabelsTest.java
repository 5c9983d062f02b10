package fr.recouvrement.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.engine.StrategyInForce;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the strategies of a period are named: by the tags that tell them apart. */
class StrategyLabelsTest {
  static final String SHIPPED =
      "collection-case 1.0\namicable-reminders 1.1\ndebtor-segment 1.0\nreminder-cadence 1.1";

  static Map<String, String> labels(String... fingerprintsAndModels) {
    Map<String, Map<String, String>> strategies = new LinkedHashMap<>();
    for (int i = 0; i < fingerprintsAndModels.length; i += 2) {
      strategies.put(
          fingerprintsAndModels[i], StrategyInForce.models(fingerprintsAndModels[i + 1]));
    }
    return StrategyVersions.labels(strategies);
  }

  @Test
  void aPeriodRunUnderOneStrategyIsNamedByItsCaseProcessAlone() {
    assertThat(labels("a", SHIPPED)).containsExactly(Map.entry("a", "collection-case 1.0"));
  }

  @Test
  void twoStrategiesAreNamedByTheTablesWhoseTagsDiffer() {
    String segmentChanged = SHIPPED.replace("debtor-segment 1.0", "debtor-segment 1.1");

    assertThat(labels("a", SHIPPED, "b", segmentChanged))
        .containsExactly(
            Map.entry("a", "collection-case 1.0 · debtor-segment 1.0"),
            Map.entry("b", "collection-case 1.0 · debtor-segment 1.1"));
  }

  @Test
  void aModelMissingFromOneStrategyNamesTheOtherAndTheCaseProcessAlwaysShows() {
    String withNewTable =
        "collection-case 1.1\n"
            + SHIPPED.substring(SHIPPED.indexOf('\n') + 1)
            + "\nhouse-delays 1.0";

    assertThat(labels("a", SHIPPED, "b", withNewTable))
        .containsExactly(
            Map.entry("a", "collection-case 1.0"),
            Map.entry("b", "collection-case 1.1 · house-delays 1.0"));
  }
}

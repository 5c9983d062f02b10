package fr.recouvrement.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.DecisionTables;
import fr.recouvrement.ProcessTestEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;

/**
 * « Délais de gestion » (house-delays.dmn) is the one place of the house's delays: every name a
 * model or Java asks for has its row, and no model sets the grace days itself any more.
 */
class HouseDelaysTest {
  static final DecisionTables TABLE = DecisionTables.load("house-delays");
  static final Pattern ASKED = Pattern.compile("houseDelays\\.days\\('([A-Z_]+)'\\)");
  static final Pattern GRACE_PARAMETER =
      Pattern.compile(
          "<camunda:inputParameter name=\"graceDays\">([^<]*)</camunda:inputParameter>");

  static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  @Test
  void everyDelayAModelOrJavaAsksForHasARowWithItsNumberOfDays() throws IOException {
    Set<String> asked = new TreeSet<>(List.of(HouseDelays.PRESCRIPTION_WARNING_DAYS));
    for (Path model : models()) {
      Matcher m = ASKED.matcher(Files.readString(model));
      while (m.find()) {
        asked.add(m.group(1));
      }
    }
    assertThat(asked).contains(HouseDelays.GRACE_DAYS, HouseDelays.PRESCRIPTION_WARNING_DAYS);
    for (String parameter : asked) {
      DmnDecisionResultEntries row = TABLE.evaluate(Map.of("parameter", parameter));
      assertThat(row).as("row of " + parameter).isNotNull();
      assertThat((Integer) row.getEntry("days")).as(parameter).isNotNegative();
    }
  }

  @Test
  void theGraceDaysOfPromisesAndInstalmentsAreReadFromTheTableInEveryModel() throws IOException {
    List<String> models = new ArrayList<>();
    for (Path model : models()) {
      Matcher m = GRACE_PARAMETER.matcher(Files.readString(model));
      while (m.find()) {
        models.add(model.getFileName().toString());
        assertThat(m.group(1).trim())
            .as("graceDays in " + model.getFileName())
            .isEqualTo("${houseDelays.days('GRACE_DAYS')}");
      }
    }
    assertThat(models)
        .containsExactlyInAnyOrder(
            "collection-case.bpmn", "formal-notice.bpmn", "payment-plan.bpmn");
  }

  @Test
  void
      theShippedDelaysAreThreeDaysOfGraceAWarningNinetyDaysBeforePrescriptionAndTwoMonthsOnThePortal() {
    HouseDelays delays = TestHouseDelays.on(ProcessTestEngine.get());

    assertThat(delays.days(HouseDelays.GRACE_DAYS)).isEqualTo(3);
    assertThat(delays.days(HouseDelays.PRESCRIPTION_WARNING_DAYS)).isEqualTo(90);
    assertThat(delays.days(HouseDelays.PORTAL_DATE_MAX_DAYS)).isEqualTo(60);
  }

  @Test
  void aDelayWithoutARowStopsTheStepAndNamesIt() {
    HouseDelays delays = TestHouseDelays.on(ProcessTestEngine.get());

    assertThatThrownBy(() -> delays.days("GRACE_DAY"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GRACE_DAY")
        .hasMessageContaining("house-delays");
  }
}

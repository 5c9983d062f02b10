package fr.recouvrement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/**
 * A table that compares the debtor's segment with a code {@code debtor-segment} never returns has a
 * rule that never applies, silently (solvency-signal once tested "DIFFICULTY" for "EN_DIFFICULTE").
 * Reads every DMN file of processes/decisions as an analyst would deploy it.
 */
class SegmentLiteralsTest {
  private static final Path DECISIONS = Path.of("processes", "decisions");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  @Test
  void everySegmentATableComparesWithIsASegmentTheDebtorSegmentTableCanReturn() throws IOException {
    Set<String> segments = new TreeSet<>();
    for (DecisionTable table : tables(DECISIONS.resolve("debtor-segment.dmn"))) {
      List<Output> outputs = new ArrayList<>(table.getOutputs());
      int column = indexOf(outputs.stream().map(Output::getName).toList(), "segment");
      for (Rule rule : table.getRules()) {
        segments.addAll(
            literals(new ArrayList<>(rule.getOutputEntries()).get(column).getTextContent()));
      }
    }
    assertThat(segments)
        .as("segments debtor-segment.dmn returns")
        .contains("PONCTUEL", "EN_DIFFICULTE", "RECALCITRANT");

    List<String> unknown = new ArrayList<>();
    int compared = 0;
    try (Stream<Path> files = Files.list(DECISIONS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
        for (DecisionTable table : tables(file)) {
          List<Input> inputs = new ArrayList<>(table.getInputs());
          for (int column = 0; column < inputs.size(); column++) {
            if (!"segment"
                .equals(
                    inputs.get(column).getInputExpression().getText().getTextContent().trim())) {
              continue;
            }
            for (Rule rule : table.getRules()) {
              String entry = new ArrayList<>(rule.getInputEntries()).get(column).getTextContent();
              for (String literal : literals(entry)) {
                compared++;
                if (!segments.contains(literal)) {
                  unknown.add(
                      "%s, rule %s: \"%s\"".formatted(file.getFileName(), rule.getId(), literal));
                }
              }
            }
          }
        }
      }
    }
    // the check reads something: reminder-cadence, payment-plan-terms and solvency-signal compare
    // segments
    assertThat(compared).as("segment literals found in the tables").isGreaterThan(5);
    assertThat(unknown)
        .as("segment literals that debtor-segment.dmn never returns (%s)", segments)
        .isEmpty();
  }

  private static List<DecisionTable> tables(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      DmnModelInstance model = Dmn.readModelFromStream(in);
      return model.getModelElementsByType(Decision.class).stream()
          .map(Decision::getExpression)
          .filter(DecisionTable.class::isInstance)
          .map(DecisionTable.class::cast)
          .toList();
    }
  }

  private static List<String> literals(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = STRING_LITERAL.matcher(text == null ? "" : text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static int indexOf(List<String> names, String name) {
    int i = names.indexOf(name);
    assertThat(i).as("column %s in %s", name, names).isGreaterThanOrEqualTo(0);
    return i;
  }
}

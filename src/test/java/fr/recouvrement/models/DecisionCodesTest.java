package fr.recouvrement.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The codes of the decision tables: a column whose cells are codes lists its allowed values
 * (Modeler then offers them as a list), every cell uses only those, every rule says why in its
 * annotation, and every table carries a camunda:versionTag. A typo in a code (« PONCTEUL ») fails
 * here, before any deployment.
 */
class DecisionCodesTest {

  private static final Pattern CODE = Pattern.compile("\"([^\"]*)\"");

  /**
   * A cell made only of quoted codes: "A", "A","B", not("A"); an ISO-8601 period ("P6M") is a
   * figure, not a code.
   */
  private static final Pattern CODES_ONLY =
      Pattern.compile("\\s*(not\\(\\s*)?(\"(?!P\\d)[A-Z][A-Z0-9_]*\"\\s*,?\\s*)+\\)?\\s*");

  /**
   * Columns left without a list, on purpose. debtor-segment's segment output: DecisionReplayTest
   * redeploys the table with every segment renamed and checks that no old code is left in the file,
   * which a list of allowed values would defeat; the four segments are listed in docs/analysts.md
   * and labelled in web.pages.Labels.
   */
  private static final Set<String> WITHOUT_LIST = Set.of("debtor-segment.dmn#segment");

  @Test
  void everyCodeInEveryTableIsOneOfTheAllowedValuesOfItsColumnAndEveryRuleIsAnnotated()
      throws IOException {
    List<String> problems = new ArrayList<>();
    for (Resource r :
        new PathMatchingResourcePatternResolver()
            .getResources("classpath*:processes/decisions/*.dmn")) {
      try (InputStream in = r.getInputStream()) {
        problems.addAll(problems(r.getFilename(), Dmn.readModelFromStream(in)));
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aTypoInACodeIsFoundWithTheTableTheRuleAndTheColumn() throws IOException {
    String shipped;
    try (InputStream in = getClass().getResourceAsStream("/processes/decisions/escalation.dmn")) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(shipped).contains("\"STRONG\"");
    String typo = shipped.replaceFirst("<text>\"STRONG\"</text>", "<text>\"STRONGG\"</text>");
    assertThat(typo).isNotEqualTo(shipped);

    List<String> problems =
        problems(
            "escalation.dmn",
            Dmn.readModelFromStream(
                new ByteArrayInputStream(typo.getBytes(StandardCharsets.UTF_8))));

    assertThat(problems)
        .singleElement()
        .asString()
        .contains("escalation.dmn", "STRONGG", "solvencySignal");
  }

  /**
   * Issue 15 §6: an analyst reads a table at 100 % zoom; past eight columns (inputs and outputs) it
   * no longer fits and its rules become rows of « - ». A wider table is split into decisions of one
   * requirements diagram (escalation.dmn, legal-route.dmn, enforcement-measure.dmn) or into two
   * tables read one after the other (reminder-cadence.dmn).
   */
  @Test
  void noDecisionTableHasMoreThanEightColumns() throws IOException {
    List<String> wide = new ArrayList<>();
    int tables = 0;
    for (Resource r :
        new PathMatchingResourcePatternResolver()
            .getResources("classpath*:processes/decisions/*.dmn")) {
      try (InputStream in = r.getInputStream()) {
        wide.addAll(tablesWiderThanEightColumns(r.getFilename(), Dmn.readModelFromStream(in)));
        tables++;
      }
    }
    assertThat(tables).isGreaterThan(10);
    assertThat(wide).isEmpty();
  }

  @Test
  void aNinthColumnIsFound() throws IOException {
    DmnModelInstance dmn;
    try (InputStream in = getClass().getResourceAsStream("/processes/decisions/escalation.dmn")) {
      dmn = Dmn.readModelFromStream(in);
    }
    assertThat(tablesWiderThanEightColumns("escalation.dmn", dmn)).isEmpty();
    DecisionTable escalation =
        (DecisionTable) ((Decision) dmn.getModelElementById("escalation")).getExpression();
    Output extra = dmn.newInstance(Output.class);
    extra.setId("Output_Escalation_extra");
    extra.setName("extra");
    escalation.getOutputs().add(extra);

    assertThat(tablesWiderThanEightColumns("escalation.dmn", dmn))
        .singleElement()
        .asString()
        .contains("escalation", "9 columns");
  }

  /** « decision-key (file): n columns » for each table of the file wider than eight columns. */
  static List<String> tablesWiderThanEightColumns(String file, DmnModelInstance dmn) {
    List<String> wide = new ArrayList<>();
    for (Decision decision : dmn.getModelElementsByType(Decision.class)) {
      if (decision.getExpression() instanceof DecisionTable table) {
        int columns = table.getInputs().size() + table.getOutputs().size();
        if (columns > 8) {
          wide.add(
              "%s (%s): %d columns (%d inputs, %d outputs)"
                  .formatted(
                      decision.getId(),
                      file,
                      columns,
                      table.getInputs().size(),
                      table.getOutputs().size()));
        }
      }
    }
    return wide;
  }

  static List<String> problems(String file, DmnModelInstance dmn) {
    List<String> problems = new ArrayList<>();
    for (Decision decision : dmn.getModelElementsByType(Decision.class)) {
      if (decision.getVersionTag() == null || decision.getVersionTag().isBlank()) {
        problems.add(file + ": decision " + decision.getId() + " has no camunda:versionTag");
      }
      if (decision.getCamundaHistoryTimeToLiveString() == null
          || decision.getCamundaHistoryTimeToLiveString().isBlank()) {
        problems.add(file + ": decision " + decision.getId() + " has no camunda:historyTimeToLive");
      }
    }
    for (DecisionTable table : dmn.getModelElementsByType(DecisionTable.class)) {
      for (Rule rule : table.getRules()) {
        if (rule.getDescription() == null || rule.getDescription().getTextContent().isBlank()) {
          problems.add(file + ": rule " + rule.getId() + " has no annotation (description)");
        }
      }
      List<Input> inputs = List.copyOf(table.getInputs());
      List<Output> outputs = List.copyOf(table.getOutputs());
      for (int c = 0; c < inputs.size() + outputs.size(); c++) {
        boolean input = c < inputs.size();
        String column =
            input
                ? inputs.get(c).getInputExpression().getText().getTextContent().trim()
                : outputs.get(c - inputs.size()).getName();
        String allowedText =
            input
                ? (inputs.get(c).getInputValues() == null
                    ? null
                    : inputs.get(c).getInputValues().getText().getTextContent())
                : (outputs.get(c - inputs.size()).getOutputValues() == null
                    ? null
                    : outputs.get(c - inputs.size()).getOutputValues().getText().getTextContent());
        Set<String> allowed = allowedText == null ? null : codes(allowedText);
        for (Rule rule : table.getRules()) {
          String cell =
              input
                  ? List.copyOf(rule.getInputEntries()).get(c).getText().getTextContent()
                  : List.copyOf(rule.getOutputEntries())
                      .get(c - inputs.size())
                      .getText()
                      .getTextContent();
          if (allowed == null) {
            if (CODES_ONLY.matcher(cell).matches() && !WITHOUT_LIST.contains(file + "#" + column)) {
              problems.add(
                  file
                      + ": column "
                      + column
                      + " holds codes ("
                      + cell.trim()
                      + " in "
                      + rule.getId()
                      + ") but lists no allowed values");
            }
            continue;
          }
          for (String code : codes(cell)) {
            if (!allowed.contains(code)) {
              problems.add(
                  file
                      + ": rule "
                      + rule.getId()
                      + ", column "
                      + column
                      + ": « "
                      + code
                      + " » is not one of "
                      + allowed);
            }
          }
        }
      }
    }
    return problems;
  }

  private static Set<String> codes(String text) {
    Set<String> codes = new LinkedHashSet<>();
    Matcher m = CODE.matcher(text);
    while (m.find()) {
      codes.add(m.group(1));
    }
    return codes;
  }
}

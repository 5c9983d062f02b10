package fr.recouvrement.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The short path answers as FEEL does: every input entry, output entry and input expression of
 * every table under processes/decisions is evaluated by the Scala FEEL engine and by {@link
 * SimpleFeel}, on inputs around each literal of the cell, and the answers must be the same.
 */
class SimpleFeelTest {
  private static final FeelEngine SCALA = new ScalaFeelEngineFactory().createInstance();
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
  private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");

  /** Counts what the short path hands over to the Scala engine. */
  static final class Counting implements FeelEngine {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
      calls.incrementAndGet();
      return SCALA.evaluateSimpleExpression(expression, context);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(
        String expression, String inputVariable, VariableContext context) {
      calls.incrementAndGet();
      return SCALA.evaluateSimpleUnaryTests(expression, inputVariable, context);
    }
  }

  record Cell(String table, String typeRef, String text) {}

  @Test
  void everyInputEntryOfOurTablesAnswersAsFeelDoesAndMostNeverReachTheScalaEngine()
      throws Exception {
    Counting scala = new Counting();
    SimpleFeel simple = new SimpleFeel(scala);
    int evaluations = 0;
    for (Cell cell : cells("inputEntry")) {
      for (Object input : inputsAround(cell)) {
        VariableContext context =
            Variables.createVariables().putValue("cellInput", input).asVariableContext();
        Object expected =
            answer(() -> SCALA.evaluateSimpleUnaryTests(cell.text(), "cellInput", context));
        Object actual =
            answer(() -> simple.evaluateSimpleUnaryTests(cell.text(), "cellInput", context));
        assertThat(actual)
            .as(
                "%s: %s on %s (%s)",
                cell.table(),
                cell.text(),
                input,
                input == null ? "null" : input.getClass().getSimpleName())
            .isEqualTo(expected);
        evaluations++;
      }
    }
    assertThat(evaluations).isGreaterThan(1000);
    // the point of it: nearly every cell is answered without the Scala engine (nulls and the rare
    // function go to it)
    assertThat(scala.calls.get()).isLessThan(evaluations / 5);
  }

  @Test
  void outputLiteralsAndInputNamesGiveWhatFeelGives() throws Exception {
    Counting scala = new Counting();
    SimpleFeel simple = new SimpleFeel(scala);
    List<Cell> outputs = cells("outputEntry");
    VariableContext empty = Variables.createVariables().asVariableContext();
    for (Cell cell : outputs) {
      for (int twice = 0; twice < 2; twice++) {
        assertThat((Object) simple.evaluateSimpleExpression(cell.text(), empty))
            .as(cell.table() + ": " + cell.text())
            .isEqualTo(SCALA.evaluateSimpleExpression(cell.text(), empty));
      }
    }
    // each distinct literal reaches FEEL once; an expression (a function call, a sum) every time
    assertThat(scala.calls.get()).isLessThan(outputs.size() / 2);

    VariableContext facts =
        Variables.createVariables()
            .putValue("balance", 1850.0)
            .putValue("ratio", 0.25)
            .putValue("reminderStep", 2)
            .putValue("count", 7L)
            .putValue("debtorType", "BUSINESS")
            .putValue("publicHoliday", false)
            .putValue("nothing", null)
            .asVariableContext();
    for (String name :
        List.of(
            "balance",
            "ratio",
            "reminderStep",
            "count",
            "debtorType",
            "publicHoliday",
            "nothing")) {
      assertThat((Object) simple.evaluateSimpleExpression(name, facts))
          .as(name)
          .isEqualTo(SCALA.evaluateSimpleExpression(name, facts));
    }
  }

  @Test
  void whatTheShortPathDoesNotKnowIsLeftToFeel() {
    Counting scala = new Counting();
    SimpleFeel simple = new SimpleFeel(scala);
    VariableContext amount =
        Variables.createVariables()
            .putValue("cellInput", 12)
            .putValue("limit", 10)
            .asVariableContext();
    // a name inside the test, a function, a null input: the Scala engine answers
    assertThat(simple.evaluateSimpleUnaryTests("> limit", "cellInput", amount)).isTrue();
    assertThat(simple.evaluateSimpleUnaryTests("abs(-12)", "cellInput", amount)).isTrue();
    VariableContext none =
        Variables.createVariables().putValue("cellInput", null).asVariableContext();
    assertThat(simple.evaluateSimpleUnaryTests("< 15", "cellInput", none))
        .isEqualTo(SCALA.evaluateSimpleUnaryTests("< 15", "cellInput", none));
    assertThat(scala.calls.get()).isEqualTo(3);
    // a number tested against a string literal: FEEL decides (no match), not the short path
    assertThat(simple.evaluateSimpleUnaryTests("\"12\"", "cellInput", amount)).isFalse();
    assertThat(scala.calls.get()).isEqualTo(4);
  }

  private static Object answer(java.util.concurrent.Callable<Object> evaluation) {
    try {
      return evaluation.call();
    } catch (Exception e) {
      return "error";
    }
  }

  private static List<Cell> cells(String kind) throws Exception {
    List<Cell> cells = new ArrayList<>();
    File[] files = new File("processes/decisions").listFiles((d, n) -> n.endsWith(".dmn"));
    assertThat(files).isNotEmpty();
    for (File f : files) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Document doc = factory.newDocumentBuilder().parse(f);
      NodeList tables = doc.getElementsByTagNameNS("*", "decisionTable");
      for (int t = 0; t < tables.getLength(); t++) {
        Element table = (Element) tables.item(t);
        List<String> types = new ArrayList<>();
        NodeList inputs = table.getElementsByTagNameNS("*", "inputExpression");
        for (int i = 0; i < inputs.getLength(); i++) {
          types.add(((Element) inputs.item(i)).getAttribute("typeRef"));
        }
        NodeList rules = table.getElementsByTagNameNS("*", "rule");
        for (int r = 0; r < rules.getLength(); r++) {
          NodeList entries = ((Element) rules.item(r)).getElementsByTagNameNS("*", kind);
          for (int e = 0; e < entries.getLength(); e++) {
            String text =
                ((Element) entries.item(e))
                    .getElementsByTagNameNS("*", "text")
                    .item(0)
                    .getTextContent();
            if (text.isBlank()) {
              continue; // the DMN engine does not evaluate an empty cell
            }
            cells.add(
                new Cell(
                    f.getName(),
                    kind.equals("inputEntry") && e < types.size() ? types.get(e) : "",
                    text));
          }
        }
      }
    }
    return cells;
  }

  /**
   * Inputs of the column's type around the cell's literals (each literal, one below, one above),
   * and a null.
   */
  private static Set<Object> inputsAround(Cell cell) {
    Set<Object> inputs = new LinkedHashSet<>();
    inputs.add(null);
    Matcher strings = STRING.matcher(cell.text());
    while (strings.find()) {
      inputs.add(strings.group(1));
    }
    String withoutStrings = STRING.matcher(cell.text()).replaceAll("");
    Matcher numbers = NUMBER.matcher(withoutStrings);
    while (numbers.find()) {
      BigDecimal n = new BigDecimal(numbers.group());
      for (BigDecimal x :
          List.of(
              n,
              n.subtract(BigDecimal.ONE),
              n.add(BigDecimal.ONE),
              n.subtract(new BigDecimal("0.01")),
              n.add(new BigDecimal("0.01")))) {
        switch (cell.typeRef()) {
          case "integer" -> inputs.add(x.intValue());
          case "long" -> inputs.add(x.longValue());
          default -> inputs.add(x.doubleValue());
        }
      }
    }
    switch (cell.typeRef()) {
      case "string" -> inputs.addAll(List.of("OTHER", ""));
      case "boolean" -> inputs.addAll(List.of(true, false));
      case "integer" -> inputs.addAll(List.of(0, 1, -1, 365));
      case "double" -> inputs.addAll(List.of(0.0, 14.99, 1850.0, 12345.67));
      default -> inputs.addAll(List.of("OTHER", 0, 1850.0, true));
    }
    return inputs;
  }
}

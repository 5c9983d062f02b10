package fr.recouvrement.money;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.DecisionTables;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * processes/decisions/interest-rates.dmn, evaluated by the standalone DMN engine (DecisionTables:
 * no Spring).
 */
class InterestRatesDecisionTest {
  static final String RESOURCE = "/processes/decisions/interest-rates.dmn";
  static final DecisionTables TABLE = DecisionTables.load(InterestRates.DECISION_KEY);

  /**
   * Figures checked against the ECB decisions and the legal-rate arrêtés, half-year by half-year.
   */
  static final Map<String, List<String>> PUBLISHED = new LinkedHashMap<>();

  static {
    // half-year: ECB rate, legal rate (individual creditor), legal rate (other cases)
    // arrêté du 23 décembre 2019 (JO du 26 décembre 2019); ECB 0.00 % from March 2016 to July 2022
    PUBLISHED.put("2020-H1", List.of("0.00", "3.15", "0.87"));
    PUBLISHED.put("2021-H1", List.of("0.00", "3.14", "0.79"));
    PUBLISHED.put("2021-H2", List.of("0.00", "3.12", "0.76"));
    PUBLISHED.put("2022-H1", List.of("0.00", "3.13", "0.76"));
    PUBLISHED.put("2022-H2", List.of("0.00", "3.15", "0.77"));
    PUBLISHED.put("2023-H1", List.of("2.50", "4.47", "2.06"));
    PUBLISHED.put("2023-H2", List.of("4.00", "6.82", "4.22"));
    PUBLISHED.put("2024-H1", List.of("4.50", "8.01", "5.07"));
    PUBLISHED.put("2024-H2", List.of("4.25", "8.16", "4.92"));
    PUBLISHED.put("2025-H1", List.of("3.15", "7.21", "3.71"));
    PUBLISHED.put("2025-H2", List.of("2.15", "6.65", "2.76"));
    PUBLISHED.put("2026-H1", List.of("2.15", "6.67", "2.62"));
  }

  /**
   * Half-years inside the table's span left out because their arrêté could not be checked: the
   * application shows them as rates to confirm and asks an analyst (rates-watch).
   */
  static final List<String> AWAITING_A_CHECKED_SOURCE = List.of("2020-H2");

  @Test
  void shouldGiveTheEcbRateInForceOnTheFirstDayOfEachHalfYear() {
    SoftAssertions softly = new SoftAssertions();
    PUBLISHED.forEach(
        (halfYear, figures) ->
            softly
                .assertThat(figure(halfYear, "ecbRate"))
                .as(halfYear)
                .isEqualByComparingTo(figures.get(0)));
    softly.assertAll();
  }

  @Test
  void shouldGiveBothLegalInterestRatesOfEachHalfYear() {
    SoftAssertions softly = new SoftAssertions();
    PUBLISHED.forEach(
        (halfYear, figures) -> {
          softly
              .assertThat(figure(halfYear, "legalRateIndividual"))
              .as(halfYear + " individual")
              .isEqualByComparingTo(figures.get(1));
          softly
              .assertThat(figure(halfYear, "legalRateProfessional"))
              .as(halfYear + " other cases")
              .isEqualByComparingTo(figures.get(2));
        });
    softly.assertAll();
  }

  @Test
  void shouldApplyTheStatutoryMarginFloorAndIndemnityOnEveryRow() {
    SoftAssertions softly = new SoftAssertions();
    for (String halfYear : PUBLISHED.keySet()) {
      softly
          .assertThat(figure(halfYear, "penaltyMarginPoints"))
          .as(halfYear)
          .isEqualByComparingTo("10");
      softly
          .assertThat(figure(halfYear, "legalRateFloorFactor"))
          .as(halfYear)
          .isEqualByComparingTo("3");
      softly
          .assertThat(figure(halfYear, "recoveryIndemnity"))
          .as(halfYear)
          .isEqualByComparingTo("40");
    }
    softly.assertAll();
  }

  @Test
  void shouldCoverEveryHalfYearFromTheFirstRowToTheLastButThoseAwaitingASource() {
    HalfYear first = HalfYear.parse(PUBLISHED.keySet().iterator().next());
    HalfYear last = HalfYear.parse(PUBLISHED.keySet().stream().reduce((a, b) -> b).orElseThrow());
    for (HalfYear h = first; h.compareTo(last) <= 0; h = h.next()) {
      if (AWAITING_A_CHECKED_SOURCE.contains(h.toString())) {
        assertThat(evaluate(h.toString())).as(h.toString()).isNull();
      } else {
        assertThat(evaluate(h.toString()))
            .as(h.toString())
            .isNotNull(); // UNIQUE: two matching rows would throw
      }
    }
    assertThat(rules()).hasSize(PUBLISHED.size());
  }

  @Test
  void shouldMatchNoRowForAHalfYearItDoesNotKnow() {
    assertThat(evaluate("2020-H2")).isNull();
    assertThat(evaluate("2026-H2")).isNull();
    assertThat(evaluate("2026-S1")).isNull();
  }

  @Test
  void shouldDeployUnderItsKeyWithAUniqueHitPolicyHistoryTimeToLiveAndDiagram() throws IOException {
    DmnModelInstance model;
    try (InputStream in = getClass().getResourceAsStream(RESOURCE)) {
      model = Dmn.readModelFromStream(in);
    }
    Decision d = model.getModelElementById(InterestRates.DECISION_KEY);
    assertThat(d.getCamundaHistoryTimeToLiveString()).isEqualTo("P2192D");
    assertThat(((DecisionTable) d.getExpression()).getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
    assertThat(diagramShapesOf(InterestRates.DECISION_KEY))
        .as("DMNDI shape of the decision")
        .isEqualTo(1);
    assertThat(rules())
        .allSatisfy(
            r ->
                assertThat(r.getDescription().getTextContent()).contains("BCE").contains("arrêté"));
  }

  /** The DMN model API does not read DMNDI: count the diagram shapes in the XML itself. */
  private static int diagramShapesOf(String elementId) throws IOException {
    try (InputStream in = InterestRatesDecisionTest.class.getResourceAsStream(RESOURCE)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      NodeList shapes =
          factory
              .newDocumentBuilder()
              .parse(in)
              .getElementsByTagNameNS("https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNShape");
      int count = 0;
      for (int i = 0; i < shapes.getLength(); i++) {
        if (elementId.equals(((Element) shapes.item(i)).getAttribute("dmnElementRef"))) {
          count++;
        }
      }
      return count;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Rule> rules() {
    try (InputStream in = InterestRatesDecisionTest.class.getResourceAsStream(RESOURCE)) {
      DecisionTable table =
          (DecisionTable)
              ((Decision)
                      Dmn.readModelFromStream(in).getModelElementById(InterestRates.DECISION_KEY))
                  .getExpression();
      return List.copyOf(table.getRules());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The matching row, or null when none matches. */
  private static DmnDecisionResultEntries evaluate(String halfYear) {
    return TABLE.evaluate(Map.of("halfYear", halfYear));
  }

  private static BigDecimal figure(String halfYear, String output) {
    DmnDecisionResultEntries row = evaluate(halfYear);
    assertThat(row).as(halfYear).isNotNull();
    return InterestRates.number(row.getEntryMap(), output);
  }
}

package fr.recouvrement.money;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.recouvrement.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deployed interest-rates decision as the application reads it: stand-in rows, versions, cache.
 */
@IntegrationTest
class InterestRatesTest {
  @Autowired InterestRates interestRates;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;

  @Test
  void aHalfYearWithoutARowTakesTheLatestKnownRowAndWarns() {
    ListAppender<ILoggingEvent> log = capture();
    try {
      Rates rates = interestRates.current().ratesFor(HalfYear.parse("2031-H2"));

      assertThat(rates.halfYear()).hasToString("2031-H2");
      assertThat(rates.row()).hasToString("2026-H1");
      assertThat(rates.ecbRate()).isEqualByComparingTo("2.15");
      assertThat(rates.latePenaltyRate()).isEqualByComparingTo("12.15");
      assertThat(log.list)
          .anySatisfy(
              e -> {
                assertThat(e.getLevel()).isEqualTo(Level.WARN);
                assertThat(e.getFormattedMessage())
                    .contains("no row for 2031-H2")
                    .contains("2026-H1");
              });
    } finally {
      release(log);
    }
  }

  @Test
  void aHalfYearBeforeTheFirstRowTakesTheEarliestRow() {
    Rates rates = interestRates.current().ratesFor(HalfYear.parse("2019-H1"));

    assertThat(rates.row()).hasToString("2020-H1");
    assertThat(rates.confirmed()).isFalse();
    assertThat(rates.latePenaltyRate()).isEqualByComparingTo("10.00");
  }

  @Test
  void eachHalfYearIsEvaluatedOncePerVersionAndANewVersionTakesEffectAtOnce() throws IOException {
    HalfYear h = HalfYear.parse("2025-H1");
    RateTable before = interestRates.current();
    before.ratesFor(h);
    long evaluations = evaluations();
    assertThat(interestRates.current().ratesFor(h).ecbRate()).isEqualByComparingTo("3.15");
    assertThat(evaluations()).as("served from memory").isEqualTo(evaluations);

    Deployment changed =
        repositoryService
            .createDeployment()
            .name("interest-rates corrected")
            .addString("interest-rates.dmn", dmnWith2025H1EcbRate("3.40"))
            .deploy();
    try {
      RateTable after = interestRates.current();
      assertThat(after.version()).isNotEqualTo(before.version());
      assertThat(after.ratesFor(h).ecbRate()).isEqualByComparingTo("3.40");
    } finally {
      repositoryService.deleteDeployment(changed.getId(), true);
    }
    assertThat(interestRates.current().ratesFor(h).ecbRate()).isEqualByComparingTo("3.15");
  }

  private long evaluations() {
    return historyService
        .createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(InterestRates.DECISION_KEY)
        .count();
  }

  private static String dmnWith2025H1EcbRate(String rate) throws IOException {
    try (InputStream in =
        InterestRatesTest.class.getResourceAsStream("/processes/decisions/interest-rates.dmn")) {
      String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String entry =
          "<outputEntry id=\"OutputEntry_2025_H1_EcbRate\">\n          <text>3.15</text>";
      assertThat(xml).contains(entry);
      return xml.replace(entry, entry.replace("3.15", rate));
    }
  }

  private static ListAppender<ILoggingEvent> capture() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(InterestRates.class)).addAppender(appender);
    return appender;
  }

  private static void release(ListAppender<ILoggingEvent> appender) {
    ((Logger) LoggerFactory.getLogger(InterestRates.class)).detachAppender(appender);
  }
}

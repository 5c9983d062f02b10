package fr.recouvrement.legal;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * The real {@code legalDeadlines} bean for Spring-free process tests, reading the table deployed on
 * their engine.
 */
public final class TestLegalDeadlines {
  private TestLegalDeadlines() {}

  public static LegalDeadlines on(ProcessEngine engine) {
    return new LegalDeadlines(
        new fr.recouvrement.engine.LatestDecisionTables(
            engine, new fr.recouvrement.kernel.process.LatestDecisions(engine)));
  }
}

package fr.recouvrement.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code recouvrement.demo.portfolio=true} (profile {@code local}): writes the demo portfolio on
 * the first start, before the application takes requests; later starts find the marker and do
 * nothing.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = "recouvrement.demo.portfolio", havingValue = "true")
class DemoPortfolioRunner implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoPortfolioRunner.class);

  private final DemoPortfolio portfolio;

  DemoPortfolioRunner(DemoPortfolio portfolio) {
    this.portfolio = portfolio;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (portfolio.marker() != null) {
      log.info("Demo portfolio: nothing to do, it was {}", portfolio.marker());
      return;
    }
    log.info(
        "Demo portfolio: writing {} demo cases with backdated histories (a few minutes on a first start)...",
        DemoPortfolio.SIZE);
    try {
      DemoPortfolio.Created created = portfolio.createOnce();
      log.warn(
          "Demo portfolio: {} demo cases (debtors {}*) in {} s. Remove them with"
              + " curl -u <admin> -X DELETE http://localhost:8080/api/demo/portfolio",
          created.cases(),
          DemoPortfolio.PREFIX,
          created.took().toSeconds());
    } catch (DemoPortfolio.NotCreated refused) {
      log.warn("Demo portfolio not created: {}", refused.getMessage());
    }
  }
}

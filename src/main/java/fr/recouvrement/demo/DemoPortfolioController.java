package fr.recouvrement.demo;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/demo/portfolio} (camunda-admin, security/SecurityConfig): the one command that
 * removes the demo portfolio, whatever was done with its cases since (docs/operations.md).
 */
@RestController
class DemoPortfolioController {
  private final DemoPortfolio portfolio;

  DemoPortfolioController(DemoPortfolio portfolio) {
    this.portfolio = portfolio;
  }

  @DeleteMapping("/api/demo/portfolio")
  DemoPortfolio.Removed remove() {
    return portfolio.remove();
  }
}

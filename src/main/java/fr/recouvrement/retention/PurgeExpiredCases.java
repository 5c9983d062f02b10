package fr.recouvrement.retention;

import fr.recouvrement.kernel.time.CaseClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Anonymiser les dossiers échus » in {@code data-retention}: one nightly run; writes what it did. */
@Component("purgeExpiredCases")
class PurgeExpiredCases implements JavaDelegate {
  private final DataRetention retention;

  PurgeExpiredCases(DataRetention retention) {
    this.retention = retention;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DataRetention.Run run = retention.run(CaseClock.today());
    execution.setVariable("casesDated", run.datedCases());
    execution.setVariable("casesAnonymised", run.anonymisedCases());
    execution.setVariable("debtorsAnonymised", run.anonymisedDebtors());
  }
}

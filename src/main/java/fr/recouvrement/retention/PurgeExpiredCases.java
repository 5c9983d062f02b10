package fr.recouvrement.retention;

import fr.recouvrement.kernel.provider.KeptCallbackSweep;
import fr.recouvrement.kernel.time.CaseClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * « Anonymiser les dossiers échus » in {@code data-retention}: one nightly run; writes what it did.
 */
@Component("purgeExpiredCases")
class PurgeExpiredCases implements JavaDelegate {
  private final DataRetention retention;
  private final KeptCallbackSweep keptCallbacks;

  PurgeExpiredCases(DataRetention retention, KeptCallbackSweep keptCallbacks) {
    this.retention = retention;
    this.keptCallbacks = keptCallbacks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DataRetention.Run run = retention.run(CaseClock.today());
    execution.setVariable("casesDated", run.datedCases());
    execution.setVariable("casesAnonymised", run.anonymisedCases());
    execution.setVariable("debtorsAnonymised", run.anonymisedDebtors());
    // provider callbacks that never found their letter or mission (review M5) go with them
    execution.setVariable("unmatchedCallbacksDeleted", keptCallbacks.purge(CaseClock.now()));
  }
}

package fr.recouvrement.legal.bailiff;

import fr.recouvrement.cases.CaseClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes {@code bailiffActAt} (a Date, for a timer before the request): now when a commissaire de
 * justice may act now, else the next 06:00 that is not a Sunday nor a French public holiday
 * ({@link BailiffActWindow}, CPCE L141-1).
 */
@Component("scheduleBailiffAct")
class ScheduleBailiffAct implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("bailiffActAt", Date.from(BailiffActWindow.next(CaseClock.now())));
  }
}

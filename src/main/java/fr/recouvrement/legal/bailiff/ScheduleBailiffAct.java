package fr.recouvrement.legal.bailiff;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.kernel.time.Territory;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes {@code bailiffActAt} (a Date, for a timer before the request): now when a commissaire de
 * justice may act now, else the next 06:00 that is not a Sunday nor a public holiday where the
 * debtor lives ({@code debtorTerritory}, optional: metropolitan France when absent; {@link
 * BailiffActWindow}, CPCE L141-1).
 */
@Component("scheduleBailiffAct")
class ScheduleBailiffAct implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    Territory territory =
        Territory.parse(StepVariables.of(execution).optionalText("debtorTerritory").orElse(null));
    execution.setVariable(
        "bailiffActAt", Date.from(BailiffActWindow.next(CaseClock.now(), territory)));
  }
}

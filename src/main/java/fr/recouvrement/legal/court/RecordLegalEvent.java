package fr.recouvrement.legal.court;

import fr.recouvrement.security.Actors;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.money.CaseCosts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records a step of a court procedure in the case's legal events (the prescription service
 * listens), from the task's input parameters in the model: {@code legalEvent} (a {@link
 * LegalEventType}), {@code legalEventDate} (default today), optional {@code legalEventEndsOn} (end
 * of a suspension) and {@code legalEventDetails}; optional {@code costKind} / {@code costAmount}
 * (a court or lawyer fee the collector entered), recorded once in the case costs.
 */
@Component("recordLegalEvent")
class RecordLegalEvent implements JavaDelegate {
  private final LegalEvents events;
  private final CaseCosts costs;

  RecordLegalEvent(LegalEvents events, CaseCosts costs) {
    this.events = events;
    this.costs = costs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable("caseReference");
    LegalEventType type = LegalEventType.valueOf((String) execution.getVariable("legalEvent"));
    Object when = execution.getVariable("legalEventDate");
    LocalDate occurredOn = when == null ? fr.recouvrement.kernel.time.CaseClock.today() : CourtDates.day(when);
    Object endsOn = execution.getVariable("legalEventEndsOn");
    Object details = execution.getVariable("legalEventDetails");
    String actor = Actors.current(execution);
    long caseId = events.caseId(reference);
    long id = events.record(caseId, type, occurredOn, endsOn == null ? null : CourtDates.day(endsOn),
        details == null ? null : details.toString(), actor);
    Object kind = execution.getVariable("costKind");
    BigDecimal amount = amount(execution.getVariable("costAmount"));
    if (kind != null && amount != null && amount.signum() > 0) {
      costs.record(caseId, kind.toString(), amount, occurredOn, "legal-event-" + id, actor);
    }
  }

  private static BigDecimal amount(Object value) {
    return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
  }

}

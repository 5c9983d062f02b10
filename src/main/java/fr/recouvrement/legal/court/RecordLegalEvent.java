package fr.recouvrement.legal.court;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.money.CaseCosts;
import fr.recouvrement.security.Actors;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records a step of a court procedure in the case's legal events (the prescription service
 * listens), from the task's input parameters in the model: {@code legalEvent} (a {@link
 * LegalEventType}), {@code legalEventDate} (default today), optional {@code legalEventEndsOn} (end
 * of a suspension) and {@code legalEventDetails}; optional {@code costKind} / {@code costAmount} (a
 * court or lawyer fee the collector entered), recorded once in the case costs.
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
    String reference = StepVariables.of(execution).caseReference();
    StepVariables variables = StepVariables.of(execution);
    LegalEventType type = LegalEventType.valueOf(variables.text("legalEvent"));
    LocalDate occurredOn = variables.optionalDate("legalEventDate").orElseGet(CaseClock::today);
    LocalDate endsOn = variables.optionalDate("legalEventEndsOn").orElse(null);
    String details = variables.optionalText("legalEventDetails").orElse(null);
    String actor = Actors.current(execution);
    long caseId = events.caseId(reference);
    long id = events.record(caseId, type, occurredOn, endsOn, details, actor);
    String kind = variables.optionalText("costKind").orElse(null);
    BigDecimal amount = variables.optionalAmount("costAmount").orElse(null);
    if (kind != null && amount != null && amount.signum() > 0) {
      costs.record(caseId, kind, amount, occurredOn, "legal-event-" + id, actor);
    }
  }
}

package fr.recouvrement.legal.escalation;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.security.Actors;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la remise à l'agence": the case is in the hands of a collection agency from this
 * date (its letters carry the CPCE R124-4 mentions and our case reference).
 */
@Component("recordAgencyHandover")
class RecordAgencyHandover implements JavaDelegate {
  private final LegalEvents events;

  RecordAgencyHandover(LegalEvents events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    LocalDate date = variables.optionalDate("agencyHandedOverOn").orElseGet(CaseClock::today);
    String details =
        "Agence : %s ; référence : %s"
            .formatted(
                variables.optionalText("agencyName").orElse(null),
                variables.optionalText("agencyReference").orElse(null));
    events.record(
        StepVariables.of(execution).caseReference(),
        LegalEventType.AGENCY_HANDOVER,
        date,
        details,
        Actors.current(execution));
  }
}

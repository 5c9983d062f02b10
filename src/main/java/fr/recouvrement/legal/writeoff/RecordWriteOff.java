package fr.recouvrement.legal.writeoff;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer le passage en perte": closes the case WRITTEN_OFF with its reason and records the
 * legal event with the cause, the supervisor's comment and who confirmed it. Reads caseReference,
 * writeOffCause, writeOffReason, writeOffComment, writeOffDecidedBy. The claim is now
 * irrecoverable: the VAT of its unpaid invoices is recorded as recoverable (CGI 272), and written
 * back to recoverableVat.
 */
@Component("recordWriteOff")
class RecordWriteOff implements JavaDelegate {
  private final CaseService cases;
  private final LegalEvents legalEvents;

  RecordWriteOff(CaseService cases, LegalEvents legalEvents) {
    this.cases = cases;
    this.legalEvents = legalEvents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = StepVariables.of(execution).caseReference();
    StepVariables variables = StepVariables.of(execution);
    String cause = variables.optionalText("writeOffCause").orElse(null);
    String actor = variables.optionalText("writeOffDecidedBy").orElse("system");
    String closing = variables.optionalText("writeOffReason").orElse("Passage en perte");
    // closing_reason holds 255 characters; the event keeps the full text
    cases.closeAsWrittenOff(
        reference, closing.length() > 255 ? closing.substring(0, 254) + "…" : closing);
    execution.setVariable(
        "recoverableVat", cases.recordRecoverableVat(reference, "WRITE_OFF").doubleValue());
    String details =
        "cause="
            + cause
            + "; motif="
            + closing
            + "; commentaire="
            + variables.optionalText("writeOffComment").orElse(null);
    legalEvents.record(
        reference,
        LegalEventType.WRITTEN_OFF,
        CaseClock.today(),
        details.length() > 4000 ? details.substring(0, 4000) : details,
        actor);
  }
}

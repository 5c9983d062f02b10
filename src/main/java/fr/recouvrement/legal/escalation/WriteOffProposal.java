package fr.recouvrement.legal.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${writeOffProposal.set(execution, 'ENFORCEMENT_FAILED', '...', true)}} on the flows that
 * lead to the write-off: says why, in the words the supervisor reads in "Confirmer le passage en
 * perte", and whether the supervisor may refuse it (not for a prescribed claim).
 */
@Component("writeOffProposal")
public class WriteOffProposal {
  public void set(DelegateExecution execution, String cause, Object reason, boolean refusable) {
    execution.setVariable("writeOffCause", cause);
    execution.setVariable("writeOffReason", reason == null ? cause : reason.toString());
    execution.setVariable("writeOffRefusable", refusable);
  }
}

package fr.recouvrement.cases;

import fr.recouvrement.kernel.process.StepVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Clôturer le dossier soldé": the balance is settled, the case ends as PAID. */
@Component("closeCasePaid")
class CloseCasePaid implements JavaDelegate {
  private final CaseService cases;

  CloseCasePaid(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.closeAsPaid(StepVariables.of(execution).caseReference());
  }
}

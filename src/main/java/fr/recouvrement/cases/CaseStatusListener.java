package fr.recouvrement.cases;

import fr.recouvrement.kernel.process.StepVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${caseStatus.set(execution, 'DISPUTED')}}: an execution listener in the model sets the
 * status the API shows, so the status follows the diagram an analyst deployed.
 */
@Component("caseStatus")
public class CaseStatusListener {
  private final CaseRepository repository;

  CaseStatusListener(CaseRepository repository) {
    this.repository = repository;
  }

  public void set(DelegateExecution execution, String status) {
    repository.setStatus(StepVariables.of(execution).caseReference(), CaseStatus.valueOf(status));
  }
}

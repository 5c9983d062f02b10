package fr.recouvrement.cases;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.security.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Reprendre le recouvrement": the phase that interrupted the case is over without settling it (an
 * over-indebtedness file rejected): the case process starts again, from the segmentation.
 */
@Component("resumeCollection")
class ResumeCollection implements JavaDelegate {
  private final CaseService cases;

  ResumeCollection(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.restartCollection(StepVariables.of(execution).caseReference(), Actors.current(execution));
  }
}

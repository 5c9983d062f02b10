package fr.recouvrement.plan;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.kernel.process.StepVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Relire le dossier": right before the terms decision, reads what the decision weighs from our
 * tables — the balance, the segment, the debtor type — and overwrites whatever the process holds
 * under those names, so nothing a task submission set can choose who approves a plan (four eyes,
 * security review H3). Reads caseReference; writes balance, segment, debtorType.
 */
@Component("collectPlanFacts")
class CollectPlanFacts implements JavaDelegate {
  private final CaseService cases;

  CollectPlanFacts(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = StepVariables.of(execution).caseReference();
    CaseView c = cases.get(reference);
    execution.setVariable("balance", cases.balance(reference).doubleValue());
    execution.setVariable("segment", c.segment());
    execution.setVariable("debtorType", c.debtor().type().name());
  }
}

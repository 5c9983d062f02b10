package fr.recouvrement.reminder;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * "Analyser l'historique de paiement": the debtor-segment inputs, read from our records.
 *
 * <p>Transient in the segmentation's own instance: the decision's history keeps them as its inputs
 * and the calling case keeps them as its variables (debtor-segmentation's callers map them back by
 * expression, which copies the value, not the transient flag), so a stored copy in every
 * segmentation instance would be a third copy no one reads (issue 14, bytes per case).
 */
@Component("collectPaymentHistory")
class CollectPaymentHistory implements JavaDelegate {
  private final ReminderRepository repository;
  private final CaseService cases;

  CollectPaymentHistory(ReminderRepository repository, CaseService cases) {
    this.repository = repository;
    this.cases = cases;
  }

  private static void fact(DelegateExecution execution, String name, Object value) {
    execution.setVariable(name, Variables.untypedValue(value, true));
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = StepVariables.of(execution).caseReference();
    ReminderRepository.CaseFacts facts = repository.facts(reference);
    ReminderRepository.PaymentHistory history =
        repository.paymentHistory(facts.debtorId(), facts.caseId(), CaseClock.today());
    fact(execution, "debtorType", facts.debtorType());
    fact(execution, "debtorName", facts.debtorName());
    fact(execution, "balance", cases.balance(reference).doubleValue());
    fact(execution, "daysOverdue", facts.daysOverdue(CaseClock.today()));
    fact(execution, "latePaymentsLast12Months", history.latePayments());
    fact(execution, "averageDelayDays", history.averageDelayDays());
    fact(execution, "brokenPromises", history.brokenPromises());
  }
}

package fr.recouvrement.reminder;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    String reference = variables.caseReference();
    ReminderRepository.CaseFacts facts = repository.facts(reference);
    ReminderRepository.PaymentHistory history =
        repository.paymentHistory(facts.debtorId(), facts.caseId(), CaseClock.today());
    variables.setTransient("debtorType", facts.debtorType());
    variables.setTransient("debtorName", facts.debtorName());
    variables.setTransient("balance", cases.balance(reference).doubleValue());
    variables.setTransient("daysOverdue", facts.daysOverdue(CaseClock.today()));
    variables.setTransient("latePaymentsLast12Months", history.latePayments());
    variables.setTransient("averageDelayDays", history.averageDelayDays());
    variables.setTransient("brokenPromises", history.brokenPromises());
  }
}

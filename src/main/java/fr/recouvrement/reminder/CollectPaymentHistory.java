package fr.recouvrement.reminder;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Analyser l'historique de paiement": the debtor-segment inputs, read from our records. */
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
    String reference = StepVariables.of(execution).caseReference();
    ReminderRepository.CaseFacts facts = repository.facts(reference);
    ReminderRepository.PaymentHistory history =
        repository.paymentHistory(facts.debtorId(), facts.caseId(), CaseClock.today());
    execution.setVariable("debtorType", facts.debtorType());
    execution.setVariable("debtorName", facts.debtorName());
    execution.setVariable("balance", cases.balance(reference).doubleValue());
    execution.setVariable("daysOverdue", facts.daysOverdue(CaseClock.today()));
    execution.setVariable("latePaymentsLast12Months", history.latePayments());
    execution.setVariable("averageDelayDays", history.averageDelayDays());
    execution.setVariable("brokenPromises", history.brokenPromises());
  }
}

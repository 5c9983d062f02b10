package fr.recouvrement.legal.notice;

import fr.recouvrement.channel.CaseLetters;
import fr.recouvrement.kernel.process.StepVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Préparer la mise en demeure". Reads caseReference and noticeDeadlineDays (optional: the usual
 * period of legal-deadlines when absent; never under its minimum); writes noticeDeadlineDays (the
 * days given), noticeDocumentId, noticeDate (the date printed on the letter) and noticeDeadline
 * (ISO dates; the deadline as if posted today, moved when the letter is posted and delivered),
 * noticeAmount and noticeInvoices (what the letter claims), noticeDeadlineAt (the start of the day
 * after the deadline: the timer and the follow-up task's due date), noticeFollowUpAt,
 * noticeDelivered (false), postalGatewayConfigured and debtorHasEmail.
 */
@Component("prepareFormalNotice")
class PrepareFormalNotice implements JavaDelegate {
  private final FormalNotices notices;
  private final CaseLetters letters;

  PrepareFormalNotice(FormalNotices notices, CaseLetters letters) {
    this.notices = notices;
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormalNotices.Prepared prepared =
        notices.prepare(
            StepVariables.of(execution).caseReference(),
            NoticeStep.key(execution),
            StepVariables.of(execution).optionalInteger("noticeDeadlineDays").orElse(null));
    execution.setVariable("noticeDeadlineDays", prepared.deadlineDays());
    execution.setVariable("noticeDocumentId", prepared.documentId());
    execution.setVariable("noticeDate", prepared.noticeDate().toString());
    NoticeStep.deadline(execution, prepared.deadline());
    execution.setVariable("noticeAmount", prepared.total().doubleValue());
    execution.setVariable("noticeInvoices", prepared.invoices());
    execution.setVariable("noticeDelivered", false);
    execution.setVariable("postalGatewayConfigured", letters.postalProviderConfigured());
    execution.setVariable("debtorHasEmail", prepared.debtorHasEmail());
  }
}

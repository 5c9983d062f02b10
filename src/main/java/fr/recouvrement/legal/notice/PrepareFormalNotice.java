package fr.recouvrement.legal.notice;

import fr.recouvrement.cases.CaseClock;
import fr.recouvrement.channel.CaseLetters;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Préparer la mise en demeure". Reads caseReference and noticeDeadlineDays (at least 8); writes
 * noticeDocumentId, noticeDate and noticeDeadline (ISO dates), noticeAmount and noticeInvoices (what
 * the letter claims), noticeDeadlineAt (the start of the
 * day after the deadline: the timer and the follow-up task's due date), noticeFollowUpAt,
 * postalGatewayConfigured and debtorHasEmail.
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
        notices.prepare(NoticeStep.caseReference(execution), NoticeStep.key(execution), NoticeStep.integer(execution, "noticeDeadlineDays"));
    Date deadlineAt = NoticeStep.startOf(prepared.deadline().plusDays(1));
    Date followUp = NoticeStep.startOf(prepared.deadline().minusDays(2));
    Date now = Date.from(CaseClock.now());
    execution.setVariable("noticeDocumentId", prepared.documentId());
    execution.setVariable("noticeDate", prepared.noticeDate().toString());
    execution.setVariable("noticeDeadline", prepared.deadline().toString());
    execution.setVariable("noticeAmount", prepared.total().doubleValue());
    execution.setVariable("noticeInvoices", prepared.invoices());
    execution.setVariable("noticeDeadlineAt", deadlineAt);
    execution.setVariable("noticeFollowUpAt", followUp.before(now) ? now : followUp);
    execution.setVariable("postalGatewayConfigured", letters.postalProviderConfigured());
    execution.setVariable("debtorHasEmail", prepared.debtorHasEmail());
  }
}

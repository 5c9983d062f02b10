package fr.recouvrement.legal.notice;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.security.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer l'envoi de la mise en demeure" posted by a collector. Reads caseReference,
 * noticeDocumentId, noticeDeadlineDays and the form's lrarNumber and postingDate; writes
 * noticeTrackingId, noticePostedOn and the deadline counted from the posting date (a letter posted
 * days after it was written gives the debtor the full period from the posting): noticeDeadline,
 * noticeDeadlineAt, noticeFollowUpAt. The posting date also starts a consumer's legal interest.
 */
@Component("recordPostedFormalNotice")
class RecordPostedFormalNotice implements JavaDelegate {
  private final FormalNotices notices;

  RecordPostedFormalNotice(FormalNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    FormalNotices.Sent sent =
        notices.recordPostedByHand(
            variables.caseReference(),
            NoticeStep.key(execution),
            variables.id("noticeDocumentId"),
            variables.text("lrarNumber"),
            variables.date("postingDate"),
            variables.integer("noticeDeadlineDays"),
            Actors.current(execution));
    execution.setVariable("noticeTrackingId", sent.trackingId());
    execution.setVariable("noticePostedOn", sent.postedOn().toString());
    NoticeStep.deadline(execution, sent.deadline());
  }
}

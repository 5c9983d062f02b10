package fr.recouvrement.legal.notice;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.security.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Envoyer la mise en demeure en recommandé" through the postal provider (LRAR), once per step.
 * Reads caseReference, noticeDocumentId, noticeDeadlineDays; writes noticeTrackingId,
 * noticePostedOn and the deadline counted from that day (noticeDeadline, noticeDeadlineAt,
 * noticeFollowUpAt).
 */
@Component("sendFormalNotice")
class SendFormalNotice implements JavaDelegate {
  private final FormalNotices notices;

  SendFormalNotice(FormalNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    FormalNotices.Sent sent =
        notices.sendByProvider(
            variables.caseReference(),
            NoticeStep.key(execution),
            variables.id("noticeDocumentId"),
            variables.integer("noticeDeadlineDays"),
            Actors.current(execution));
    execution.setVariable("noticeTrackingId", sent.trackingId());
    execution.setVariable("noticePostedOn", sent.postedOn().toString());
    NoticeStep.deadline(execution, sent.deadline());
  }
}

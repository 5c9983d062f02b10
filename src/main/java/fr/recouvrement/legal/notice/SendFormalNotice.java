package fr.recouvrement.legal.notice;

import fr.recouvrement.security.Actors;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Envoyer la mise en demeure en recommandé" through the postal provider (LRAR), once per step.
 * Reads caseReference, noticeDocumentId, noticeDate, noticeDeadline; writes noticeTrackingId.
 */
@Component("sendFormalNotice")
class SendFormalNotice implements JavaDelegate {
  private final FormalNotices notices;

  SendFormalNotice(FormalNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String tracking =
        notices.sendByProvider(
            NoticeStep.caseReference(execution),
            NoticeStep.key(execution),
            NoticeStep.id(execution, "noticeDocumentId"),
            LocalDate.parse(NoticeStep.text(execution, "noticeDate")),
            LocalDate.parse(NoticeStep.text(execution, "noticeDeadline")),
            Actors.current(execution));
    execution.setVariable("noticeTrackingId", tracking);
  }
}

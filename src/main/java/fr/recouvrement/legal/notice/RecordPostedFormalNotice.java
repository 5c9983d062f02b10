package fr.recouvrement.legal.notice;

import fr.recouvrement.security.Actors;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer l'envoi de la mise en demeure" posted by a collector. Reads caseReference,
 * noticeDocumentId, noticeDeadline and the form's lrarNumber and postingDate; writes
 * noticeTrackingId. The posting date is the notice's date (legal interest of a consumer runs from it).
 */
@Component("recordPostedFormalNotice")
class RecordPostedFormalNotice implements JavaDelegate {
  private final FormalNotices notices;

  RecordPostedFormalNotice(FormalNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String tracking =
        notices.recordPostedByHand(
            NoticeStep.caseReference(execution),
            NoticeStep.key(execution),
            NoticeStep.id(execution, "noticeDocumentId"),
            NoticeStep.text(execution, "lrarNumber"),
            NoticeStep.date(execution, "postingDate"),
            LocalDate.parse(NoticeStep.text(execution, "noticeDeadline")),
            Actors.current(execution));
    execution.setVariable("noticeTrackingId", tracking);
  }
}

package fr.recouvrement.legal.notice;

import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.security.Actors;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer le retour de la lettre": the registered letter came back undelivered, reported by
 * the postal callback (noticeReturnReason NOT_CLAIMED or RETURNED, noticeReturnedOn) or by a
 * collector (COLLECTOR). Records the legal event once per letter and writes noticeDelivered
 * (false): the case does not go to court on this letter alone.
 */
@Component("recordReturnedFormalNotice")
class RecordReturnedFormalNotice implements JavaDelegate {
  private final FormalNotices notices;

  RecordReturnedFormalNotice(FormalNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object reason = execution.getVariable("noticeReturnReason");
    Object tracking = execution.getVariable("noticeTrackingId");
    LocalDate on = NoticeStep.optionalDate(execution, "noticeReturnedOn");
    notices.returned(
        NoticeStep.caseReference(execution),
        tracking == null ? null : tracking.toString(),
        on == null ? CaseClock.today() : on,
        reason == null || reason.toString().isBlank() ? "COLLECTOR" : reason.toString(),
        Actors.current(execution));
    execution.setVariable("noticeDelivered", false);
  }
}

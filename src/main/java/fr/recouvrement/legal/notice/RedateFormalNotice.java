package fr.recouvrement.legal.notice;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.security.Actors;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Faire courir le délai depuis la remise": the letter reached the debtor on noticeDeliveredOn
 * (first presentation reported by the postal callback, or a collector's confirmation: signed
 * acknowledgement, service by a commissaire de justice, handing over), so the deadline runs again
 * from that day. Reads caseReference, noticeDeliveredOn, noticeDeliveryHow (POSTAL when the
 * callback reported it; SIGNED, REFUSED, SERVED, DELIVERED_BY_HAND from a form), noticePostedOn,
 * noticeDeadlineDays, noticeTrackingId; writes noticeDelivered (true), noticeDeadline,
 * noticeDeadlineAt, noticeFollowUpAt.
 */
@Component("redateFormalNotice")
class RedateFormalNotice implements JavaDelegate {
  private final FormalNotices notices;

  RedateFormalNotice(FormalNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    LocalDate deadline =
        notices.delivered(
            variables.caseReference(),
            variables.optionalDate("noticePostedOn").orElse(null),
            variables.date("noticeDeliveredOn"),
            variables.integer("noticeDeadlineDays"),
            variables.optionalText("noticeDeliveryHow").orElse(null),
            variables.optionalText("noticeTrackingId").orElse(null),
            Actors.current(execution));
    execution.setVariable("noticeDelivered", true);
    NoticeStep.deadline(execution, deadline);
  }
}

package fr.recouvrement.legal.notice;

import fr.recouvrement.kernel.process.StepKey;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The formal notice's step key and the deadline variables its delegates write. */
final class NoticeStep {
  private NoticeStep() {}

  /**
   * {@code caseReference/processInstanceId/activityId}: the same for a retried job, another for the
   * next notice; a letter sent again after a return (noticeAttempt 2, 3...) gets {@code /2}, {@code
   * /3}.
   */
  static String key(DelegateExecution execution) {
    int attempt = StepVariables.of(execution).optionalInteger("noticeAttempt").orElse(1);
    return attempt > 1 ? StepKey.of(execution, attempt) : StepKey.of(execution);
  }

  /**
   * The debtor's deadline: {@code noticeDeadline} (ISO date, the last day to pay), {@code
   * noticeDeadlineAt} (the start of the next day: the timer and the follow-up task's due date) and
   * {@code noticeFollowUpAt} (two days before, or now if that is past).
   */
  static void deadline(DelegateExecution execution, LocalDate deadline) {
    Date followUp = CaseClock.startOf(deadline.minusDays(2));
    Date now = Date.from(CaseClock.now());
    execution.setVariable("noticeDeadline", deadline.toString());
    execution.setVariable("noticeDeadlineAt", CaseClock.startOf(deadline.plusDays(1)));
    execution.setVariable("noticeFollowUpAt", followUp.before(now) ? now : followUp);
  }
}

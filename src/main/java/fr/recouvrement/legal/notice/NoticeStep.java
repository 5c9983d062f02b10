package fr.recouvrement.legal.notice;

import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The process variables the formal notice's delegates read and write. */
final class NoticeStep {
  private NoticeStep() {}

  /**
   * {@code caseReference/processInstanceId/activityId}: the same for a retried job, another for the
   * next notice; a letter sent again after a return (noticeAttempt 2, 3...) gets {@code /2}, {@code /3}.
   */
  static String key(DelegateExecution execution) {
    Object attempt = execution.getVariable("noticeAttempt");
    String again = attempt instanceof Number n && n.intValue() > 1 ? "/" + n.intValue() : "";
    return caseReference(execution) + "/" + execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId() + again;
  }

  static String caseReference(DelegateExecution execution) {
    return text(execution, "caseReference");
  }

  static String text(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      throw new IllegalArgumentException(
          "Process variable '%s' is missing at activity %s".formatted(name, execution.getCurrentActivityId()));
    }
    return v.toString();
  }

  static int integer(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    if (v instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(text(execution, name).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Process variable '%s' is not a whole number of days: '%s'".formatted(name, v));
    }
  }

  /** A whole number of days, or null when the variable is absent (the usual period then applies). */
  static Integer optionalInteger(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    return integer(execution, name);
  }

  /** A date, or null when the variable is absent or blank. */
  static LocalDate optionalDate(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    return v == null || v.toString().isBlank() ? null : date(execution, name);
  }

  /**
   * The debtor's deadline: {@code noticeDeadline} (ISO date, the last day to pay), {@code
   * noticeDeadlineAt} (the start of the next day: the timer and the follow-up task's due date) and
   * {@code noticeFollowUpAt} (two days before, or now if that is past).
   */
  static void deadline(DelegateExecution execution, LocalDate deadline) {
    Date followUp = startOf(deadline.minusDays(2));
    Date now = Date.from(CaseClock.now());
    execution.setVariable("noticeDeadline", deadline.toString());
    execution.setVariable("noticeDeadlineAt", startOf(deadline.plusDays(1)));
    execution.setVariable("noticeFollowUpAt", followUp.before(now) ? now : followUp);
  }

  static long id(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    return v instanceof Number n ? n.longValue() : Long.parseLong(text(execution, name));
  }

  /** A date from a form (ISO text, possibly with a time) or from Java. */
  static LocalDate date(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    if (v instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), CaseClock.PARIS);
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    String text = text(execution, name);
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }

  /** The instant a day starts in Paris, as a timer or due date (the format of {@code promiseCheckAt}). */
  static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(CaseClock.PARIS).toInstant());
  }

}

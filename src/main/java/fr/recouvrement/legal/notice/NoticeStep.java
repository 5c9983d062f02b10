package fr.recouvrement.legal.notice;

import fr.recouvrement.cases.CaseClock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The process variables the formal notice's delegates read and write. */
final class NoticeStep {
  private NoticeStep() {}

  /** {@code caseReference/processInstanceId/activityId}: the same for a retried job, another for the next notice. */
  static String key(DelegateExecution execution) {
    return caseReference(execution) + "/" + execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId();
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

package fr.recouvrement.legal.insolvency;

import fr.recouvrement.kernel.time.CaseClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reading what forms hand over (ISO text, numbers) and who acts. */
final class ClaimVariables {
  private ClaimVariables() {}

  static String required(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      throw new IllegalStateException("Process variable '" + name + "' is missing");
    }
    return v.toString().trim();
  }

  static String optional(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    return v == null || v.toString().isBlank() ? null : v.toString().trim();
  }

  /** A date from a form (ISO text, perhaps with a time) or from Java. */
  static LocalDate date(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    if (v instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), CaseClock.PARIS);
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    String text = v.toString();
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }

  static BigDecimal amount(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    return v == null || v.toString().isBlank() ? null : new BigDecimal(v.toString()).setScale(2, RoundingMode.HALF_UP);
  }

  /** A timer or due date: the start of that day in Paris, like the other processes' dates. */
  static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(CaseClock.PARIS).toInstant());
  }

  private static final java.time.format.DateTimeFormatter FRENCH = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

  static String french(LocalDate day) {
    return day.format(FRENCH);
  }

  static String french(java.time.Instant at) {
    return french(LocalDate.ofInstant(at, CaseClock.PARIS));
  }

  static String euros(BigDecimal amount) {
    java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(java.util.Locale.FRANCE);
    f.setMinimumFractionDigits(2);
    f.setMaximumFractionDigits(2);
    return f.format(amount).replace('\u202f', ' ').replace('\u00a0', ' ') + " €";
  }

}

package fr.recouvrement.reminder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading the loosely typed values that Camunda Forms and the DMN engine hand over. */
final class ProcessVariables {
  private ProcessVariables() {}

  static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString();
  }

  static String required(VariableScope scope, String name) {
    String v = string(scope, name);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("Process variable '" + name + "' is missing");
    }
    return v;
  }

  static int integer(VariableScope scope, String name, int otherwise) {
    Object v = scope.getVariable(name);
    return v instanceof Number n ? n.intValue() : v == null ? otherwise : Integer.parseInt(v.toString());
  }

  static boolean bool(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
  }

  static BigDecimal amount(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null) {
      return null;
    }
    return new BigDecimal(v.toString()).setScale(2, RoundingMode.HALF_UP);
  }

  /** A date from a form (ISO text) or from Java (Date / LocalDate). */
  static LocalDate date(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), fr.recouvrement.kernel.time.CaseClock.PARIS);
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    String text = v.toString();
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}

package fr.recouvrement.plan;

import fr.recouvrement.kernel.time.CaseClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading the loosely typed values that Camunda Forms hand over (numbers as Long or Double, dates as text). */
final class PlanVariables {
  private PlanVariables() {}

  static String required(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      throw new IllegalStateException("Process variable '" + name + "' is missing");
    }
    return v.toString();
  }

  static int integer(VariableScope scope, String name, int otherwise) {
    Object v = scope.getVariable(name);
    return v instanceof Number n ? n.intValue() : v == null || v.toString().isBlank() ? otherwise : Integer.parseInt(v.toString());
  }

  static long id(VariableScope scope, String name) {
    return Long.parseLong(required(scope, name));
  }

  static BigDecimal amount(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return BigDecimal.ZERO;
    }
    return new BigDecimal(v.toString()).setScale(2, RoundingMode.HALF_UP);
  }

  static LocalDate date(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v instanceof Date d) {
      return d.toInstant().atZone(CaseClock.PARIS).toLocalDate();
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    String s = required(scope, name);
    // Camunda Forms' date field gives "2026-12-01"; a datetime field would add a time
    return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
  }

  static Date startOfDay(LocalDate day) {
    return Date.from(day.atStartOfDay(CaseClock.PARIS).toInstant());
  }
}

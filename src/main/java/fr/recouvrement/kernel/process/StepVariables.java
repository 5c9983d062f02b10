package fr.recouvrement.kernel.process;

import fr.recouvrement.kernel.time.CaseClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The one door to a process's variables, for delegates and listeners. Forms, the DMN engine, REST
 * callers and Java hand over loosely typed values (numbers as Long, Double or text, dates as ISO
 * text, {@link Date} or {@link LocalDate}); this reads them with one set of rules:
 *
 * <ul>
 *   <li>a value that is absent, null or blank text is <em>missing</em>: the plain accessors ({@link
 *       #text}, {@link #amount}, {@link #date}...) throw a {@link ProcessVariableException} naming
 *       the variable and the activity, the {@code optional...} ones return empty. The reader never
 *       invents a value (no zero, no today): a step that has a default says so where it reads;
 *   <li>text is trimmed;
 *   <li>an amount is a number or a text holding one, a decimal comma accepted everywhere ({@code
 *       "12,50"} as typed in French), never negative, rounded half-up to the cent;
 *   <li>a date is a {@link LocalDate}, a {@link Date} (read in Europe/Paris) or an ISO text whose
 *       first ten characters are {@code YYYY-MM-DD} (a datetime field adds a time, ignored);
 *   <li>anything unreadable is a {@link ProcessVariableException}, never a bare parse error.
 * </ul>
 */
public final class StepVariables {
  private final VariableScope scope;

  private StepVariables(VariableScope scope) {
    this.scope = scope;
  }

  public static StepVariables of(VariableScope scope) {
    return new StepVariables(scope);
  }

  /**
   * Writes the variable unless it already holds an equal value. A step that sets again what is
   * there (a reminder step re-reads the debtor's type, name, segment... at every step) changes
   * nothing a reader sees, yet the engine reads and updates the variable's history row for every
   * write (issue 14: those reads were 17 % of a reminder's jobs' waits on a socket). A variable
   * that does not exist yet is always written, null included, so that decisions find it.
   */
  public void set(String name, Object value) {
    if (scope.hasVariable(name) && java.util.Objects.equals(scope.getVariable(name), value)) {
      return;
    }
    scope.setVariable(name, value);
  }

  /**
   * Writes a value the step's own transaction reads and no one after it (a decision's input
   * computed fresh at every step): transient, so it is stored neither in the runtime tables nor in
   * history (issue 14, bytes per case). An instance that stored it before it became transient keeps
   * its stored copy, kept up to date: the engine refuses a transient value over a stored one, even
   * after removing it in the same step (ENGINE-17006).
   */
  public void setTransient(String name, Object value) {
    org.camunda.bpm.engine.variable.value.TypedValue before = scope.getVariableTyped(name);
    boolean stored = before != null && !before.isTransient();
    scope.setVariable(name, org.camunda.bpm.engine.variable.Variables.untypedValue(value, !stored));
  }

  /** The reference of the case every collection process carries; required. */
  public String caseReference() {
    return text("caseReference");
  }

  public String text(String name) {
    return optionalText(name).orElseThrow(() -> missing(name));
  }

  public Optional<String> optionalText(String name) {
    Object v = scope.getVariable(name);
    return v == null || v.toString().isBlank()
        ? Optional.empty()
        : Optional.of(v.toString().trim());
  }

  /**
   * A value that must be of the given Java type as set (no conversion), for example a step number.
   */
  public <T> T typed(String name, Class<T> type) {
    Object v = scope.getVariable(name);
    if (v == null) {
      throw missing(name);
    }
    if (!type.isInstance(v)) {
      throw new ProcessVariableException(
          name,
          activity(),
          "is a %s, expected %s".formatted(v.getClass().getSimpleName(), type.getSimpleName()));
    }
    return type.cast(v);
  }

  public int integer(String name) {
    return optionalInteger(name).orElseThrow(() -> missing(name));
  }

  public Optional<Integer> optionalInteger(String name) {
    return optionalLong(name, "a whole number").map(Long::intValue);
  }

  /** A row id (a number or a text holding one). */
  public long id(String name) {
    return optionalId(name).orElseThrow(() -> missing(name));
  }

  public Optional<Long> optionalId(String name) {
    return optionalLong(name, "an id");
  }

  /** {@code true}, {@code false}, or a text saying so. */
  public boolean flag(String name) {
    return optionalFlag(name).orElseThrow(() -> missing(name));
  }

  public Optional<Boolean> optionalFlag(String name) {
    Object v = scope.getVariable(name);
    if (v instanceof Boolean b) {
      return Optional.of(b);
    }
    return optionalText(name).map(Boolean::parseBoolean);
  }

  public BigDecimal amount(String name) {
    return optionalAmount(name).orElseThrow(() -> missing(name));
  }

  public Optional<BigDecimal> optionalAmount(String name) {
    Object v = scope.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return Optional.empty();
    }
    BigDecimal amount;
    try {
      amount =
          v instanceof BigDecimal d ? d : new BigDecimal(v.toString().trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new ProcessVariableException(name, activity(), "is not an amount: '%s'".formatted(v));
    }
    if (amount.signum() < 0) {
      throw new ProcessVariableException(
          name, activity(), "cannot be negative: %s".formatted(amount));
    }
    return Optional.of(amount.setScale(2, RoundingMode.HALF_UP));
  }

  public LocalDate date(String name) {
    return optionalDate(name).orElseThrow(() -> missing(name));
  }

  public Optional<LocalDate> optionalDate(String name) {
    Object v = scope.getVariable(name);
    if (v instanceof Date d) {
      return Optional.of(LocalDate.ofInstant(d.toInstant(), CaseClock.PARIS));
    }
    if (v instanceof LocalDate d) {
      return Optional.of(d);
    }
    return optionalText(name)
        .map(
            text -> {
              try {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
              } catch (DateTimeParseException e) {
                throw new ProcessVariableException(
                    name, activity(), "is not a date (YYYY-MM-DD): '%s'".formatted(text));
              }
            });
  }

  private Optional<Long> optionalLong(String name, String what) {
    Object v = scope.getVariable(name);
    if (v instanceof Number n) {
      return Optional.of(n.longValue());
    }
    return optionalText(name)
        .map(
            text -> {
              try {
                return Long.parseLong(text);
              } catch (NumberFormatException e) {
                throw new ProcessVariableException(
                    name, activity(), "is not %s: '%s'".formatted(what, text));
              }
            });
  }

  private ProcessVariableException missing(String name) {
    return new ProcessVariableException(name, activity(), "is missing");
  }

  /**
   * The activity reading, for messages: the current activity of an execution, the task's id for a
   * task listener.
   */
  String activity() {
    if (scope instanceof DelegateExecution execution) {
      return execution.getCurrentActivityId();
    }
    if (scope instanceof DelegateTask task) {
      return task.getTaskDefinitionKey();
    }
    return scope.getVariableScopeKey();
  }
}

package fr.recouvrement.kernel.process;

/**
 * A process variable a step needs is missing or unreadable. The message names the variable and the
 * activity, so the incident in Cockpit says which model or form to fix.
 */
public class ProcessVariableException extends IllegalArgumentException {
  private final String variable;
  private final String activity;

  public ProcessVariableException(String variable, String activity, String problem) {
    super("Process variable '%s' %s at activity %s".formatted(variable, problem, activity));
    this.variable = variable;
    this.activity = activity;
  }

  public String variable() {
    return variable;
  }

  public String activity() {
    return activity;
  }
}

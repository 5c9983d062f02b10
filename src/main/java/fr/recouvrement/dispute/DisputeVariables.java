package fr.recouvrement.dispute;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads the dispute process's variables as the delegates need them. */
final class DisputeVariables {
  private DisputeVariables() {}

  static long disputeId(DelegateExecution execution) {
    Object id = execution.getVariable("disputeId");
    if (!(id instanceof Number n)) {
      throw new IllegalStateException("The dispute process needs a numeric disputeId, got " + id);
    }
    return n.longValue();
  }

  /** An amount typed in a form (a JSON number), to the cent. */
  static BigDecimal amount(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    if (v == null) {
      return null;
    }
    return new BigDecimal(v.toString()).setScale(2, RoundingMode.HALF_UP);
  }

  static String text(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    return v == null || v.toString().isBlank() ? null : v.toString().trim();
  }

}

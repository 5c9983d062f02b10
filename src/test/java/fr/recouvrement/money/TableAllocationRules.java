package fr.recouvrement.money;

import fr.recouvrement.DecisionTables;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;

/** The shipped payment-allocation.dmn, evaluated without the engine, for the ledger's tests. */
final class TableAllocationRules implements AllocationRules {
  static final TableAllocationRules SHIPPED = new TableAllocationRules();
  private final DecisionTables table = DecisionTables.load("payment-allocation");

  @Override
  public Priority priorityOf(boolean named, boolean due, boolean disputed) {
    DmnDecisionResultEntries row =
        table.evaluate(Map.of("named", named, "due", due, "disputed", disputed));
    return Priority.of(((Number) row.getEntry("rank")).intValue(), row.getEntry("order"));
  }

  @Override
  public String version() {
    return "payment-allocation.dmn";
  }
}

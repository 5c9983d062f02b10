package fr.recouvrement.money;

import java.util.List;

/**
 * The order in which a payment pays a case's debts, as the {@code payment-allocation} decision
 * (processes/decisions/payment-allocation.dmn) gives it: a creditor who agreed another order with
 * its client changes a row there, not Java.
 */
public interface AllocationRules {

  /**
   * Where an invoice stands in the queue and in what order a payment pays its parts, given whether
   * the payment names it, whether it is due on the payment's value date and whether it is disputed.
   */
  Priority priorityOf(boolean named, boolean due, boolean disputed);

  /** Which version of the decision answered, for the auditor. */
  String version();

  /** A lower rank is paid first; {@code order}: the parts of one invoice, first paid first. */
  record Priority(int rank, List<Component> order) {
    public Priority {
      order = List.copyOf(order);
      if (order.isEmpty()) {
        throw new IllegalArgumentException("The order of the parts of a debt is empty");
      }
    }

    /** Reads an order written "INTEREST,PENALTY,PRINCIPAL,INDEMNITY" in the table. */
    public static Priority of(int rank, String order) {
      List<Component> parts = new java.util.ArrayList<>();
      for (String part : order.split(",")) {
        parts.add(Component.valueOf(part.trim()));
      }
      return new Priority(rank, parts);
    }
  }

  /**
   * The parts of a debt: legal interest (consumer), late penalty and €40 indemnity (B2B),
   * principal.
   */
  enum Component {
    INTEREST,
    PENALTY,
    PRINCIPAL,
    INDEMNITY
  }
}

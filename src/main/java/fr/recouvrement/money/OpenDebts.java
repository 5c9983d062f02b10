package fr.recouvrement.money;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How far back the open cases' debts go (implemented by the cases package, which money must not
 * depend on).
 */
public interface OpenDebts {
  /**
   * The oldest due date of an invoice still unpaid in an open case: how far back the rate table
   * must reach.
   */
  Optional<LocalDate> oldestUnpaidDueDate();
}

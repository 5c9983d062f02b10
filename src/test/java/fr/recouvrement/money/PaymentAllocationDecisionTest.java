package fr.recouvrement.money;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.money.AllocationRules.Component;
import fr.recouvrement.money.AllocationRules.Priority;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/decisions/payment-allocation.dmn: the ranks of C. civ. 1342-10 and the order of 1343-1.
 */
class PaymentAllocationDecisionTest {

  @ParameterizedTest(name = "named={0} due={1} disputed={2} → rank {3}")
  @CsvSource(
      textBlock =
          """
          # named by the debtor: first, whatever else holds (1342-10 al. 1)
          true,  false, true,  1
          true,  true,  false, 1
          # then due and undisputed, due and disputed, not due, not due and disputed (1342-10 al. 2)
          false, true,  false, 2
          false, true,  true,  3
          false, false, false, 4
          false, false, true,  5
          """)
  void theRankFollowsArticle1342To10(boolean named, boolean due, boolean disputed, int rank) {
    Priority priority = TableAllocationRules.SHIPPED.priorityOf(named, due, disputed);

    assertThat(priority.rank()).isEqualTo(rank);
    // 1343-1: interest and penalties before principal; the €40 indemnity last
    assertThat(priority.order())
        .containsExactly(
            Component.INTEREST, Component.PENALTY, Component.PRINCIPAL, Component.INDEMNITY);
  }
}

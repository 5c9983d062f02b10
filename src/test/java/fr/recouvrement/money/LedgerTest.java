package fr.recouvrement.money;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.money.Allocation.Part;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Balances and payment allocation. Two B2B invoices late on 31 January 2026, at 12.15 %: A 1,000.00
 * due 1 Jan (30 days: 9.99 + 40), B 500.00 due 21 Jan (10 days: 1.66 + 40); 1,591.65 in all.
 */
class LedgerTest {
  static final LocalDate PAID_ON = LocalDate.parse("2026-01-31");
  final Ledger ledger = new Ledger(FixedRates.published());

  // listed newest first: allocation must sort them by due date
  final List<InvoiceAccount> invoices =
      List.of(
          new InvoiceAccount(2, LocalDate.parse("2026-01-21"), new BigDecimal("500.00"), List.of()),
          new InvoiceAccount(
              1, LocalDate.parse("2026-01-01"), new BigDecimal("1000.00"), List.of()));

  @Test
  void theBalanceOfABusinessIsPrincipalPlusPenaltiesPlusIndemnities() {
    CaseBalance balance = ledger.balance(true, invoices, PAID_ON);

    assertThat(balance.invoices())
        .extracting(CaseBalance.InvoiceBalance::invoiceId)
        .containsExactly(1L, 2L);
    assertThat(balance.invoice(1).orElseThrow().latePenalty()).isEqualByComparingTo("9.99");
    assertThat(balance.invoice(2).orElseThrow().latePenalty()).isEqualByComparingTo("1.66");
    assertThat(balance.principal()).isEqualByComparingTo("1500.00");
    assertThat(balance.penalties()).isEqualByComparingTo("91.65");
    assertThat(balance.total()).isEqualByComparingTo("1591.65");
  }

  @Test
  void aConsumerNeverOwesPenaltiesOrTheIndemnity() {
    CaseBalance balance = ledger.balance(false, invoices, LocalDate.parse("2026-06-30"));

    assertThat(balance.invoices())
        .allSatisfy(
            i -> {
              assertThat(i.latePenalty()).isEqualByComparingTo("0");
              assertThat(i.recoveryIndemnity()).isEqualByComparingTo("0");
            });
    assertThat(balance.total()).isEqualByComparingTo("1500.00");

    Allocation allocation = allocate(false, invoices, "1600.00");
    assertThat(allocation.parts())
        .extracting(Part::penalty, Part::indemnity)
        .containsOnly(
            org.assertj.core.groups.Tuple.tuple(new BigDecimal("0.00"), new BigDecimal("0.00")));
    assertThat(allocation.unallocated()).isEqualByComparingTo("100.00");
  }

  @Test
  void theOldestInvoiceIsPaidFirstPenaltyThenPrincipalThenIndemnity() {
    // 1,030.00 on A: penalty 9.99, principal 1,000.00, what is left (20.01) to the indemnity
    Allocation allocation = allocate(true, invoices, "1030.00");

    assertThat(allocation.parts()).containsExactly(part(1, "1000.00", "9.99", "20.01"));
    assertThat(allocation.unallocated()).isEqualByComparingTo("0");
    assertThat(allocation.ratesVersion()).isEqualTo("test");
  }

  @Test
  void whatTheOldestInvoiceDoesNotTakeGoesToTheNext() {
    Allocation allocation = allocate(true, invoices, "1100.00");

    // A takes 9.99 + 1,000.00 + 40.00 = 1,049.99; B the remaining 50.01: its penalty 1.66 first,
    // then 48.35 of principal
    assertThat(allocation.parts())
        .containsExactly(part(1, "1000.00", "9.99", "40.00"), part(2, "48.35", "1.66", "0.00"));
  }

  @Test
  void anOverpaymentIsKeptUnallocated() {
    Allocation allocation = allocate(true, invoices, "1600.00");

    assertThat(allocation.parts())
        .containsExactly(part(1, "1000.00", "9.99", "40.00"), part(2, "500.00", "1.66", "40.00"));
    assertThat(allocation.unallocated()).isEqualByComparingTo("8.35");
  }

  @Test
  void payingTheBalanceQuotedForTheValueDateSettlesTheCaseForGood() {
    BigDecimal quoted = ledger.balance(true, invoices, PAID_ON).total();
    Allocation allocation =
        ledger.allocate(
            true, invoices, quoted, PAID_ON, null, Set.of(), TableAllocationRules.SHIPPED);

    List<InvoiceAccount> after = applied(invoices, allocation, PAID_ON);
    assertThat(allocation.unallocated()).isEqualByComparingTo("0");
    assertThat(ledger.balance(true, after, PAID_ON).isSettled()).isTrue();
    assertThat(ledger.balance(true, after, LocalDate.parse("2026-12-31")).isSettled()).isTrue();
  }

  @Test
  void afterThePrincipalOfTheOldestIsPaidOnlyTheOtherKeepsAccruing() {
    Allocation allocation = allocate(true, invoices, "1049.99");
    List<InvoiceAccount> after = applied(invoices, allocation, PAID_ON);

    CaseBalance balance = ledger.balance(true, after, LocalDate.parse("2026-02-28"));
    // A: 1,049.99 paid its penalty, principal and indemnity on 31 Jan: nothing more; B: 38 days on
    // 500 → 6.32
    assertThat(balance.invoice(1).orElseThrow())
        .isEqualTo(
            new CaseBalance.InvoiceBalance(
                1, new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00")));
    assertThat(balance.invoice(2).orElseThrow())
        .isEqualTo(
            new CaseBalance.InvoiceBalance(
                2, new BigDecimal("500.00"), new BigDecimal("6.32"), new BigDecimal("40.00")));
  }

  @Test
  void principalPaidBeforeAllocationsWereRecordedNeverBearsAPenalty() {
    InvoiceAccount legacy =
        InvoiceAccount.of(
            1,
            LocalDate.parse("2026-01-01"),
            new BigDecimal("1000.00"),
            new BigDecimal("1000.00"),
            List.of());

    CaseBalance balance = ledger.balance(true, List.of(legacy), PAID_ON);
    assertThat(balance.isSettled()).isTrue();
  }

  private Allocation allocate(boolean professional, List<InvoiceAccount> accounts, String amount) {
    return ledger.allocate(
        professional,
        accounts,
        new BigDecimal(amount),
        PAID_ON,
        null,
        Set.of(),
        TableAllocationRules.SHIPPED);
  }

  private static Part part(long invoice, String principal, String penalty, String indemnity) {
    return new Part(
        invoice, new BigDecimal(principal), new BigDecimal(penalty), new BigDecimal(indemnity));
  }

  /** The invoices as they read after the allocation was recorded. */
  private static List<InvoiceAccount> applied(
      List<InvoiceAccount> invoices, Allocation allocation, LocalDate date) {
    return invoices.stream()
        .map(
            i -> {
              List<Settlement> settlements = new ArrayList<>(i.settlements());
              allocation.parts().stream()
                  .filter(p -> p.invoiceId() == i.invoiceId())
                  .forEach(
                      p ->
                          settlements.add(
                              new Settlement(date, p.principal(), p.penalty(), p.indemnity())));
              return new InvoiceAccount(i.invoiceId(), i.dueDate(), i.amount(), settlements);
            })
        .toList();
  }
}

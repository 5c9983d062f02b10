package fr.recouvrement.money;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.money.Allocation.Part;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Imputation of payments (C. civ. 1342-10, 1343-1) with the shipped payment-allocation.dmn.
 *
 * <p>B2B, paid on 31 January 2026 at 12.15 % (ECB 2.15 + 10):
 *
 * <ul>
 *   <li>A: 1,000.00 due 1 Jan, 30 days late: 1,000 × 12.15 % × 30 / 365 = 9.986 → 9.99, + 40.00;
 *   <li>B: 500.00 due 21 Jan, 10 days late: 500 × 12.15 % × 10 / 365 = 1.664 → 1.66, + 40.00;
 *   <li>C: 300.00 due 15 Feb, not yet due: nothing but its principal.
 * </ul>
 */
class PaymentImputationTest {
  static final LocalDate PAID_ON = LocalDate.parse("2026-01-31");
  final Ledger ledger = new Ledger(FixedRates.published());

  /** One line per case; parts written "invoice:penalty/principal/indemnity", in the order paid. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # a partial payment pays the penalty before the principal; nothing is left for the indemnity
          partial payment: penalty first          | 100.00  |   |   | A:9.99/90.01/0.00
          # the debtor names B, the second invoice: 1.66 + 500.00 + 40.00 = 541.66, A untouched though older
          named second invoice                    | 541.66  | B |   | B:1.66/500.00/40.00
          # named B first, the rest by the default order: 600.00 − 541.66 = 58.34 → A: 9.99 then 48.35 of principal
          named, the rest by the default order    | 600.00  | B |   | B:1.66/500.00/40.00 A:9.99/48.35/0.00
          # A is disputed: the undisputed B is paid first, then A
          undisputed before disputed              | 600.00  |   | A | B:1.66/500.00/40.00 A:9.99/48.35/0.00
          # due before not yet due: A (1,049.99) then B (541.66), C (due 15 Feb) last: 1,700.00 − 1,591.65 = 108.35
          due before not yet due                  | 1700.00 |   |   | A:9.99/1000.00/40.00 B:1.66/500.00/40.00 C:0.00/108.35/0.00
          """)
  void aPaymentGoesWhereTheCodeCivilSendsIt(
      String scenario, String amount, String named, String disputed, String expected) {
    List<InvoiceAccount> invoices =
        List.of(
            invoice(3, "2026-02-15", "300.00", null, "C".equals(disputed)),
            invoice(2, "2026-01-21", "500.00", null, "B".equals(disputed)),
            invoice(1, "2026-01-01", "1000.00", null, "A".equals(disputed)));
    Set<Long> namedIds = named == null ? Set.of() : Set.of(idOf(named));

    Allocation allocation =
        ledger.allocate(
            true,
            invoices,
            new BigDecimal(amount),
            PAID_ON,
            null,
            namedIds,
            TableAllocationRules.SHIPPED);

    assertThat(written(allocation)).isEqualTo(expected);
    assertThat(allocation.unallocated()).isEqualByComparingTo("0");
  }

  @Test
  void amongDueDebtsTheOneBearingTheHighestRateIsPaidFirst() {
    // A 1,000.00 due 1 Jan at ECB + 10 = 12.15 %; B 500.00 due 21 Jan under a contract at 20 %:
    // B costs the debtor more, so it goes first though younger. B: 500 × 20 % × 10 / 365 = 2.739 →
    // 2.74
    List<InvoiceAccount> invoices =
        List.of(
            invoice(1, "2026-01-01", "1000.00", null, false),
            invoice(2, "2026-01-21", "500.00", "20", false));

    Allocation allocation =
        ledger.allocate(
            true,
            invoices,
            new BigDecimal("300.00"),
            PAID_ON,
            null,
            Set.of(),
            TableAllocationRules.SHIPPED);

    assertThat(written(allocation)).isEqualTo("B:2.74/297.26/0.00");
  }

  @Test
  void aConsumersPartialPaymentPaysTheLegalInterestBeforeThePrincipal() {
    // formal notice 2 March 2026; 1,000.00 due 15 Jan; paid 14 May (73 days later):
    // 1,000 × 2.62 % × 73 / 365 = 5.24 of legal interest first, then 94.76 of principal
    LocalDate notice = LocalDate.parse("2026-03-02");
    LocalDate paidOn = notice.plusDays(73);
    List<InvoiceAccount> invoices = List.of(invoice(1, "2026-01-15", "1000.00", null, false));

    Allocation allocation =
        ledger.allocate(
            false,
            invoices,
            new BigDecimal("100.00"),
            paidOn,
            notice,
            Set.of(),
            TableAllocationRules.SHIPPED);

    assertThat(allocation.parts())
        .containsExactly(
            new Part(1, new BigDecimal("94.76"), Money.ZERO, Money.ZERO, new BigDecimal("5.24")));
    // recorded, the interest is paid: on that day the consumer owes 905.24 of principal and no
    // interest
    InvoiceAccount after =
        new InvoiceAccount(
            1,
            LocalDate.parse("2026-01-15"),
            new BigDecimal("1000.00"),
            List.of(
                new Settlement(
                    paidOn,
                    new BigDecimal("94.76"),
                    Money.ZERO,
                    Money.ZERO,
                    new BigDecimal("5.24"))));
    CaseBalance balance = ledger.balance(false, List.of(after), paidOn, notice, BigDecimal.ZERO);
    assertThat(balance.legalInterest()).isEqualByComparingTo("0.00");
    assertThat(balance.total()).isEqualByComparingTo("905.24");
  }

  @Test
  void aCreditorWhoAgreedPrincipalFirstChangesTheRowNotTheCode() {
    AllocationRules principalFirst =
        new AllocationRules() {
          @Override
          public Priority priorityOf(boolean named, boolean due, boolean disputed) {
            return Priority.of(named ? 1 : 2, "PRINCIPAL,PENALTY,INTEREST,INDEMNITY");
          }

          @Override
          public String version() {
            return "agreed";
          }
        };
    List<InvoiceAccount> invoices = List.of(invoice(1, "2026-01-01", "1000.00", null, false));

    Allocation allocation =
        ledger.allocate(
            true, invoices, new BigDecimal("100.00"), PAID_ON, null, Set.of(), principalFirst);

    assertThat(written(allocation)).isEqualTo("A:0.00/100.00/0.00");
  }

  private static InvoiceAccount invoice(
      long id, String due, String amount, String contractualRate, boolean disputed) {
    return new InvoiceAccount(
        id,
        LocalDate.parse(due),
        new BigDecimal(amount),
        List.of(),
        contractualRate == null ? null : new BigDecimal(contractualRate),
        disputed,
        BigDecimal.ZERO);
  }

  private static long idOf(String letter) {
    return letter.charAt(0) - 'A' + 1;
  }

  private static String written(Allocation allocation) {
    List<String> parts = new ArrayList<>();
    for (Part p : allocation.parts()) {
      parts.add(
          "%s:%s/%s/%s"
              .formatted(
                  (char) ('A' + p.invoiceId() - 1), p.penalty(), p.principal(), p.indemnity()));
    }
    return Arrays.stream(parts.toArray(String[]::new)).collect(Collectors.joining(" "));
  }
}

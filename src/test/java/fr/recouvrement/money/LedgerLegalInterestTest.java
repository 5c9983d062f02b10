package fr.recouvrement.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A consumer's balance after a formal notice: legal interest from the notice date, never for a
 * professional.
 */
class LedgerLegalInterestTest {
  static final LocalDate NOTICE = LocalDate.parse("2026-03-02");
  final Ledger ledger = new Ledger(FixedRates.published());

  static InvoiceAccount invoice(long id, LocalDate due, String amount, Settlement... paid) {
    return new InvoiceAccount(id, due, new BigDecimal(amount), List.of(paid));
  }

  @Test
  void aConsumerOwesLegalInterestAtTheOtherCasesRateFromTheNoticeDate() {
    List<InvoiceAccount> invoices = List.of(invoice(1, LocalDate.parse("2026-01-15"), "1000.00"));

    CaseBalance onNotice = ledger.balance(false, invoices, NOTICE, NOTICE, BigDecimal.ZERO);
    CaseBalance later =
        ledger.balance(false, invoices, NOTICE.plusDays(73), NOTICE, BigDecimal.ZERO);

    assertThat(onNotice.legalInterest()).isEqualByComparingTo("0.00");
    // 1000 × 2.62 % × 73 / 365 = 5.24
    assertThat(later.legalInterest()).isEqualByComparingTo("5.24");
    assertThat(later.penalties()).isEqualByComparingTo("0.00");
    assertThat(later.total()).isEqualByComparingTo("1005.24");
  }

  @Test
  void nothingBeforeTheNoticeAndNothingForAProfessional() {
    List<InvoiceAccount> invoices = List.of(invoice(1, LocalDate.parse("2026-01-15"), "1000.00"));

    assertThat(
            ledger
                .balance(false, invoices, NOTICE.plusDays(73), (LocalDate) null, BigDecimal.ZERO)
                .legalInterest())
        .isEqualByComparingTo("0");
    CaseBalance professional =
        ledger.balance(true, invoices, NOTICE.plusDays(73), NOTICE, BigDecimal.ZERO);
    assertThat(professional.legalInterest()).isEqualByComparingTo("0");
    assertThat(professional.total())
        .isEqualByComparingTo(ledger.balance(true, invoices, NOTICE.plusDays(73)).total());
  }

  @Test
  void paymentsLowerTheBaseAndWhatIsPaidBeyondThePrincipalPaysTheInterest() {
    // 500 paid on day 36: 1000 × 2.62 % × 36 / 365 + 500 × 2.62 % × 37 / 365 = 2.584 + 1.328 = 3.91
    List<InvoiceAccount> invoices =
        List.of(
            invoice(
                1,
                LocalDate.parse("2026-01-15"),
                "1000.00",
                Settlement.principal(NOTICE.plusDays(36), new BigDecimal("500.00"))));

    CaseBalance owed =
        ledger.balance(false, invoices, NOTICE.plusDays(73), NOTICE, BigDecimal.ZERO);
    assertThat(owed.legalInterest()).isEqualByComparingTo("3.91");
    assertThat(
            ledger
                .balance(false, invoices, NOTICE.plusDays(73), NOTICE, new BigDecimal("3.00"))
                .legalInterest())
        .isEqualByComparingTo("0.91");
    assertThat(
            ledger
                .balance(false, invoices, NOTICE.plusDays(73), NOTICE, new BigDecimal("10.00"))
                .legalInterest())
        .isEqualByComparingTo("0.00");
  }

  @Test
  void anInvoiceNotYetDueAtTheNoticeBearsNoLegalInterest() {
    // a notice that did not record its lines claimed the invoices due before its date: not this one
    List<InvoiceAccount> invoices = List.of(invoice(1, NOTICE.plusDays(37), "1000.00"));

    assertThat(
            ledger
                .balance(false, invoices, NOTICE.plusDays(73), NOTICE, BigDecimal.ZERO)
                .legalInterest())
        .isEqualByComparingTo("0.00");
  }

  @Test
  void aConsumerNoticeCoveringOneOfTwoInvoicesBearsLegalInterestOnThatOneOnly() {
    // F-1 (1,000.00, due 15/01) was claimed by the notice of 02/03; F-2 (600.00, due 10/03) was not
    // yet due then
    List<InvoiceAccount> invoices =
        List.of(
            invoice(1, LocalDate.parse("2026-01-15"), "1000.00"),
            invoice(2, LocalDate.parse("2026-03-10"), "600.00"));
    List<NoticedInvoice> noticed =
        List.of(new NoticedInvoice(1, NOTICE, new BigDecimal("1000.00")));

    CaseBalance owed =
        ledger.balance(false, invoices, NOTICE.plusDays(73), noticed, BigDecimal.ZERO);

    // F-1: 1000 × 2.62 % × 73 / 365 = 5.24; F-2: none, even once due
    assertThat(owed.invoice(1).orElseThrow().legalInterest()).isEqualByComparingTo("5.24");
    assertThat(owed.invoice(2).orElseThrow().legalInterest()).isEqualByComparingTo("0.00");
    // 1000.00 + 600.00 + 5.24
    assertThat(owed.total()).isEqualByComparingTo("1605.24");
  }

  @Test
  void legalInterestRunsOnAtMostThePrincipalTheNoticeClaimed() {
    List<InvoiceAccount> invoices = List.of(invoice(1, LocalDate.parse("2026-01-15"), "1000.00"));
    List<NoticedInvoice> noticed = List.of(new NoticedInvoice(1, NOTICE, new BigDecimal("400.00")));

    // 400 × 2.62 % × 73 / 365 = 2.096 → 2.10
    assertThat(
            ledger
                .balance(false, invoices, NOTICE.plusDays(73), noticed, BigDecimal.ZERO)
                .legalInterest())
        .isEqualByComparingTo("2.10");
  }

  @Test
  void theFirstNoticeThatClaimedAnInvoiceStartsItsInterest() {
    // F-2 was not yet due at the first notice (02/03); a second notice of 01/04 claimed it
    List<InvoiceAccount> invoices =
        List.of(
            invoice(1, LocalDate.parse("2026-01-15"), "1000.00"),
            invoice(2, LocalDate.parse("2026-03-10"), "600.00"));
    LocalDate second = LocalDate.parse("2026-04-01");
    List<NoticedInvoice> noticed =
        List.of(
            new NoticedInvoice(1, NOTICE, new BigDecimal("1000.00")),
            new NoticedInvoice(1, second, new BigDecimal("1000.00")),
            new NoticedInvoice(2, second, new BigDecimal("600.00")));

    CaseBalance owed =
        ledger.balance(false, invoices, NOTICE.plusDays(73), noticed, BigDecimal.ZERO);

    // F-1 from 02/03: 5.24; F-2 from 01/04 to 14/05, 43 days: 600 × 2.62 % × 43 / 365 = 1.852 →
    // 1.85
    assertThat(owed.invoice(1).orElseThrow().legalInterest()).isEqualByComparingTo("5.24");
    assertThat(owed.invoice(2).orElseThrow().legalInterest()).isEqualByComparingTo("1.85");
    assertThat(owed.legalInterest()).isEqualByComparingTo("7.09");
  }

  @Test
  void interestOnlyOnTheClaimedInvoiceStopsAtTheOpeningJudgmentLessWhatWasWaivedOrPaid() {
    // F-1 claimed by the notice of 02/03, 2.00 of its interest waived by a kept plan; F-2 claimed
    // by no notice
    List<InvoiceAccount> invoices =
        List.of(
            new InvoiceAccount(
                1,
                LocalDate.parse("2026-01-15"),
                new BigDecimal("1000.00"),
                List.of(),
                null,
                false,
                new BigDecimal("2.00")),
            invoice(2, LocalDate.parse("2026-02-15"), "600.00"));
    List<NoticedInvoice> noticed =
        List.of(new NoticedInvoice(1, NOTICE, new BigDecimal("1000.00")));
    Ledger stopped = ledger.chargesStoppedOn(NOTICE.plusDays(73));

    CaseBalance owed =
        stopped.balance(false, invoices, NOTICE.plusDays(150), noticed, new BigDecimal("1.00"));

    // F-1: 1000 × 2.62 % × 73 / 365 = 5.24 up to the judgment (nothing after), − 2.00 waived − 1.00
    // unallocated = 2.24
    assertThat(owed.invoice(1).orElseThrow().legalInterest()).isEqualByComparingTo("2.24");
    assertThat(owed.invoice(2).orElseThrow().legalInterest()).isEqualByComparingTo("0.00");
    // 1000.00 + 600.00 + 2.24
    assertThat(owed.total()).isEqualByComparingTo("1602.24");
  }
}

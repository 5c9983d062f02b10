package fr.recouvrement.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A consumer's balance after a formal notice: legal interest from the notice date, never for a professional. */
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
    CaseBalance later = ledger.balance(false, invoices, NOTICE.plusDays(73), NOTICE, BigDecimal.ZERO);

    assertThat(onNotice.legalInterest()).isEqualByComparingTo("0.00");
    // 1000 × 2.62 % × 73 / 365 = 5.24
    assertThat(later.legalInterest()).isEqualByComparingTo("5.24");
    assertThat(later.penalties()).isEqualByComparingTo("0.00");
    assertThat(later.total()).isEqualByComparingTo("1005.24");
  }

  @Test
  void nothingBeforeTheNoticeAndNothingForAProfessional() {
    List<InvoiceAccount> invoices = List.of(invoice(1, LocalDate.parse("2026-01-15"), "1000.00"));

    assertThat(ledger.balance(false, invoices, NOTICE.plusDays(73), null, BigDecimal.ZERO).legalInterest()).isEqualByComparingTo("0");
    CaseBalance professional = ledger.balance(true, invoices, NOTICE.plusDays(73), NOTICE, BigDecimal.ZERO);
    assertThat(professional.legalInterest()).isEqualByComparingTo("0");
    assertThat(professional.total()).isEqualByComparingTo(ledger.balance(true, invoices, NOTICE.plusDays(73)).total());
  }

  @Test
  void paymentsLowerTheBaseAndWhatIsPaidBeyondThePrincipalPaysTheInterest() {
    // 500 paid on day 36: 1000 × 2.62 % × 36 / 365 + 500 × 2.62 % × 37 / 365 = 2.584 + 1.328 = 3.91
    List<InvoiceAccount> invoices =
        List.of(invoice(1, LocalDate.parse("2026-01-15"), "1000.00", Settlement.principal(NOTICE.plusDays(36), new BigDecimal("500.00"))));

    CaseBalance owed = ledger.balance(false, invoices, NOTICE.plusDays(73), NOTICE, BigDecimal.ZERO);
    assertThat(owed.legalInterest()).isEqualByComparingTo("3.91");
    assertThat(ledger.balance(false, invoices, NOTICE.plusDays(73), NOTICE, new BigDecimal("3.00")).legalInterest())
        .isEqualByComparingTo("0.91");
    assertThat(ledger.balance(false, invoices, NOTICE.plusDays(73), NOTICE, new BigDecimal("10.00")).legalInterest())
        .isEqualByComparingTo("0.00");
  }

  @Test
  void anInvoiceDueAfterTheNoticeBearsInterestFromItsDueDate() {
    List<InvoiceAccount> invoices = List.of(invoice(1, NOTICE.plusDays(37), "1000.00"));

    // 36 days from its due date: 1000 × 2.62 % × 36 / 365 = 2.58
    assertThat(ledger.balance(false, invoices, NOTICE.plusDays(73), NOTICE, BigDecimal.ZERO).legalInterest())
        .isEqualByComparingTo("2.58");
  }
}

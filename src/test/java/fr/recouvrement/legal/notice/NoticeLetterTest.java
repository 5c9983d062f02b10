package fr.recouvrement.legal.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.cases.CaseView;
import fr.recouvrement.cases.CaseViews;
import fr.recouvrement.cases.DebtorType;
import fr.recouvrement.channel.CreditorSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the formal notice claims, before it is rendered: amounts, deadline, and what a consumer
 * never sees.
 */
class NoticeLetterTest {
  static final LocalDate TODAY = LocalDate.parse("2026-03-02");
  static final CreditorSettings CREDITOR =
      new CreditorSettings(
          "Démo Créancier SAS",
          "552100554",
          "10 rue de la Paix, 75002 Paris",
          "FR7630006000011234567890189",
          "recouvrement@demo-creancier.example",
          "+33100000000");

  static CaseView.Invoice invoice(
      String number,
      LocalDate due,
      String outstanding,
      String penalty,
      String indemnity,
      boolean disputed) {
    BigDecimal amount = new BigDecimal(outstanding);
    return new CaseView.Invoice(
        number,
        due.minusDays(30),
        due,
        amount,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        amount,
        new BigDecimal(penalty),
        new BigDecimal(indemnity),
        disputed);
  }

  static CaseView view(DebtorType type, CaseView.Invoice... invoices) {
    return CaseViews.view(
        "DOS-2026-000123",
        new CaseView.Debtor(
            "C-1",
            type,
            "Jeanne Martin",
            null,
            null,
            null,
            new CaseView.Address("3 rue des Lilas", "69003", "Lyon", "FR")),
        TODAY,
        List.of(invoices),
        null);
  }

  static NoticeLetter letter(CaseView view, int deadlineDays) {
    return NoticeLetter.of(view, view.amountPursued(), CREDITOR, TODAY, deadlineDays);
  }

  @Test
  void aProfessionalOwesPrincipalPenaltiesAndFortyEurosPerLateInvoice() {
    NoticeLetter letter =
        letter(
            view(
                DebtorType.BUSINESS,
                invoice("F-1", TODAY.minusDays(40), "1850.00", "24.63", "40", false),
                invoice("F-2", TODAY.minusDays(10), "120.50", "0.80", "40", false),
                invoice("F-3", TODAY.plusDays(5), "99.00", "0", "0", false),
                invoice("F-4", TODAY.minusDays(20), "500.00", "3.00", "40", true)),
            15);

    assertThat(letter.lines()).extracting(NoticeLetter.Line::number).containsExactly("F-1", "F-2");
    // named apart, oldest first: the disputed F-4 and F-3, not yet due
    assertThat(letter.leftOut())
        .extracting(o -> o.number() + " " + o.reason())
        .containsExactly("F-4 DISPUTED", "F-3 NOT_DUE");
    assertThat(letter.principal()).isEqualByComparingTo("1970.50");
    assertThat(letter.latePenalties()).isEqualByComparingTo("25.43");
    assertThat(letter.recoveryIndemnities()).isEqualByComparingTo("80.00");
    assertThat(letter.interest()).isNull();
    assertThat(letter.total()).isEqualByComparingTo("2075.93");
    assertThat(letter.deadline()).isEqualTo(TODAY.plusDays(15));
    assertThat(letter.place()).isEqualTo("Paris");
  }

  @Test
  void aConsumerIsNeverChargedPenaltiesNorTheIndemnity() {
    NoticeLetter letter =
        letter(
            view(
                DebtorType.CONSUMER,
                invoice("F-5", TODAY.minusDays(40), "1000.00", "0", "0", false)),
            8);

    assertThat(letter.latePenalties()).isNull();
    assertThat(letter.recoveryIndemnities()).isNull();
    assertThat(letter.lines())
        .allSatisfy(
            l -> {
              assertThat(l.latePenalty()).isNull();
              assertThat(l.recoveryIndemnity()).isNull();
            });
    assertThat(letter.total()).isEqualByComparingTo("1000.00");
    assertThat(letter.deadline()).isEqualTo(TODAY.plusDays(8));
  }

  @Test
  void aSecondNoticeToAConsumerShowsTheInterestAlreadyOwedOnEachInvoice() {
    // F-8 bears 5.24 of legal interest since a first notice (1000 × 2.62 % × 73 / 365); F-9 none
    CaseView view =
        CaseViews.view(
            "DOS-2026-000123",
            new CaseView.Debtor(
                "C-1",
                DebtorType.CONSUMER,
                "Jeanne Martin",
                null,
                null,
                null,
                new CaseView.Address("3 rue des Lilas", "69003", "Lyon", "FR")),
            TODAY,
            List.of(
                invoice("F-8", TODAY.minusDays(120), "1000.00", "0", "0", false),
                invoice("F-9", TODAY.minusDays(20), "300.00", "0", "0", false)),
            TODAY.minusDays(73),
            new BigDecimal("5.24"));

    NoticeLetter letter = letter(view, 15);

    assertThat(letter.interestPerLine()).isTrue();
    assertThat(letter.lines())
        .extracting(l -> l.number() + " " + l.interest() + " " + l.total())
        .containsExactly("F-8 5.24 1005.24", "F-9 0.00 300.00");
    assertThat(letter.interest()).isEqualByComparingTo("5.24");
    // 1000.00 + 5.24 + 300.00
    assertThat(letter.total()).isEqualByComparingTo("1305.24");
  }

  @Test
  void nothingLateMeansNoNotice() {
    assertThatThrownBy(
            () ->
                letter(
                    view(
                        DebtorType.BUSINESS,
                        invoice("F-7", TODAY.plusDays(3), "10.00", "0", "0", false)),
                    15))
        .hasMessageContaining("nothing to put in a formal notice");
  }
}

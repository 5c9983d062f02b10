package fr.recouvrement.channel;

import fr.recouvrement.cases.CaseView;
import fr.recouvrement.cases.CaseViews;
import fr.recouvrement.cases.DebtorType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Cases and settings built by hand, for tests that need no application context. */
final class ChannelTestData {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  static final CreditorSettings CREDITOR =
      new CreditorSettings(
          "Démo Créancier SAS",
          "552100554",
          "10 rue de la Paix, 75002 Paris",
          "FR7630006000011234567890189",
          "recouvrement@demo-creancier.example",
          "+33100000000");

  private ChannelTestData() {}

  static CaseView view(DebtorType type, CaseView.Invoice... invoices) {
    return CaseViews.view("DOS-2026-000123", debtor(type), TODAY, List.of(invoices), null);
  }

  static CaseView.Debtor debtor(DebtorType type) {
    return new CaseView.Debtor(
        "C-1042",
        type,
        type == DebtorType.BUSINESS ? "Boulangerie Martin SARL" : "Jeanne Martin",
        type == DebtorType.BUSINESS ? "552100554" : null,
        "compta@martin.example",
        "+33612345678",
        new CaseView.Address("3 rue des Lilas", "69003", "Lyon", "FR"));
  }

  /** An invoice: penalty and indemnity as the money rules would fill them. */
  static CaseView.Invoice invoice(
      String number, LocalDate due, String amount, String paid, String penalty, String indemnity) {
    BigDecimal a = new BigDecimal(amount);
    BigDecimal p = new BigDecimal(paid);
    return new CaseView.Invoice(
        number,
        due.minusDays(30),
        due,
        a,
        p,
        BigDecimal.ZERO,
        a.subtract(p),
        new BigDecimal(penalty),
        new BigDecimal(indemnity),
        false);
  }

  static ReminderStep step(String template, String tone) {
    return new ReminderStep("DOS-2026-000123", 1, template, tone, "DOS-2026-000123/pi/Task_Test/1");
  }

  /** Spaces as a reader sees them: no-break spaces become plain ones. */
  static String plain(String text) {
    return text.replace('\u00a0', ' ');
  }
}

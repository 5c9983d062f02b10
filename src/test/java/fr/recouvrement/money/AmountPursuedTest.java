package fr.recouvrement.money;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.DecisionTables;
import fr.recouvrement.money.AmountPursued.LeftOut;
import fr.recouvrement.money.AmountPursued.Line;
import fr.recouvrement.money.AmountPursued.Reason;
import fr.recouvrement.money.AmountPursued.Statement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The amount pursued on a day: due, undisputed invoices only, with what the law adds to each. The
 * 2026-H1 rates: late penalty 2.15 + 10 = 12.15 %, legal rate ("autres cas") 2.62 %.
 */
class AmountPursuedTest {
  static final LocalDate DAY = LocalDate.parse("2026-03-02");
  final Ledger ledger = new Ledger(FixedRates.published());

  record Inv(long id, String number, LocalDate due, String amount, boolean disputed) {}

  static Inv inv(long id, String number, String due, String amount, boolean disputed) {
    return new Inv(id, number, LocalDate.parse(due), amount, disputed);
  }

  Statement pursued(
      boolean professional, LocalDate day, List<NoticedInvoice> noticed, Inv... invoices) {
    List<InvoiceAccount> accounts = new ArrayList<>();
    List<AmountPursued.Invoice> facts = new ArrayList<>();
    for (Inv i : invoices) {
      accounts.add(new InvoiceAccount(i.id(), i.due(), new BigDecimal(i.amount()), List.of()));
      facts.add(
          new AmountPursued.Invoice(
              i.id(), i.number(), i.due().minusDays(30), i.due(), i.disputed()));
    }
    return AmountPursued.on(
        day, facts, ledger.balance(professional, accounts, day, noticed, BigDecimal.ZERO));
  }

  @Test
  void aDisputedInvoiceAndOneNotYetDueAreLeftOutOfTheAmountPursued() {
    Statement s =
        pursued(
            true,
            DAY,
            List.of(),
            inv(1, "F-A", "2026-01-31", "1000.00", false),
            inv(2, "F-B", "2026-01-15", "2000.00", true),
            inv(3, "F-C", "2026-03-20", "500.00", false));

    // F-A, 30 days late on 02/03: 1000 × 12.15 % × 30 / 365 = 9.986 → 9.99, plus the 40.00
    // indemnity
    assertThat(s.lines())
        .extracting(
            Line::number, Line::principal, Line::latePenalty, Line::recoveryIndemnity, Line::total)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "F-A",
                new BigDecimal("1000.00"),
                new BigDecimal("9.99"),
                new BigDecimal("40.00"),
                new BigDecimal("1049.99")));
    assertThat(s.total()).isEqualByComparingTo("1049.99");
    // principal and interest (R125-1): without the 40.00
    assertThat(s.principalAndInterest()).isEqualByComparingTo("1009.99");
    assertThat(s.leftOut())
        .extracting(LeftOut::number, LeftOut::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("F-B", Reason.DISPUTED),
            org.assertj.core.groups.Tuple.tuple("F-C", Reason.NOT_DUE));
    assertThat(s.breakdown())
        .startsWith("Total poursuivi : 1 049,99 € (principal et intérêts : 1 009,99 €)")
        .contains(
            "Facture F-A échue le 31/01/2026 : principal 1 000,00 €, pénalités 9,99 €, indemnité forfaitaire 40,00 €, total 1 049,99 €")
        .contains("Non comprise : facture F-B", "contestée")
        .contains("Non comprise : facture F-C (500,00 €), non échue au 02/03/2026");
  }

  @Test
  void aConsumerIsPursuedForPrincipalAndLegalInterestOnTheNoticedInvoiceNeverPenalties() {
    LocalDate day = DAY.plusDays(73);
    Statement s =
        pursued(
            false,
            day,
            List.of(new NoticedInvoice(1, DAY, new BigDecimal("1000.00"))),
            inv(1, "F-A", "2026-01-15", "1000.00", false),
            inv(2, "F-B", "2026-06-01", "600.00", false));

    // 1000 × 2.62 % × 73 / 365 = 5.24 since the notice of 02/03; F-B is not due on 14/05
    assertThat(s.lines())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.legalInterest()).isEqualByComparingTo("5.24");
              assertThat(l.latePenalty()).isEqualByComparingTo("0");
              assertThat(l.recoveryIndemnity()).isEqualByComparingTo("0");
            });
    assertThat(s.total()).isEqualByComparingTo("1005.24");
    assertThat(s.principalAndInterest()).isEqualByComparingTo("1005.24");
    assertThat(s.leftOut()).extracting(LeftOut::number).containsExactly("F-B");
  }

  @Test
  void aDisputedInvoiceThatWouldPassFiveThousandEurosKeepsTheClaimInTheSmallClaimsProcedure() {
    Inv due = inv(1, "F-A", "2026-01-31", "4700.00", false);
    Statement withDispute =
        pursued(true, DAY, List.of(), due, inv(2, "F-B", "2026-01-31", "300.00", true));
    Statement withoutDispute =
        pursued(true, DAY, List.of(), due, inv(2, "F-B", "2026-01-31", "300.00", false));

    // F-A: 4700 + 4700 × 12.15 % × 30 / 365 (46.936 → 46.94) = 4746.94, the 40.00 indemnity left
    // out (not interest)
    assertThat(withDispute.principalAndInterest()).isEqualByComparingTo("4746.94");
    // F-B would add 300 + 300 × 12.15 % × 30 / 365 (2.996 → 3.00) = 303.00: 5049.94, over 5,000
    assertThat(withoutDispute.principalAndInterest()).isEqualByComparingTo("5049.94");

    DecisionTables route = DecisionTables.load("legal-route");
    assertThat(route.evaluate(routeInputs(withDispute)).getEntry("route").toString())
        .isEqualTo("SMALL_CLAIMS");
    assertThat(route.evaluate(routeInputs(withoutDispute)).getEntry("route").toString())
        .isEqualTo("ORDER_TO_PAY");
  }

  static Map<String, Object> routeInputs(Statement claim) {
    Map<String, Object> in = new HashMap<>();
    in.put("prescribed", false);
    in.put("escalationDecision", "FORMAL_NOTICE");
    in.put("claimAmount", claim.principalAndInterest().doubleValue());
    in.put("claimOrigin", "CONTRACTUAL");
    in.put("debtorType", "BUSINESS");
    in.put("consumerCredit", false);
    in.put("debtorRefusedSmallClaims", false);
    return in;
  }

  @Test
  void aLongBreakdownStaysUnderTheLimitOfAProcessVariable() {
    Inv[] many = new Inv[80];
    for (int i = 0; i < many.length; i++) {
      many[i] = inv(i, "F-" + (1000 + i), "2026-01-31", "100.00", false);
    }
    String text = pursued(true, DAY, List.of(), many).breakdown();

    assertThat(text.length()).isLessThanOrEqualTo(AmountPursued.Statement.TEXT_LIMIT);
    assertThat(text).startsWith("Total poursuivi : ").contains("autres lignes (voir le dossier)");
  }
}

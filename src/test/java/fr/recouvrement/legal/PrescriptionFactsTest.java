package fr.recouvrement.legal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.cases.DebtorType;
import fr.recouvrement.legal.PrescriptionFacts.Suspension;
import fr.recouvrement.legal.PrescriptionFacts.UnpaidInvoice;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A case's prescription date from its invoices, payments, plans, mediations and legal events. */
class PrescriptionFactsTest {
  static final LocalDate DUE = LocalDate.of(2024, 3, 15);
  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
  static final UnpaidInvoice OLD = new UnpaidInvoice(1, DUE);
  static final UnpaidInvoice NEWER = new UnpaidInvoice(2, LocalDate.of(2024, 9, 30));

  static PrescriptionFacts facts(
      DebtorType type, List<UnpaidInvoice> unpaid, Map<Long, List<LocalDate>> payments, List<LocalDate> interruptions,
      List<Suspension> suspensions, LocalDate title) {
    return new PrescriptionFacts(type, unpaid, payments, interruptions, suspensions, title, TODAY);
  }

  static LocalDate date(PrescriptionFacts facts) {
    return facts.date().orElseThrow();
  }

  @Test
  void aConsumerClaimTwoYearsOldIsNotPrescribedButTwoYearsAndOneDayOldItIs() {
    // C. conso L218-2 with C. civ. 2228/2229: due 15 March 2024, the creditor can still act on
    // 15 March 2026 (exactly 2 years); from 16 March 2026 (2 years and 1 day) the claim is time-barred
    LocalDate last = date(facts(DebtorType.CONSUMER, List.of(OLD), Map.of(), List.of(), List.of(), null));
    assertThat(last).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(LocalDate.of(2026, 3, 15).isAfter(last)).isFalse();
    assertThat(LocalDate.of(2026, 3, 16).isAfter(last)).isTrue();
  }

  @Test
  void aBusinessClaimRunsFiveYears() {
    assertThat(date(facts(DebtorType.BUSINESS, List.of(OLD), Map.of(), List.of(), List.of(), null)))
        .isEqualTo(LocalDate.of(2029, 3, 15));
  }

  @Test
  void theEarliestUnpaidInvoiceWinsAndAPartialPaymentRestartsOnlyTheInvoiceItPaid() {
    assertThat(date(facts(DebtorType.CONSUMER, List.of(NEWER, OLD), Map.of(), List.of(), List.of(), null)))
        .isEqualTo(LocalDate.of(2026, 3, 15));
    // a partial payment on the old invoice (C. civ. 2240): it restarts, the newer one now prescribes first
    LocalDate paid = LocalDate.of(2025, 11, 4);
    assertThat(date(facts(DebtorType.CONSUMER, List.of(OLD, NEWER), Map.of(1L, List.of(paid)), List.of(), List.of(), null)))
        .isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(date(facts(DebtorType.CONSUMER, List.of(OLD), Map.of(1L, List.of(paid)), List.of(), List.of(), null)))
        .isEqualTo(LocalDate.of(2027, 11, 4));
  }

  @Test
  void aPlanOrACourtClaimRestartsEveryInvoice() {
    LocalDate plan = LocalDate.of(2025, 6, 1);
    assertThat(date(facts(DebtorType.CONSUMER, List.of(OLD, NEWER), Map.of(), List.of(plan), List.of(), null)))
        .isEqualTo(LocalDate.of(2027, 6, 1));
  }

  @Test
  void aMediationSuspendsItWithTheSixMonthFloor() {
    // 1 → 31 March 2025: 30 days added
    assertThat(date(facts(DebtorType.CONSUMER, List.of(OLD), Map.of(),
            List.of(), List.of(new Suspension(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31))), null)))
        .isEqualTo(LocalDate.of(2026, 4, 14));
    // ended on 1 March 2026, two weeks before the end: at least 6 months from its end (C. civ. 2238 al. 2)
    assertThat(date(facts(DebtorType.CONSUMER, List.of(OLD), Map.of(),
            List.of(), List.of(new Suspension(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1))), null)))
        .isEqualTo(LocalDate.of(2026, 9, 1));
  }

  @Test
  void aMediationStillRunningCountsAsEndingTodayKeepingSixMonthsAhead() {
    assertThat(date(facts(DebtorType.CONSUMER, List.of(OLD), Map.of(),
            List.of(), List.of(new Suspension(LocalDate.of(2026, 2, 1), null)), null)))
        .isEqualTo(TODAY.plusMonths(6));
  }

  @Test
  void anEnforceableTitleGivesTenYearsFromItsDate() {
    LocalDate title = LocalDate.of(2025, 10, 2);
    assertThat(date(facts(DebtorType.CONSUMER, List.of(OLD), Map.of(), List.of(), List.of(), title)))
        .isEqualTo(LocalDate.of(2035, 10, 2));
    // an enforcement measure afterwards (C. civ. 2244) restarts the 10 years
    assertThat(date(facts(DebtorType.CONSUMER, List.of(OLD), Map.of(), List.of(LocalDate.of(2026, 1, 20)), List.of(), title)))
        .isEqualTo(LocalDate.of(2036, 1, 20));
  }

  @Test
  void nothingOwedNoDate() {
    assertThat(facts(DebtorType.CONSUMER, List.of(), Map.of(), List.of(), List.of(), null).date()).isEqualTo(Optional.empty());
  }
}

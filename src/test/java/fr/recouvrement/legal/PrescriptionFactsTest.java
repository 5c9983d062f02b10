package fr.recouvrement.legal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.cases.DebtorType;
import fr.recouvrement.legal.LegalEvents.LegalEvent;
import fr.recouvrement.legal.Prescription.Outcome;
import fr.recouvrement.legal.PrescriptionFacts.Suspension;
import fr.recouvrement.legal.PrescriptionFacts.UnpaidInvoice;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A case's prescription from its invoices, payments, plans, mediations and legal events. */
class PrescriptionFactsTest {
  static final LocalDate DUE = LocalDate.of(2024, 3, 15);
  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
  static final UnpaidInvoice OLD = new UnpaidInvoice(1, DUE);
  static final UnpaidInvoice NEWER = new UnpaidInvoice(2, LocalDate.of(2024, 9, 30));

  /** The legal-deadlines rows in force today (LegalDeadlinesTableTest checks the table says so). */
  static final PrescriptionFacts.Periods TODAYS_LAW =
      new PrescriptionFacts.Periods() {
        @Override
        public Period claim(DebtorType debtorType, LocalDate dueDate) {
          return debtorType == DebtorType.CONSUMER ? Period.ofYears(2) : Period.ofYears(5);
        }

        @Override
        public Period title(LocalDate titleOn) {
          return Period.ofYears(10);
        }

        @Override
        public Period minimumAfterSuspension(LocalDate decidingDate) {
          return Period.ofMonths(6);
        }
      };

  static PrescriptionFacts facts(
      DebtorType type,
      List<UnpaidInvoice> unpaid,
      Map<Long, List<LocalDate>> payments,
      List<LocalDate> plans,
      List<Suspension> mediations,
      List<LegalEvent> events) {
    return new PrescriptionFacts(
        type, unpaid, payments, plans, mediations, events, TODAY, TODAYS_LAW);
  }

  static PrescriptionFacts consumer(LegalEvent... events) {
    return facts(
        DebtorType.CONSUMER, List.of(OLD), Map.of(), List.of(), List.of(), List.of(events));
  }

  static long ids = 1;

  static LegalEvent event(LegalEventType type, String on) {
    return event(type, on, null);
  }

  static LegalEvent event(LegalEventType type, String on, String endsOn) {
    return new LegalEvent(
        ids++,
        1,
        type,
        LocalDate.parse(on),
        endsOn == null ? null : LocalDate.parse(endsOn),
        null,
        Instant.EPOCH,
        "test");
  }

  static LocalDate date(PrescriptionFacts facts) {
    return facts.date().orElseThrow();
  }

  @Test
  void aConsumerClaimTwoYearsOldIsNotPrescribedButTwoYearsAndOneDayOldItIs() {
    // C. conso L218-2 with C. civ. 2228/2229: due 15 March 2024, the creditor can still act on
    // 15 March 2026 (exactly 2 years); from 16 March 2026 (2 years and 1 day) the claim is
    // time-barred
    Outcome o = consumer().outcome().orElseThrow();
    assertThat(o).isEqualTo(new Outcome(LocalDate.of(2026, 3, 15), PrescriptionAct.DUE_DATE));
    assertThat(o.isPrescribed(LocalDate.of(2026, 3, 15))).isFalse();
    assertThat(o.isPrescribed(LocalDate.of(2026, 3, 16))).isTrue();
  }

  @Test
  void aBusinessClaimRunsFiveYears() {
    assertThat(
            date(
                facts(
                    DebtorType.BUSINESS, List.of(OLD), Map.of(), List.of(), List.of(), List.of())))
        .isEqualTo(LocalDate.of(2029, 3, 15));
  }

  @Test
  void thePeriodIsTheOneTheTableGivesForTheInvoicesDueDate() {
    // a (hypothetical) new row: 3 years for claims due from 2024-06-01; the older invoice keeps 2
    PrescriptionFacts.Periods changed =
        new PrescriptionFacts.Periods() {
          @Override
          public Period claim(DebtorType debtorType, LocalDate dueDate) {
            return dueDate.isBefore(LocalDate.of(2024, 6, 1))
                ? Period.ofYears(2)
                : Period.ofYears(3);
          }

          @Override
          public Period title(LocalDate titleOn) {
            return Period.ofYears(10);
          }

          @Override
          public Period minimumAfterSuspension(LocalDate decidingDate) {
            return Period.ofMonths(6);
          }
        };
    Map<Long, Outcome> byInvoice =
        new PrescriptionFacts(
                DebtorType.CONSUMER,
                List.of(OLD, NEWER),
                Map.of(),
                List.of(),
                List.of(),
                List.of(),
                TODAY,
                changed)
            .byInvoice();
    assertThat(byInvoice.get(1L).date()).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(byInvoice.get(2L).date()).isEqualTo(LocalDate.of(2027, 9, 30));
  }

  @Test
  void theEarliestUnpaidInvoiceWinsAndAPartialPaymentRestartsOnlyTheInvoiceItPaid() {
    assertThat(
            date(
                facts(
                    DebtorType.CONSUMER,
                    List.of(NEWER, OLD),
                    Map.of(),
                    List.of(),
                    List.of(),
                    List.of())))
        .isEqualTo(LocalDate.of(2026, 3, 15));
    // a partial payment on the old invoice (C. civ. 2240): it restarts, the newer one now
    // prescribes first
    LocalDate paid = LocalDate.of(2025, 11, 4);
    PrescriptionFacts facts =
        facts(
            DebtorType.CONSUMER,
            List.of(OLD, NEWER),
            Map.of(1L, List.of(paid)),
            List.of(),
            List.of(),
            List.of());
    assertThat(facts.outcome())
        .contains(new Outcome(LocalDate.of(2026, 9, 30), PrescriptionAct.DUE_DATE));
    assertThat(facts.byInvoice().get(1L))
        .isEqualTo(new Outcome(LocalDate.of(2027, 11, 4), PrescriptionAct.PAYMENT));
  }

  @Test
  void aPlanRestartsEveryInvoice() {
    LocalDate plan = LocalDate.of(2025, 6, 1);
    assertThat(
            facts(
                    DebtorType.CONSUMER,
                    List.of(OLD, NEWER),
                    Map.of(),
                    List.of(plan),
                    List.of(),
                    List.of())
                .outcome())
        .contains(new Outcome(LocalDate.of(2027, 6, 1), PrescriptionAct.PAYMENT_PLAN));
  }

  @Test
  void filingAnOrderRequestDoesNotInterruptItsServiceDoesUntilTheProceedingsEnd() {
    PrescriptionFacts filed =
        consumer(
            event(LegalEventType.ORDER_TO_PAY_FILED, "2025-10-01"),
            event(LegalEventType.ORDER_TO_PAY_GRANTED, "2025-10-20"));
    assertThat(filed.outcome())
        .contains(new Outcome(LocalDate.of(2026, 3, 15), PrescriptionAct.DUE_DATE));

    PrescriptionFacts served =
        consumer(
            event(LegalEventType.ORDER_TO_PAY_FILED, "2025-10-01"),
            event(LegalEventType.ORDER_TO_PAY_GRANTED, "2025-10-20"),
            event(LegalEventType.ORDER_TO_PAY_SERVED, "2025-11-05"));
    assertThat(served.outcome()).contains(new Outcome(null, PrescriptionAct.ORDER_TO_PAY_SERVED));
    assertThat(served.date()).isEmpty();
  }

  @Test
  void aProofOfClaimInterruptsUntilTheProcedureClosesThenAWholeNewPeriodRunsFromTheClosing() {
    // a business claim due 15 March 2024, prescribed on 15 March 2029 without anything else
    PrescriptionFacts open =
        facts(
            DebtorType.BUSINESS,
            List.of(OLD),
            Map.of(),
            List.of(),
            List.of(),
            List.of(event(LegalEventType.PROOF_OF_CLAIM_FILED, "2025-06-02")));
    // C. com. L622-25-1: while the procedure runs, no date (the timers wait)
    assertThat(open.outcome()).contains(new Outcome(null, PrescriptionAct.PROOF_OF_CLAIM));
    assertThat(open.date()).isEmpty();

    PrescriptionFacts closed =
        facts(
            DebtorType.BUSINESS,
            List.of(OLD),
            Map.of(),
            List.of(),
            List.of(),
            List.of(event(LegalEventType.PROOF_OF_CLAIM_FILED, "2025-06-02", "2027-01-10")));
    // closed on 10 January 2027: five years from then
    assertThat(closed.outcome())
        .contains(new Outcome(LocalDate.of(2032, 1, 10), PrescriptionAct.PROOF_OF_CLAIM));
  }

  @Test
  void anOrderRequestFiledNineDaysBeforePrescriptionAndServedAfterItLeavesTheClaimPrescribed() {
    // last day 15 March 2026; request filed 6 March, order made 12 March, served 2 April: too late
    PrescriptionFacts facts =
        consumer(
            event(LegalEventType.ORDER_TO_PAY_FILED, "2026-03-06"),
            event(LegalEventType.ORDER_TO_PAY_GRANTED, "2026-03-12"),
            event(LegalEventType.ORDER_TO_PAY_SERVED, "2026-04-02"));
    Outcome o = facts.outcome().orElseThrow();
    assertThat(o).isEqualTo(new Outcome(LocalDate.of(2026, 3, 15), PrescriptionAct.DUE_DATE));
    assertThat(o.isPrescribed(LocalDate.of(2026, 4, 2))).isTrue();
  }

  @Test
  void anOppositionLawsuitLongerThanThePeriodThenTheJudgmentGivesTenYears() {
    // served 5 November 2025, opposed, judgment for the creditor on 20 June 2029 (3 years and a
    // half
    // later, longer than the 2-year period): no date while it runs, then 10 years from the judgment
    List<LegalEvent> events =
        new ArrayList<>(
            List.of(
                event(LegalEventType.ORDER_TO_PAY_SERVED, "2025-11-05"),
                event(LegalEventType.ORDER_TO_PAY_OPPOSED, "2025-11-20")));
    assertThat(consumer(events.toArray(LegalEvent[]::new)).date()).isEmpty();
    events.add(event(LegalEventType.LAWSUIT_DECIDED, "2029-06-20"));
    events.add(event(LegalEventType.ENFORCEABLE_TITLE, "2029-06-20"));
    assertThat(consumer(events.toArray(LegalEvent[]::new)).outcome())
        .contains(new Outcome(LocalDate.of(2039, 6, 20), PrescriptionAct.COURT_TITLE));
  }

  @Test
  void aLostOrExtinguishedLawsuitPutsTheOldDateBack() {
    // C. civ. 2243: the interruption by the service is void, the date is the one without it
    PrescriptionFacts lost =
        consumer(
            event(LegalEventType.ORDER_TO_PAY_SERVED, "2025-11-05"),
            event(LegalEventType.ORDER_TO_PAY_OPPOSED, "2025-11-20"),
            event(LegalEventType.LAWSUIT_LOST, "2027-02-01"));
    assertThat(lost.outcome())
        .contains(new Outcome(LocalDate.of(2026, 3, 15), PrescriptionAct.DUE_DATE));
  }

  @Test
  void aLapsedOrderPutsThePrescriptionDateBack() {
    // a service recorded then the order declared non avenue (CPC 1411 with C. civ. 2243)
    PrescriptionFacts lapsed =
        consumer(
            event(LegalEventType.ORDER_TO_PAY_GRANTED, "2025-06-02"),
            event(LegalEventType.ORDER_TO_PAY_SERVED, "2025-11-05"),
            event(LegalEventType.ORDER_TO_PAY_LAPSED, "2025-12-02"));
    assertThat(lapsed.outcome())
        .contains(new Outcome(LocalDate.of(2026, 3, 15), PrescriptionAct.DUE_DATE));
    PrescriptionFacts rejected =
        consumer(
            event(LegalEventType.ORDER_TO_PAY_FILED, "2025-06-02"),
            event(LegalEventType.ORDER_TO_PAY_REJECTED, "2025-06-20"));
    assertThat(rejected.outcome())
        .contains(new Outcome(LocalDate.of(2026, 3, 15), PrescriptionAct.DUE_DATE));
  }

  @Test
  void aConsumerSmallClaimsTitleRunsTwoYearsFromTheAgreementNotTen() {
    // the debtor agreed on 20 January 2026, the commissaire de justice issued the title that day
    // (CPCE L111-3 5°): the consumer claim's own 2 years restart from the agreement (C. civ. 2240)
    PrescriptionFacts facts =
        consumer(
            event(LegalEventType.SMALL_CLAIMS_AGREED, "2026-01-20", "2026-01-20"),
            event(LegalEventType.SMALL_CLAIMS_TITLE, "2026-01-20"));
    assertThat(facts.titleOn()).isNull();
    assertThat(facts.outcome())
        .contains(new Outcome(LocalDate.of(2028, 1, 20), PrescriptionAct.SMALL_CLAIMS_AGREEMENT));
  }

  @Test
  void aMediationAndASmallClaimsProcedureAtOnceCountTheirOverlapOnce() {
    // mediation 1 March → 1 May 2025, small-claims procedure 1 April → 1 June 2025: 92 days, not
    // 122
    PrescriptionFacts facts =
        facts(
            DebtorType.CONSUMER,
            List.of(OLD),
            Map.of(),
            List.of(),
            List.of(new Suspension(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 1))),
            List.of(event(LegalEventType.SMALL_CLAIMS_AGREED, "2025-04-01", "2025-06-01")));
    assertThat(facts.outcome())
        .contains(new Outcome(LocalDate.of(2026, 6, 15), PrescriptionAct.SMALL_CLAIMS_SUSPENSION));
  }

  @Test
  void aMediationSuspendsItWithTheSixMonthFloor() {
    // 1 → 31 March 2025: 30 days added
    assertThat(
            date(
                facts(
                    DebtorType.CONSUMER,
                    List.of(OLD),
                    Map.of(),
                    List.of(),
                    List.of(new Suspension(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31))),
                    List.of())))
        .isEqualTo(LocalDate.of(2026, 4, 14));
    // ended on 1 March 2026, two weeks before the end: at least 6 months from its end (C. civ. 2238
    // al. 2)
    assertThat(
            date(
                facts(
                    DebtorType.CONSUMER,
                    List.of(OLD),
                    Map.of(),
                    List.of(),
                    List.of(new Suspension(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1))),
                    List.of())))
        .isEqualTo(LocalDate.of(2026, 9, 1));
  }

  @Test
  void aMediationStillRunningCountsAsEndingTodayKeepingSixMonthsAhead() {
    assertThat(
            date(
                facts(
                    DebtorType.CONSUMER,
                    List.of(OLD),
                    Map.of(),
                    List.of(),
                    List.of(new Suspension(LocalDate.of(2026, 2, 1), null)),
                    List.of())))
        .isEqualTo(TODAY.plusMonths(6));
  }

  @Test
  void aCourtTitleGivesTenYearsFromItsDateAndAnEnforcementActRestartsThem() {
    assertThat(consumer(event(LegalEventType.ENFORCEABLE_TITLE, "2025-10-02")).outcome())
        .contains(new Outcome(LocalDate.of(2035, 10, 2), PrescriptionAct.COURT_TITLE));
    // the seizure requested on 5 January 2026 does nothing; the act reported on 20 January restarts
    // the 10 years
    assertThat(
            consumer(
                    event(LegalEventType.ENFORCEABLE_TITLE, "2025-10-02"),
                    event(LegalEventType.ENFORCEMENT_REQUESTED, "2026-01-05"),
                    event(LegalEventType.ENFORCEMENT_MEASURE, "2026-01-20"))
                .outcome())
        .contains(new Outcome(LocalDate.of(2036, 1, 20), PrescriptionAct.ENFORCEMENT_ACT));
  }

  @Test
  void nothingOwedNoDate() {
    assertThat(
            facts(DebtorType.CONSUMER, List.of(), Map.of(), List.of(), List.of(), List.of())
                .outcome())
        .isEqualTo(Optional.empty());
  }
}

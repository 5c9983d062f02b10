package fr.recouvrement.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.legal.Prescription.Outcome;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

/**
 * Convention: the prescription date is the anniversary of the start (due date or title), the last
 * day on which the creditor can still act (C. civ. 2228, 2229); the claim is prescribed from the
 * next day. The periods are passed in, as the legal-deadlines table gives them today: 2 years
 * consumer (L218-2), 5 years otherwise (L110-4), 10 years for a court's title (L111-4), 6 months at
 * least after a suspension (2238 al. 2).
 */
class PrescriptionTest {
  static final LocalDate DUE = LocalDate.of(2024, 3, 15);
  static final Period CONSUMER = Period.ofYears(2);
  static final Period BUSINESS = Period.ofYears(5);
  static final Period TITLE = Period.ofYears(10);
  static final Period MINIMUM = Period.ofMonths(6);

  static Prescription consumer() {
    return Prescription.of(CONSUMER, MINIMUM, DUE, PrescriptionAct.DUE_DATE);
  }

  static LocalDate date(Prescription p) {
    Outcome o = p.outcome();
    assertThat(o.pending()).as("a court claim still runs").isFalse();
    return o.date();
  }

  @Test
  void aConsumerClaimIsPrescribedTwoYearsAndOneDayAfterItsDueDateNotOnTheAnniversary() {
    Outcome o = consumer().outcome();
    assertThat(o.date()).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(o.act()).isEqualTo(PrescriptionAct.DUE_DATE);
    assertThat(o.isPrescribed(LocalDate.of(2026, 3, 15))).isFalse();
    assertThat(o.isPrescribed(LocalDate.of(2026, 3, 16))).isTrue();
  }

  @Test
  void theTableGivesThePeriodABusinessClaimRunsFiveYears() {
    Outcome o = Prescription.of(BUSINESS, MINIMUM, DUE, PrescriptionAct.DUE_DATE).outcome();
    assertThat(o.date()).isEqualTo(LocalDate.of(2029, 3, 15));
    assertThat(o.isPrescribed(LocalDate.of(2029, 3, 16))).isTrue();
  }

  @Test
  void aTwentyNinthOfFebruaryDueDateEndsOnTheTwentyEighthTheSafeSide() {
    assertThat(
            date(
                Prescription.of(
                    CONSUMER, MINIMUM, LocalDate.of(2024, 2, 29), PrescriptionAct.DUE_DATE)))
        .isEqualTo(LocalDate.of(2026, 2, 28));
  }

  @Test
  void anAcknowledgementRestartsTheFullPeriodAndIsTheActShown() {
    Prescription acknowledged =
        consumer().interruptedOn(LocalDate.of(2025, 6, 1), PrescriptionAct.PAYMENT);
    assertThat(acknowledged.outcome())
        .isEqualTo(new Outcome(LocalDate.of(2027, 6, 1), PrescriptionAct.PAYMENT));
    // the latest interruption counts, whatever the order they were recorded in
    assertThat(
            acknowledged
                .interruptedOn(LocalDate.of(2024, 9, 1), PrescriptionAct.PAYMENT_PLAN)
                .outcome())
        .isEqualTo(new Outcome(LocalDate.of(2027, 6, 1), PrescriptionAct.PAYMENT));
  }

  @Test
  void anActAfterPrescriptionDoesNotReviveTheClaim() {
    Outcome late =
        consumer()
            .interruptedOn(LocalDate.of(2026, 4, 1), PrescriptionAct.ENFORCEMENT_ACT)
            .outcome();
    assertThat(late).isEqualTo(new Outcome(LocalDate.of(2026, 3, 15), PrescriptionAct.DUE_DATE));
    assertThat(late.isPrescribed(LocalDate.of(2026, 4, 2))).isTrue();
  }

  @Test
  void anOrderRequestFiledNineDaysBeforePrescriptionAndServedAfterItLeavesTheClaimPrescribed() {
    // Last day 15 March 2026. The request is filed on 6 March (9 days before): the filing does not
    // interrupt (Cass. 10 July 1990), so it is not passed at all. The order is served on 2 April,
    // 18 days after the last day: too late, the claim was prescribed on 16 March. A lawyer would
    // have had the order served by 15 March, or sent a bailiff's act that interrupts on its own.
    Outcome o =
        consumer()
            .courtClaim(LocalDate.of(2026, 4, 2), null, PrescriptionAct.ORDER_TO_PAY_SERVED)
            .outcome();
    assertThat(o).isEqualTo(new Outcome(LocalDate.of(2026, 3, 15), PrescriptionAct.DUE_DATE));
    assertThat(o.isPrescribed(LocalDate.of(2026, 3, 16))).isTrue();
  }

  @Test
  void anOrderServedBeforeTheLastDayInterruptsUntilTheProceedingsEnd() {
    // served 10 March 2026, 5 days before the last day: no date at all while the proceedings run
    Outcome running =
        consumer()
            .courtClaim(LocalDate.of(2026, 3, 10), null, PrescriptionAct.ORDER_TO_PAY_SERVED)
            .outcome();
    assertThat(running.pending()).isTrue();
    assertThat(running.act()).isEqualTo(PrescriptionAct.ORDER_TO_PAY_SERVED);
    assertThat(running.isPrescribed(LocalDate.of(2031, 1, 1))).isFalse();
  }

  @Test
  void
      anOppositionLawsuitLongerThanThePeriodNeverLetsTheClaimPrescribeAndANewPeriodRunsFromItsEnd() {
    // served 10 March 2026, the opposition lawsuit ends 3 years later, on 20 June 2029 (longer than
    // the
    // 2-year period): nothing prescribes meanwhile (C. civ. 2242); a new full period runs from the
    // end
    Prescription p =
        consumer()
            .courtClaim(
                LocalDate.of(2026, 3, 10),
                LocalDate.of(2029, 6, 20),
                PrescriptionAct.ORDER_TO_PAY_SERVED);
    assertThat(p.outcome())
        .isEqualTo(new Outcome(LocalDate.of(2031, 6, 20), PrescriptionAct.ORDER_TO_PAY_SERVED));
    // an acknowledgement during the lawsuit changes nothing: the interruption lasts anyway
    assertThat(p.interruptedOn(LocalDate.of(2027, 1, 5), PrescriptionAct.PAYMENT).outcome().date())
        .isEqualTo(LocalDate.of(2031, 6, 20));
    // nor does a mediation held during the lawsuit
    assertThat(
            p.suspended(
                    LocalDate.of(2027, 1, 5), LocalDate.of(2027, 4, 5), PrescriptionAct.MEDIATION)
                .outcome()
                .date())
        .isEqualTo(LocalDate.of(2031, 6, 20));
  }

  @Test
  void aMediationSuspendsItKeepingTheTimeAlreadyRun() {
    // 61 days of mediation (1 March → 1 May 2025) push the end by 61 days
    Outcome mediated =
        consumer()
            .suspended(
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 1), PrescriptionAct.MEDIATION)
            .outcome();
    assertThat(mediated)
        .isEqualTo(new Outcome(LocalDate.of(2026, 3, 15).plusDays(61), PrescriptionAct.MEDIATION));
  }

  @Test
  void overlappingSuspensionsCountTheirCommonDaysOnce() {
    // mediation 1 March → 1 May 2025 (61 days) and a small-claims procedure 1 April → 1 June 2025
    // (61 days) overlap for 30 days: suspended from 1 March to 1 June = 92 days, not 122
    Outcome both =
        consumer()
            .suspended(
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 1), PrescriptionAct.MEDIATION)
            .suspended(
                LocalDate.of(2025, 4, 1),
                LocalDate.of(2025, 6, 1),
                PrescriptionAct.SMALL_CLAIMS_SUSPENSION)
            .outcome();
    assertThat(both.date())
        .isEqualTo(LocalDate.of(2026, 3, 15).plusDays(92))
        .isEqualTo(LocalDate.of(2026, 6, 15));
    // one inside the other counts as the outer one alone
    assertThat(
            date(
                consumer()
                    .suspended(
                        LocalDate.of(2025, 3, 1),
                        LocalDate.of(2025, 5, 1),
                        PrescriptionAct.MEDIATION)
                    .suspended(
                        LocalDate.of(2025, 3, 10),
                        LocalDate.of(2025, 3, 20),
                        PrescriptionAct.SMALL_CLAIMS_SUSPENSION)))
        .isEqualTo(LocalDate.of(2026, 3, 15).plusDays(61));
  }

  @Test
  void afterASuspensionAtLeastSixMonthsRemain() {
    // mediation ending a month before the anniversary: 6 months from its end, not one
    assertThat(
            date(
                consumer()
                    .suspended(
                        LocalDate.of(2026, 2, 1),
                        LocalDate.of(2026, 2, 15),
                        PrescriptionAct.MEDIATION)))
        .isEqualTo(LocalDate.of(2026, 8, 15));
  }

  @Test
  void anAcknowledgementDuringAMediationRestartsWhenTheMediationEnds() {
    Prescription both =
        consumer()
            .suspended(
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 1), PrescriptionAct.MEDIATION)
            .interruptedOn(LocalDate.of(2025, 4, 1), PrescriptionAct.PAYMENT);
    assertThat(date(both)).isEqualTo(LocalDate.of(2027, 5, 1));
  }

  @Test
  void aSuspensionCannotEndBeforeItStartsNorProceedingsBeforeTheyBegin() {
    assertThatThrownBy(
            () ->
                consumer()
                    .suspended(
                        LocalDate.of(2025, 5, 1),
                        LocalDate.of(2025, 3, 1),
                        PrescriptionAct.MEDIATION))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                consumer()
                    .courtClaim(
                        LocalDate.of(2025, 5, 1),
                        LocalDate.of(2025, 3, 1),
                        PrescriptionAct.ORDER_TO_PAY_SERVED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMediationOverBeforeTheDueDateChangesNothing() {
    // an invoice added to the case after a mediation ended: its own period is untouched
    assertThat(
            date(
                consumer()
                    .suspended(
                        LocalDate.of(2023, 10, 1),
                        LocalDate.of(2024, 1, 15),
                        PrescriptionAct.MEDIATION)))
        .isEqualTo(LocalDate.of(2026, 3, 15));
  }

  @Test
  void aCourtTitleRunsTenYearsAndAnEnforcementActRestartsThemFromTheActsDate() {
    LocalDate title = LocalDate.of(2026, 4, 10);
    Prescription titled = Prescription.of(TITLE, MINIMUM, title, PrescriptionAct.COURT_TITLE);
    assertThat(titled.outcome())
        .isEqualTo(new Outcome(LocalDate.of(2036, 4, 10), PrescriptionAct.COURT_TITLE));
    // requested on 20 December 2026, the seizure done and reported on 5 January 2027: the act's
    // date counts
    assertThat(
            titled
                .interruptedOn(LocalDate.of(2027, 1, 5), PrescriptionAct.ENFORCEMENT_ACT)
                .outcome())
        .isEqualTo(new Outcome(LocalDate.of(2037, 1, 5), PrescriptionAct.ENFORCEMENT_ACT));
  }

  @Test
  void aPeriodMustBePositive() {
    assertThatThrownBy(() -> Prescription.of(Period.ZERO, MINIMUM, DUE, PrescriptionAct.DUE_DATE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

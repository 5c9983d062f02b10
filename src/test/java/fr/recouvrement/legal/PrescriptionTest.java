package fr.recouvrement.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.cases.DebtorType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Convention: the prescription date is the anniversary of the due date, the last day on which the
 * creditor can still act (C. civ. 2228, 2229); the claim is prescribed from the next day.
 */
class PrescriptionTest {
  static final LocalDate DUE = LocalDate.of(2024, 3, 15);

  @Test
  void aConsumerClaimIsPrescribedTwoYearsAndOneDayAfterItsDueDateNotOnTheAnniversary() {
    Prescription consumer = Prescription.of(DebtorType.CONSUMER, DUE);
    assertThat(consumer.date()).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(consumer.isPrescribed(LocalDate.of(2026, 3, 15))).isFalse();
    assertThat(consumer.isPrescribed(LocalDate.of(2026, 3, 16))).isTrue();
    assertThat(consumer.warningDate()).isEqualTo(LocalDate.of(2025, 12, 15));
  }

  @Test
  void aBusinessClaimRunsFiveYears() {
    Prescription business = Prescription.of(DebtorType.BUSINESS, DUE);
    assertThat(business.date()).isEqualTo(LocalDate.of(2029, 3, 15));
    assertThat(business.isPrescribed(LocalDate.of(2026, 3, 16))).isFalse();
    assertThat(business.isPrescribed(LocalDate.of(2029, 3, 16))).isTrue();
  }

  @Test
  void aTwentyNinthOfFebruaryDueDateEndsOnTheTwentyEighthTheSafeSide() {
    assertThat(Prescription.of(DebtorType.CONSUMER, LocalDate.of(2024, 2, 29)).date())
        .isEqualTo(LocalDate.of(2026, 2, 28));
  }

  @Test
  void anAcknowledgementRestartsTheFullPeriod() {
    Prescription acknowledged =
        Prescription.of(DebtorType.CONSUMER, DUE).interruptedOn(LocalDate.of(2025, 6, 1));
    assertThat(acknowledged.date()).isEqualTo(LocalDate.of(2027, 6, 1));
    assertThat(acknowledged.isPrescribed(LocalDate.of(2026, 3, 16))).isFalse();
    // the latest interruption counts, whatever the order they were recorded in
    assertThat(acknowledged.interruptedOn(LocalDate.of(2024, 9, 1)).date())
        .isEqualTo(LocalDate.of(2027, 6, 1));
  }

  @Test
  void anActAfterPrescriptionDoesNotReviveTheClaim() {
    Prescription late =
        Prescription.of(DebtorType.CONSUMER, DUE).interruptedOn(LocalDate.of(2026, 4, 1));
    assertThat(late.date()).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(late.isPrescribed(LocalDate.of(2026, 4, 2))).isTrue();
  }

  @Test
  void aMediationSuspendsItKeepingTheTimeAlreadyRun() {
    // 61 days of mediation (1 March → 1 May 2025) push the end by 61 days
    Prescription mediated =
        Prescription.of(DebtorType.CONSUMER, DUE)
            .suspended(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 1));
    assertThat(mediated.date()).isEqualTo(LocalDate.of(2026, 3, 15).plusDays(61));
    assertThat(mediated.isPrescribed(LocalDate.of(2026, 3, 16))).isFalse();
  }

  @Test
  void afterASuspensionAtLeastSixMonthsRemain() {
    // mediation ending a month before the anniversary: 6 months from its end, not one
    Prescription lateMediation =
        Prescription.of(DebtorType.CONSUMER, DUE)
            .suspended(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 15));
    assertThat(lateMediation.date()).isEqualTo(LocalDate.of(2026, 8, 15));
  }

  @Test
  void anAcknowledgementDuringAMediationRestartsWhenTheMediationEnds() {
    Prescription both =
        Prescription.of(DebtorType.CONSUMER, DUE)
            .suspended(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 1))
            .interruptedOn(LocalDate.of(2025, 4, 1));
    assertThat(both.date()).isEqualTo(LocalDate.of(2027, 5, 1));
  }

  @Test
  void aSuspensionCannotEndBeforeItStarts() {
    assertThatThrownBy(
            () ->
                Prescription.of(DebtorType.CONSUMER, DUE)
                    .suspended(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 3, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEnforceableTitleCanBeEnforcedForTenYears() {
    LocalDate title = LocalDate.of(2026, 4, 10);
    assertThat(Prescription.titleExpiry(title)).isEqualTo(LocalDate.of(2036, 4, 10));
    assertThat(Prescription.isTitleExpired(title, LocalDate.of(2036, 4, 10))).isFalse();
    assertThat(Prescription.isTitleExpired(title, LocalDate.of(2036, 4, 11))).isTrue();
  }

  @Test
  void aMediationOverBeforeTheDueDateChangesNothing() {
    // an invoice added to the case after a mediation ended: its own period is untouched
    assertThat(Prescription.of(DebtorType.CONSUMER, DUE)
            .suspended(LocalDate.of(2023, 10, 1), LocalDate.of(2024, 1, 15)).date())
        .isEqualTo(LocalDate.of(2026, 3, 15));
  }

  @Test
  void aTitleRunsTenYearsAndAnEnforcementMeasureRestartsThem() {
    LocalDate title = LocalDate.of(2026, 4, 10);
    assertThat(Prescription.ofTitle(title).date()).isEqualTo(Prescription.titleExpiry(title));
    assertThat(Prescription.ofTitle(title).interruptedOn(LocalDate.of(2027, 1, 5)).date())
        .isEqualTo(LocalDate.of(2037, 1, 5));
  }
}

package fr.recouvrement.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.kpi.Attribution.Action;
import fr.recouvrement.kpi.Attribution.Payment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A payment is recovered after the LAST action on its case, on or before its day, within N days.
 */
class AttributionTest {
  static final long CASE = 1;
  static final long OTHER_CASE = 2;
  static final LocalDate DAY = LocalDate.of(2013, 3, 1);

  static Action action(long caseId, String channel, LocalDate on, String time, long id) {
    return new Action(
        caseId, channel, on, Instant.parse(on + "T" + time + ":00Z"), id, BigDecimal.ONE);
  }

  static Payment payment(long caseId, LocalDate on, String amount) {
    return new Payment(caseId, on, new BigDecimal(amount));
  }

  @Test
  void aPaymentGoesToTheLastActionBeforeItNotToEveryAction() {
    Action email = action(CASE, "EMAIL", DAY, "08:00", 1);
    Action sms = action(CASE, "SMS", DAY.plusDays(3), "08:00", 2);

    Map<Action, BigDecimal> recovered =
        Attribution.attribute(
            List.of(sms, email), List.of(payment(CASE, DAY.plusDays(5), "100.00")), 15);

    assertThat(recovered).containsOnlyKeys(sms);
    assertThat(recovered.get(sms)).isEqualByComparingTo("100.00");
  }

  @Test
  void anActionOfThePaymentDayCountsAndTheLatestOfTheDayTakesIt() {
    Action letter = action(CASE, "LETTER", DAY, "08:00", 7);
    Action email = action(CASE, "EMAIL", DAY, "09:30", 3);
    Action nextDay = action(CASE, "SMS", DAY.plusDays(1), "07:00", 1);

    Map<Action, BigDecimal> recovered =
        Attribution.attribute(
            List.of(nextDay, email, letter), List.of(payment(CASE, DAY, "40.00")), 15);

    assertThat(recovered).containsOnlyKeys(email);
  }

  @Test
  void aPaymentMoreThanNDaysAfterTheLastActionIsRecoveredAfterNoAction() {
    Action email = action(CASE, "EMAIL", DAY, "08:00", 1);

    assertThat(
            Attribution.attribute(
                List.of(email), List.of(payment(CASE, DAY.plusDays(15), "10.00")), 15))
        .containsOnlyKeys(email);
    assertThat(
            Attribution.attribute(
                List.of(email), List.of(payment(CASE, DAY.plusDays(16), "10.00")), 15))
        .isEmpty();
    // an older action does not take a payment the last one is too old for
    Action older = action(CASE, "SMS", DAY.minusDays(3), "08:00", 2);
    assertThat(
            Attribution.attribute(
                List.of(older, email), List.of(payment(CASE, DAY.plusDays(16), "10.00")), 30))
        .containsOnlyKeys(email);
  }

  @Test
  void paymentsBeforeAnyActionOrOnAnotherCaseAreNotAttributed() {
    Action email = action(CASE, "EMAIL", DAY, "08:00", 1);

    Map<Action, BigDecimal> recovered =
        Attribution.attribute(
            List.of(email),
            List.of(
                payment(CASE, DAY.minusDays(1), "10.00"),
                payment(OTHER_CASE, DAY.plusDays(1), "20.00")),
            15);

    assertThat(recovered).isEmpty();
  }

  @Test
  void severalPaymentsAfterOneActionAddUp() {
    Action letter = action(CASE, "LETTER", DAY, "08:00", 1);

    Map<Action, BigDecimal> recovered =
        Attribution.attribute(
            List.of(letter),
            List.of(
                payment(CASE, DAY.plusDays(2), "10.00"), payment(CASE, DAY.plusDays(9), "15.50")),
            15);

    assertThat(recovered.get(letter)).isEqualByComparingTo("25.50");
  }
}

package fr.recouvrement.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.DecisionTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;

class ReminderCadenceDecisionTest {
  static final DecisionTables TABLE = DecisionTables.load("reminder-cadence");

  static DmnDecisionResultEntries step(String segment, int step, double balance, int daysOverdue) {
    Map<String, Object> in = new HashMap<>();
    in.put("segment", segment);
    in.put("reminderStep", step);
    in.put("debtorType", "BUSINESS");
    in.put("balance", balance);
    in.put("daysOverdue", daysOverdue);
    return TABLE.evaluate(in);
  }

  /** "EMAIL@-3" for each step until the cadence proposes escalation. */
  static List<String> cadence(String segment, int daysOverdue) {
    List<String> actions = new ArrayList<>();
    for (int s = 1; s <= 10; s++) {
      DmnDecisionResultEntries r = step(segment, s, 1850, daysOverdue);
      actions.add(r.getEntry("action") + "@" + r.getEntry("delayDays"));
      if ("ESCALATE".equals(r.getEntry("action"))) {
        break;
      }
    }
    return actions;
  }

  @Test
  void aPunctualPayerGetsTheDefaultFrenchCadence() {
    assertThat(cadence("PONCTUEL", -10))
        .containsExactly(
            "EMAIL@-3", "EMAIL@3", "SMS@10", "PHONE_CALL@15", "LETTER@25", "ESCALATE@35");
    DmnDecisionResultEntries courtesy = step("PONCTUEL", 1, 1850, -10);
    assertThat((String) courtesy.getEntry("template")).isEqualTo("relance-preventive");
    assertThat((String) courtesy.getEntry("tone")).isEqualTo("courtois");
    assertThat((String) step("PONCTUEL", 5, 1850, 20).getEntry("tone")).isEqualTo("ferme");
  }

  @Test
  void noCourtesyReminderOnceTheDueDateHasPassed() {
    assertThat((String) step("PONCTUEL", 1, 1850, 0).getEntry("action")).isEqualTo("SKIP");
    assertThat((String) step("GROS_ENJEU", 1, 1850, 4).getEntry("action")).isEqualTo("SKIP");
  }

  @Test
  void aRecalcitrantDebtorIsRemindedFirmlyAndEscalatedSooner() {
    List<String> recalcitrant = cadence("RECALCITRANT", 0);
    assertThat(recalcitrant)
        .containsExactly("EMAIL@1", "SMS@4", "PHONE_CALL@7", "LETTER@12", "ESCALATE@18");
    assertThat((String) step("RECALCITRANT", 1, 1850, 0).getEntry("tone")).isEqualTo("ferme");
    DmnDecisionResultEntries lastNotice = step("RECALCITRANT", 4, 1850, 10);
    assertThat((String) lastNotice.getEntry("tone")).isEqualTo("dernier-avis");
    assertThat((Boolean) lastNotice.getEntry("approvalRequired")).isTrue();
  }

  @Test
  void aDebtorInDifficultyIsOfferedAPaymentPlanAtTheSecondStep() {
    DmnDecisionResultEntries offer = step("EN_DIFFICULTE", 2, 1850, 1);
    assertThat((String) offer.getEntry("action")).isEqualTo("EMAIL");
    assertThat((String) offer.getEntry("template")).isEqualTo("proposition-echeancier");
    assertThat((Integer) offer.getEntry("delayDays")).isEqualTo(3);
  }

  @Test
  void highStakesCasesAreCalledEarlyAndTheirLettersApproved() {
    assertThat((String) step("GROS_ENJEU", 2, 20000, 1).getEntry("action")).isEqualTo("PHONE_CALL");
    assertThat((Boolean) step("GROS_ENJEU", 4, 20000, 10).getEntry("approvalRequired")).isTrue();
  }

  @Test
  void emailFallsBackToALetterAndSmsOrCallsToNothing() {
    assertThat((String) step("PONCTUEL", 2, 1850, 3).getEntry("fallbackAction"))
        .isEqualTo("LETTER");
    assertThat((String) step("PONCTUEL", 3, 1850, 10).getEntry("fallbackAction")).isEqualTo("SKIP");
    assertThat((String) step("PONCTUEL", 4, 1850, 15).getEntry("fallbackAction")).isEqualTo("SKIP");
  }

  @Test
  void aTinyBalanceIsNotWorthALetterAndGoesToEscalation() {
    assertThat((String) step("PONCTUEL", 5, 12.5, 25).getEntry("action")).isEqualTo("ESCALATE");
    assertThat((String) step("PONCTUEL", 2, 12.5, 3).getEntry("action")).isEqualTo("EMAIL");
  }

  @Test
  void anUnknownSegmentIsEscalatedForReviewRatherThanLeftWithoutReminder() {
    assertThat((String) step("INCONNU", 1, 1850, 3).getEntry("action")).isEqualTo("ESCALATE");
  }
}

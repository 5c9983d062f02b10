package fr.recouvrement.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.DecisionTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;

/**
 * The cadence as amicable-reminders takes it: reminder-cadence chooses the action and its timing,
 * then reminder-content (same file) the template, tone and approval from the action chosen.
 */
class ReminderCadenceDecisionTest {
  static final DecisionTables CADENCE = DecisionTables.load("reminder-cadence");
  static final DecisionTables CONTENT = DecisionTables.load("reminder-content");

  /** What both tables decide for one step, as the process variables the two tasks write. */
  static Map<String, Object> step(String segment, int step, double balance, int daysOverdue) {
    Map<String, Object> in = new HashMap<>();
    in.put("segment", segment);
    in.put("reminderStep", step);
    in.put("debtorType", "BUSINESS");
    in.put("balance", balance);
    in.put("daysOverdue", daysOverdue);
    DmnDecisionResultEntries cadence = CADENCE.evaluate(in);
    in.putAll(cadence);
    Map<String, Object> decided = new HashMap<>(cadence);
    decided.putAll(CONTENT.evaluate(in));
    return decided;
  }

  /** "EMAIL@-3" for each step until the cadence proposes escalation. */
  static List<String> cadence(String segment, int daysOverdue) {
    List<String> actions = new ArrayList<>();
    for (int s = 1; s <= 10; s++) {
      Map<String, Object> r = step(segment, s, 1850, daysOverdue);
      actions.add(r.get("action") + "@" + r.get("delayDays"));
      if ("ESCALATE".equals(r.get("action"))) {
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
    Map<String, Object> courtesy = step("PONCTUEL", 1, 1850, -10);
    assertThat((String) courtesy.get("template")).isEqualTo("relance-preventive");
    assertThat((String) courtesy.get("tone")).isEqualTo("courtois");
    assertThat((String) step("PONCTUEL", 5, 1850, 20).get("tone")).isEqualTo("ferme");
  }

  @Test
  void noCourtesyReminderOnceTheDueDateHasPassed() {
    assertThat((String) step("PONCTUEL", 1, 1850, 0).get("action")).isEqualTo("SKIP");
    assertThat((String) step("GROS_ENJEU", 1, 1850, 4).get("action")).isEqualTo("SKIP");
  }

  @Test
  void aRecalcitrantDebtorIsRemindedFirmlyAndEscalatedSooner() {
    List<String> recalcitrant = cadence("RECALCITRANT", 0);
    assertThat(recalcitrant)
        .containsExactly("EMAIL@1", "SMS@4", "PHONE_CALL@7", "LETTER@12", "ESCALATE@18");
    assertThat((String) step("RECALCITRANT", 1, 1850, 0).get("tone")).isEqualTo("ferme");
    Map<String, Object> lastNotice = step("RECALCITRANT", 4, 1850, 10);
    assertThat((String) lastNotice.get("tone")).isEqualTo("dernier-avis");
    assertThat((Boolean) lastNotice.get("approvalRequired")).isTrue();
  }

  @Test
  void aDebtorInDifficultyIsOfferedAPaymentPlanAtTheSecondStep() {
    Map<String, Object> offer = step("EN_DIFFICULTE", 2, 1850, 1);
    assertThat((String) offer.get("action")).isEqualTo("EMAIL");
    assertThat((String) offer.get("template")).isEqualTo("proposition-echeancier");
    assertThat((Integer) offer.get("delayDays")).isEqualTo(3);
  }

  @Test
  void highStakesCasesAreCalledEarlyAndTheirLettersApproved() {
    assertThat((String) step("GROS_ENJEU", 2, 20000, 1).get("action")).isEqualTo("PHONE_CALL");
    assertThat((Boolean) step("GROS_ENJEU", 4, 20000, 10).get("approvalRequired")).isTrue();
  }

  @Test
  void emailFallsBackToALetterAndSmsOrCallsToNothing() {
    assertThat((String) step("PONCTUEL", 2, 1850, 3).get("fallbackAction")).isEqualTo("LETTER");
    assertThat((String) step("PONCTUEL", 3, 1850, 10).get("fallbackAction")).isEqualTo("SKIP");
    assertThat((String) step("PONCTUEL", 4, 1850, 15).get("fallbackAction")).isEqualTo("SKIP");
  }

  @Test
  void aTinyBalanceIsNotWorthALetterAndGoesToEscalation() {
    assertThat((String) step("PONCTUEL", 5, 12.5, 25).get("action")).isEqualTo("ESCALATE");
    assertThat((String) step("PONCTUEL", 2, 12.5, 3).get("action")).isEqualTo("EMAIL");
  }

  @Test
  void anUnknownSegmentIsEscalatedForReviewRatherThanLeftWithoutReminder() {
    assertThat((String) step("INCONNU", 1, 1850, 3).get("action")).isEqualTo("ESCALATE");
  }

  @Test
  void aStepThatSendsNothingHasNoTemplateNoToneAndNoApproval() {
    for (Map<String, Object> none :
        List.of(step("PONCTUEL", 6, 1850, 35), step("PONCTUEL", 1, 1850, 0))) {
      assertThat(none.get("action")).isIn("ESCALATE", "SKIP");
      assertThat(none.get("template")).isEqualTo("");
      assertThat(none.get("tone")).isEqualTo("");
      assertThat(none.get("approvalRequired")).isEqualTo(false);
    }
  }
}

package fr.recouvrement.kernel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.recouvrement.kernel.hash.Sha256;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** The one reader of process variables: the same rules for every delegate. */
class StepVariablesTest {
  final Map<String, Object> values = new HashMap<>();

  DelegateExecution execution(String activity) {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getCurrentActivityId()).thenReturn(activity);
    when(execution.getProcessInstanceId()).thenReturn("pi-1");
    when(execution.getVariable(org.mockito.ArgumentMatchers.anyString()))
        .thenAnswer(i -> values.get(i.<String>getArgument(0)));
    return execution;
  }

  StepVariables variables() {
    return StepVariables.of(execution("Task_RecordPayment"));
  }

  @Test
  void aValueEqualToTheOneHeldIsNotWrittenAgainButAnyOtherAndANewNullAre() {
    DelegateExecution execution = execution("Task_PrepareReminderStep");
    when(execution.hasVariable(org.mockito.ArgumentMatchers.anyString()))
        .thenAnswer(i -> values.containsKey(i.<String>getArgument(0)));
    values.put("segment", "FRAGILE");
    values.put("balance", 1850.0);
    values.put("debtorPhone", null);
    StepVariables variables = StepVariables.of(execution);

    variables.set("segment", "FRAGILE");
    variables.set("balance", 1850.0);
    variables.set("debtorPhone", null);
    variables.set("daysOverdue", 12);
    variables.set("balance", 1800.0);
    variables.set("hasPhone", null);

    org.mockito.Mockito.verify(execution, org.mockito.Mockito.never())
        .setVariable(
            org.mockito.ArgumentMatchers.eq("segment"), org.mockito.ArgumentMatchers.any());
    org.mockito.Mockito.verify(execution, org.mockito.Mockito.never())
        .setVariable(
            org.mockito.ArgumentMatchers.eq("debtorPhone"), org.mockito.ArgumentMatchers.any());
    org.mockito.Mockito.verify(execution).setVariable("daysOverdue", 12);
    org.mockito.Mockito.verify(execution).setVariable("balance", 1800.0);
    org.mockito.Mockito.verify(execution).setVariable("hasPhone", null);
    org.mockito.Mockito.verify(execution, org.mockito.Mockito.times(3))
        .setVariable(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any());
  }

  @Test
  void aMissingRequiredVariableIsAnErrorNamingTheVariableAndTheActivity() {
    values.put("caseReference", "  ");
    assertThatThrownBy(() -> variables().caseReference())
        .isInstanceOf(ProcessVariableException.class)
        .hasMessage("Process variable 'caseReference' is missing at activity Task_RecordPayment");
    assertThat(variables().optionalText("caseReference")).isEmpty();
    assertThat(variables().optionalAmount("absent")).isEmpty();
    assertThat(variables().optionalDate("absent")).isEmpty();
  }

  @Test
  void anAmountAcceptsADecimalCommaAndIsRoundedHalfUpToTheCent() {
    values.put("typed", "12,345"); // 12.345 -> 12.35 half-up
    values.put("fromForm", 99.5d); // a form's number field gives a Double
    values.put("whole", 7L);
    assertThat(variables().amount("typed")).isEqualTo(new BigDecimal("12.35"));
    assertThat(variables().amount("fromForm")).isEqualTo(new BigDecimal("99.50"));
    assertThat(variables().amount("whole")).isEqualTo(new BigDecimal("7.00"));
  }

  @Test
  void aNegativeOrUnreadableAmountIsRefusedWithItsName() {
    values.put("credit", "-5");
    values.put("typo", "12 euros");
    assertThatThrownBy(() -> variables().amount("credit"))
        .hasMessageContaining("'credit' cannot be negative");
    assertThatThrownBy(() -> variables().amount("typo"))
        .hasMessageContaining("'typo' is not an amount: '12 euros'");
  }

  @Test
  void aDateIsReadFromIsoTextADateInParisOrALocalDate() {
    values.put("fromForm", "2026-12-01T10:15:00");
    // 23:30 UTC on 1 March is 00:30 on 2 March in Paris (UTC+1 in winter)
    values.put("fromJava", Date.from(Instant.parse("2026-03-01T23:30:00Z")));
    values.put("local", LocalDate.of(2027, 1, 4));
    values.put("typo", "01/12/2026");
    assertThat(variables().date("fromForm")).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(variables().date("fromJava")).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(variables().date("local")).isEqualTo(LocalDate.of(2027, 1, 4));
    assertThatThrownBy(() -> variables().date("typo"))
        .hasMessageContaining("'typo' is not a date (YYYY-MM-DD)");
  }

  @Test
  void numbersFlagsAndTypedValuesAreReadAsSet() {
    values.put("count", "3");
    values.put("fromForm", 6.0d);
    values.put("disputeId", 42L);
    values.put("approved", "true");
    values.put("reminderStep", "2");
    assertThat(variables().integer("count")).isEqualTo(3);
    assertThat(variables().integer("fromForm")).isEqualTo(6);
    assertThat(variables().id("disputeId")).isEqualTo(42L);
    assertThat(variables().flag("approved")).isTrue();
    assertThat(variables().optionalFlag("absent")).isEmpty();
    assertThatThrownBy(() -> variables().typed("reminderStep", Number.class))
        .hasMessageContaining("'reminderStep' is a String, expected Number");
  }

  @Test
  void aStepKeyIsTheCaseTheInstanceTheActivityAndItsPartsBoundedTo200Characters() {
    assertThat(StepKey.of(execution("Task_SendReminderEmail"), "DOS-1", 2))
        .isEqualTo("DOS-1/pi-1/Task_SendReminderEmail/2");
    values.put("caseReference", "DOS-2");
    assertThat(StepKey.of(execution("Task_NotifyDisputeRejected")))
        .isEqualTo("DOS-2/pi-1/Task_NotifyDisputeRejected");

    String longActivity = "Task_" + "X".repeat(250);
    String whole = "DOS-1/pi-1/" + longActivity;
    String key = StepKey.of(execution(longActivity), "DOS-1");
    assertThat(key)
        .hasSize(200)
        .startsWith("DOS-1/pi-1/Task_XXX")
        .endsWith("#" + Sha256.hex(whole));
  }

  @Test
  void sha256IsTheStandardDigest() {
    // FIPS 180-2 test vector for "abc"
    assertThat(Sha256.hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}

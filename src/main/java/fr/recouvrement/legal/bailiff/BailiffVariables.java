package fr.recouvrement.legal.bailiff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HexFormat;
import fr.recouvrement.kernel.time.CaseClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reading the process variables of the bailiff delegates, with messages that name what is wrong. */
final class BailiffVariables {
  private static final int MAX_KEY = 200; // bailiff_mission.client_reference

  private BailiffVariables() {}

  static String string(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException(
          "Process variable '%s' is missing at activity %s".formatted(name, execution.getCurrentActivityId()));
    }
    return value.toString();
  }

  static String optionalString(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  /** A number, or a text holding one (form fields); absent is zero. Euros, 2 decimals. */
  static BigDecimal amount(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal amount;
    try {
      amount = value instanceof BigDecimal d ? d : new BigDecimal(value.toString().trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Process variable '%s' is not an amount: '%s'".formatted(name, value));
    }
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("Process variable '%s' cannot be negative: %s".formatted(name, amount));
    }
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  /** An ISO date text (YYYY-MM-DD, as forms and callbacks give it) or a Date; absent is today. */
  static LocalDate date(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return CaseClock.today();
    }
    if (value instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), CaseClock.PARIS);
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Process variable '%s' is not a date (YYYY-MM-DD): '%s'".formatted(name, value));
    }
  }


  /**
   * The idempotency key of the step: {@code caseReference/processInstanceId/activityId/missionType/n},
   * where n counts how many times this activity already completed in this instance (a model that
   * loops back asks for a new mission; a retried job, whose failed attempts left no history, finds
   * the same key).
   */
  static String missionKey(DelegateExecution execution, String caseReference, MissionType type) {
    long done =
        execution
            .getProcessEngineServices()
            .getHistoryService()
            .createHistoricActivityInstanceQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .activityId(execution.getCurrentActivityId())
            .finished()
            .count();
    String key =
        caseReference + "/" + execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId() + "/" + type.name() + "/" + (done + 1);
    return bounded(key);
  }

  /** Long activity ids could overflow the column: keep a readable prefix and a hash of the whole. */
  static String bounded(String key) {
    if (key.length() <= MAX_KEY) {
      return key;
    }
    try {
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
      return key.substring(0, MAX_KEY - 65) + "#" + hash;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

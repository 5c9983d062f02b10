package fr.recouvrement.channel;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.DecisionTables;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;

class ContactPolicyDecisionTest {
  static final DecisionTables TABLE = DecisionTables.load("contact-policy");
  static final int MONDAY = 1;
  static final int SATURDAY = 6;

  static DmnDecisionResultEntries check(
      String channel, int day, String time, boolean holiday, int today, int calls) {
    String[] hm = time.split(":");
    Map<String, Object> in = new HashMap<>();
    in.put("channel", channel);
    in.put("dayOfWeek", day);
    in.put("minuteOfDay", Integer.parseInt(hm[0]) * 60 + Integer.parseInt(hm[1]));
    in.put("publicHoliday", holiday);
    in.put("contactsToday", today);
    in.put("callAttemptsLast30Days", calls);
    return TABLE.evaluate(in);
  }

  static boolean allowed(String channel, int day, String time) {
    return check(channel, day, time, false, 0, 0).getEntry("allowed");
  }

  @Test
  void callsAndSmsOnlyInTheCanvassingHoursOfWeekdays() {
    assertThat(allowed("PHONE_CALL", MONDAY, "09:59")).isFalse();
    assertThat(allowed("PHONE_CALL", MONDAY, "10:00")).isTrue();
    assertThat(allowed("SMS", MONDAY, "12:59")).isTrue();
    assertThat(allowed("SMS", MONDAY, "13:00")).isFalse();
    assertThat(allowed("SMS", MONDAY, "14:00")).isTrue();
    assertThat(allowed("PHONE_CALL", MONDAY, "19:59")).isTrue();
    assertThat(allowed("PHONE_CALL", MONDAY, "20:00")).isFalse();
  }

  @Test
  void nothingOnWeekendsOrPublicHolidays() {
    assertThat(allowed("EMAIL", SATURDAY, "11:00")).isFalse();
    assertThat(allowed("SMS", 7, "11:00")).isFalse();
    assertThat((Boolean) check("EMAIL", MONDAY, "11:00", true, 0, 0).getEntry("allowed")).isFalse();
    assertThat((String) check("EMAIL", MONDAY, "11:00", true, 0, 0).getEntry("reason"))
        .isEqualTo("Jour férié");
  }

  @Test
  void neverTwoContactsTheSameDayAndAtMostFourCallsIn30Days() {
    assertThat((Boolean) check("EMAIL", MONDAY, "11:00", false, 1, 0).getEntry("allowed"))
        .isFalse();
    assertThat((Boolean) check("PHONE_CALL", MONDAY, "11:00", false, 0, 3).getEntry("allowed"))
        .isTrue();
    DmnDecisionResultEntries capped = check("PHONE_CALL", MONDAY, "11:00", false, 0, 4);
    assertThat((Boolean) capped.getEntry("allowed")).isFalse();
    assertThat((String) capped.getEntry("reason")).contains("4 tentatives");
    assertThat((Boolean) check("SMS", MONDAY, "11:00", false, 0, 4).getEntry("allowed")).isTrue();
  }

  @Test
  void emailsAndLettersGoOutInOfficeHours() {
    assertThat(allowed("EMAIL", MONDAY, "07:59")).isFalse();
    assertThat(allowed("EMAIL", MONDAY, "08:00")).isTrue();
    assertThat(allowed("LETTER", MONDAY, "13:30")).isTrue();
    assertThat(allowed("LETTER", MONDAY, "19:00")).isFalse();
  }
}

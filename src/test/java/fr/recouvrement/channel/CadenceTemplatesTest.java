package fr.recouvrement.channel;

import static fr.recouvrement.channel.ChannelTestData.CREDITOR;
import static fr.recouvrement.channel.ChannelTestData.TODAY;
import static fr.recouvrement.channel.ChannelTestData.invoice;
import static fr.recouvrement.channel.ChannelTestData.view;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.DecisionTables;
import fr.recouvrement.cases.DebtorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every template the reminder-content decision names for a step of the reminder-cadence decision
 * exists for every channel it may go out on (its action, and its fallback when the debtor lacks
 * that contact), renders, and its tone is one the channel knows: an analyst's new template name
 * fails here, not in a job at 9 a.m.
 */
class CadenceTemplatesTest {
  static final Set<String> CHANNELS = Set.of("EMAIL", "SMS", "LETTER");

  /** The actions that reach the debtor: each needs a template. */
  static final Set<String> SENDS = Set.of("EMAIL", "SMS", "LETTER", "PHONE_CALL");

  /** The segments the cadence's segment column allows. */
  static final List<String> SEGMENTS =
      List.of("PONCTUEL", "EN_DIFFICULTE", "RECALCITRANT", "GROS_ENJEU");

  static final DecisionTables CADENCE = DecisionTables.load("reminder-cadence");
  static final DecisionTables CONTENT = DecisionTables.load("reminder-content");

  final Templates templates = new Templates();

  record Use(String channel, String template, String tone) {}

  @Test
  void everyTemplateOfTheCadenceExistsAndRendersForItsChannels() throws Exception {
    List<Use> uses = uses();
    assertThat(uses).extracting(Use::channel).contains("EMAIL", "SMS", "LETTER");

    ReminderEmails emails =
        new ReminderEmails(null, templates, null, null, CREDITOR, new MailSettings(null));
    ReminderSms sms = new ReminderSms(null, templates, null, null, CREDITOR);
    for (Use use : uses) {
      assertThat(ReminderStep.TONES).as(use.toString()).contains(use.tone());
      for (DebtorType type : DebtorType.values()) {
        ReminderModel model =
            ReminderModel.of(
                view(type, invoice("F-1", TODAY.minusDays(20), "1850.00", "0", "25.00", "40.00")),
                new ReminderStep("DOS-2026-000123", 1, use.template(), use.tone(), "k"),
                CREDITOR,
                TODAY);
        switch (use.channel()) {
          case "EMAIL" ->
              assertThat(emails.compose(model, "x@y.example").subject())
                  .contains("DOS-2026-000123");
          case "SMS" -> assertThat(sms.compose(model)).contains("DOS-2026-000123");
          default ->
              assertThat(
                      new PdfRenderer()
                          .pdf(
                              templates.render(
                                  "letter/" + use.template() + ".xhtml", model.variables())))
                  .isNotEmpty();
        }
      }
    }
  }

  /**
   * Every step the cadence can take (each segment of its segment column, steps 1 to 10, before and
   * after the due date, a normal and a tiny balance, both debtor types), as amicable-reminders
   * takes it: reminder-cadence's action, then reminder-content's template and tone for that action.
   * A step that sends something (or calls) must have a template: an action an analyst adds to the
   * cadence without its content fails here.
   */
  private static List<Use> uses() {
    Set<Use> uses = new LinkedHashSet<>();
    for (String segment : SEGMENTS) {
      for (int step = 1; step <= 10; step++) {
        for (int daysOverdue : List.of(-10, 5, 40)) {
          for (double balance : List.of(1850.0, 12.5)) {
            for (DebtorType type : DebtorType.values()) {
              Map<String, Object> in = new HashMap<>();
              in.put("segment", segment);
              in.put("reminderStep", step);
              in.put("debtorType", type.name());
              in.put("balance", balance);
              in.put("daysOverdue", daysOverdue);
              Map<String, Object> cadence = CADENCE.evaluate(in);
              in.putAll(cadence);
              Map<String, Object> content = CONTENT.evaluate(in);
              String action = (String) cadence.get("action");
              String template = (String) content.get("template");
              String tone = (String) content.get("tone");
              if (SENDS.contains(action)) {
                assertThat(template).as("template of %s", in).isNotBlank();
              }
              for (String channel : List.of(action, (String) cadence.get("fallbackAction"))) {
                if (CHANNELS.contains(channel)) {
                  uses.add(new Use(channel, template, tone));
                }
              }
            }
          }
        }
      }
    }
    return new ArrayList<>(uses);
  }
}

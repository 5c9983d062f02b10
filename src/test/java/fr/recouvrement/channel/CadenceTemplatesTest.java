package fr.recouvrement.channel;

import static fr.recouvrement.channel.ChannelTestData.CREDITOR;
import static fr.recouvrement.channel.ChannelTestData.TODAY;
import static fr.recouvrement.channel.ChannelTestData.invoice;
import static fr.recouvrement.channel.ChannelTestData.view;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.cases.DebtorType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/**
 * Every template the reminder-cadence decision can name exists for every channel it may go out on
 * (its action, and its fallback when the debtor lacks that contact), renders, and its tone is one
 * the channel knows: an analyst's new template name fails here, not in a job at 9 a.m.
 */
class CadenceTemplatesTest {
  static final Set<String> CHANNELS = Set.of("EMAIL", "SMS", "LETTER");

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

  private static List<Use> uses() throws Exception {
    DmnModelInstance dmn;
    try (InputStream in =
        CadenceTemplatesTest.class.getResourceAsStream(
            "/processes/decisions/reminder-cadence.dmn")) {
      assertThat(in).as("reminder-cadence.dmn on the classpath").isNotNull();
      dmn = Dmn.readModelFromStream(in);
    }
    DecisionTable table = dmn.getModelElementsByType(DecisionTable.class).iterator().next();
    List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
    Set<Use> uses = new LinkedHashSet<>();
    for (Rule rule : table.getRules()) {
      List<String> values =
          rule.getOutputEntries().stream()
              .map(e -> e.getTextContent().replace("\"", "").trim())
              .toList();
      String template = values.get(outputs.indexOf("template"));
      String tone = values.get(outputs.indexOf("tone"));
      for (String channel :
          List.of(
              values.get(outputs.indexOf("action")),
              values.get(outputs.indexOf("fallbackAction")))) {
        if (CHANNELS.contains(channel)) {
          uses.add(new Use(channel, template, tone));
        }
      }
    }
    return new ArrayList<>(uses);
  }
}

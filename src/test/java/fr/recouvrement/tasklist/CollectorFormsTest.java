package fr.recouvrement.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.web.pages.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every form a collector or a supervisor opens starts with the same case header, a text showing
 * {@code caseContext} (prepared by TaskAgenda), and no longer shows the bare numbers it replaced.
 */
class CollectorFormsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Map<String, String> FORMS = new TreeMap<>(); // form → the first task using it
  static JsonNode header;

  @BeforeAll
  static void read() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    for (Resource r : resolver.getResources("classpath:processes/*.bpmn")) {
      try (InputStream in = r.getInputStream()) {
        BpmnModelInstance model = Bpmn.readModelFromStream(in);
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          String form = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
          String groups = task.getCamundaCandidateGroups();
          if (form != null
              && groups != null
              && (groups.contains("collectors")
                  || groups.contains("supervisors")
                  || groups.contains("${"))) {
            FORMS.putIfAbsent(form, task.getId());
          }
        }
      }
    }
    header = form("appel-debiteur").get("components").get(0);
  }

  static JsonNode form(String key) throws IOException {
    try (InputStream in =
        CollectorFormsTest.class.getClassLoader().getResourceAsStream("forms/" + key + ".form")) {
      return JSON.readTree(in);
    }
  }

  @Test
  void everyCollectorAndSupervisorFormStartsWithTheSameCaseHeader() throws IOException {
    assertThat(header.get("type").asText()).isEqualTo("text");
    assertThat(header.get("text").asText()).isEqualTo("{{" + TaskAgenda.CONTEXT + "}}");
    assertThat(FORMS)
        .hasSizeGreaterThan(30)
        .containsKeys("appel-debiteur", "approuver-echeancier", "instruire-contestation");
    List<String> different = new ArrayList<>();
    for (String key : FORMS.keySet()) {
      if (!form(key).get("components").get(0).equals(header)) {
        different.add(key + " (" + FORMS.get(key) + ")");
      }
    }
    assertThat(different).as("forms whose first component is not the shared case header").isEmpty();
  }

  @Test
  void noCollectorFormShowsTheBalanceAsABareNumber() throws IOException {
    for (String key : FORMS.keySet()) {
      for (JsonNode component : form(key).get("components")) {
        assertThat(component.path("key").asText()).as(key).isNotIn("balance", "debtorPhone");
      }
    }
  }

  @Test
  void theCallFormShowsTheInvoicesTheMessagesAndThePromises() throws IOException {
    String texts = form("appel-debiteur").get("components").findValuesAsText("text").toString();
    assertThat(texts)
        .contains(
            "{{" + TaskAgenda.INVOICES + "}}",
            "{{" + TaskAgenda.PAST_CONTACTS + "}}",
            "{{" + TaskAgenda.PROMISES + "}}");
  }

  @Test
  void thePrintFormsLinkToTheLetter() throws IOException {
    assertThat(form("imprimer-courrier").get("components").findValuesAsText("text").toString())
        .contains("href=\"/app/documents/{{letterDocumentId}}\"");
    assertThat(
            form("imprimer-mise-en-demeure").get("components").findValuesAsText("text").toString())
        .contains("href=\"/app/documents/{{noticeDocumentId}}\"");
  }

  /**
   * The codes the escalation decision and the segmentation answer with, shown to the collector who
   * proposes and the supervisor who approves: each by its French label from {@code
   * web.pages.Labels} (the one place codes get their labels), never as the code itself.
   */
  static final Map<String, java.util.function.Function<String, String>> LABELLED =
      Map.of(
          "solvencySignal", code -> Labels.FRENCH.decisionOutput("solvencySignal", code),
          "amicableStage", code -> Labels.FRENCH.decisionOutput("amicableStage", code),
          "procedureProspect", code -> Labels.FRENCH.decisionOutput("procedureProspect", code),
          "escalationRecommendation", code -> Labels.FRENCH.decisionOutput("decision", code),
          "debtorType", Labels.FRENCH::debtorType,
          "segment", Labels.FRENCH::segment);

  @Test
  void aCodeShownInAFormReadsAsItsFrenchLabelAndNoLabelListsCodes() throws IOException {
    List<String> problems = new ArrayList<>();
    int labelled = 0;
    for (Resource r :
        new PathMatchingResourcePatternResolver().getResources("classpath:forms/*.form")) {
      JsonNode form;
      try (InputStream in = r.getInputStream()) {
        form = JSON.readTree(in);
      }
      for (JsonNode c : components(form)) {
        String where = r.getFilename() + "#" + c.path("key").asText(c.path("id").asText());
        if (c.path("label").asText().matches(".*\\(([A-Z_]+, )+[A-Z_]+\\).*")) {
          problems.add(where + ": its label lists codes: " + c.path("label").asText());
        }
        var toFrench = LABELLED.get(c.path("key").asText());
        if (toFrench == null || !c.path("readonly").asBoolean()) {
          continue;
        }
        if (!"select".equals(c.path("type").asText())) {
          problems.add(where + ": shows the code as " + c.path("type").asText());
          continue;
        }
        labelled++;
        for (JsonNode option : c.path("values")) {
          String expected = toFrench.apply(option.path("value").asText());
          if (!expected.equals(option.path("label").asText())) {
            problems.add(
                where
                    + ": "
                    + option.path("value").asText()
                    + " reads « "
                    + option.path("label").asText()
                    + " », Labels says « "
                    + expected
                    + " »");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(labelled).as("read-only code fields checked").isGreaterThanOrEqualTo(12);
  }

  static List<JsonNode> components(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode c : container.path("components")) {
      all.add(c);
      all.addAll(components(c));
    }
    return all;
  }
}

package fr.recouvrement.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
}

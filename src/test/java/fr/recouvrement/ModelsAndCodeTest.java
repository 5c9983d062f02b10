package fr.recouvrement;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.security.FourEyes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The models and the code checked against each other, as an analyst's save in Modeler or a
 * developer's rename could break them silently: every bean a model names exists, every decision,
 * called process and form a model refers to is shipped, and every shipped form is used.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelsAndCodeTest {
  /** A method called on a name, anywhere in an expression: {@code courtDates.lastDay(}. */
  private static final Pattern BEAN =
      Pattern.compile("(?<![.\\w'])([a-z][a-zA-Z0-9]*)\\.[a-zA-Z]+\\(");

  /** Names the engine resolves itself in expressions, not Spring beans. */
  private static final Set<String> ENGINE_NAMES =
      Set.of("execution", "task", "dateTime", "decisionResult", "authenticatedUserId");

  @Autowired ApplicationContext spring;
  final List<BpmnModelInstance> models = new ArrayList<>();
  final Set<String> processKeys = new HashSet<>();
  final Set<String> decisionKeys = new HashSet<>();
  final Set<String> formKeys = new HashSet<>();

  @BeforeAll
  void read() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    for (Resource r : resolver.getResources("classpath:processes/*.bpmn")) {
      try (InputStream in = r.getInputStream()) {
        BpmnModelInstance model = Bpmn.readModelFromStream(in);
        models.add(model);
        model.getModelElementsByType(Process.class).forEach(p -> processKeys.add(p.getId()));
      }
    }
    // every decision of every file: a file may draw several (reminder-cadence.dmn holds
    // reminder-cadence and reminder-content)
    for (Resource r : resolver.getResources("classpath:processes/decisions/*.dmn")) {
      try (InputStream in = r.getInputStream()) {
        org.camunda.bpm.model.dmn.Dmn.readModelFromStream(in)
            .getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)
            .forEach(d -> decisionKeys.add(d.getId()));
      }
    }
    for (Resource r : resolver.getResources("classpath:forms/*.form")) {
      formKeys.add(r.getFilename().replace(".form", ""));
    }
    assertThat(models).hasSizeGreaterThan(10);
  }

  @Test
  void everyBeanAModelNamesIsABeanOfTheApplication() {
    List<String> missing = new ArrayList<>();
    for (BpmnModelInstance model : models) {
      String text = Bpmn.convertToString(model);
      Matcher m = BEAN.matcher(expressions(text));
      while (m.find()) {
        String name = m.group(1);
        if (!ENGINE_NAMES.contains(name)
            && !spring.containsBean(name)
            && !isProcessVariable(text, name)) {
          missing.add(processOf(model) + ": ${" + name + "...}");
        }
      }
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        String delegate = task.getCamundaDelegateExpression();
        if (delegate != null) {
          String bean = delegate.replaceAll("[${}\\s]", "");
          if (!spring.containsBean(bean)) {
            missing.add(processOf(model) + " " + task.getId() + ": delegate " + delegate);
          }
        }
      }
    }
    assertThat(missing).as("beans named by models but absent from the application").isEmpty();
  }

  @Test
  void everyDecisionCalledProcessAndFormAModelRefersToIsShipped() {
    List<String> dangling = new ArrayList<>();
    for (BpmnModelInstance model : models) {
      for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
        if (task.getCamundaDecisionRef() != null
            && !decisionKeys.contains(task.getCamundaDecisionRef())) {
          dangling.add(
              processOf(model) + " " + task.getId() + ": decision " + task.getCamundaDecisionRef());
        }
      }
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        if (!processKeys.contains(call.getCalledElement())) {
          dangling.add(
              processOf(model) + " " + call.getId() + ": process " + call.getCalledElement());
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String form = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
        if (form != null && !formKeys.contains(form)) {
          dangling.add(processOf(model) + " " + task.getId() + ": form " + form);
        }
      }
    }
    assertThat(dangling).as("references to models or forms that are not shipped").isEmpty();
  }

  @Test
  void everyShippedFormIsUsedByAModel() {
    Set<String> used = new HashSet<>();
    for (BpmnModelInstance model : models) {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String form = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
        if (form != null) {
          used.add(form);
        }
      }
    }
    assertThat(formKeys).as("forms deployed but used by no model").isSubsetOf(used);
  }

  @Test
  void everyListenerAModelNamesIsABeanOfTheApplication() {
    List<String> missing = new ArrayList<>();
    Pattern listener = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
    for (BpmnModelInstance model : models) {
      Matcher m = listener.matcher(Bpmn.convertToString(model));
      while (m.find()) {
        if (!spring.containsBean(m.group(1))) {
          missing.add(processOf(model) + ": ${" + m.group(1) + "}");
        }
      }
    }
    assertThat(missing)
        .as("listeners and delegates named by models but absent from the application")
        .isEmpty();
  }

  /**
   * Four eyes is configured in the model (FourEyes): a task that must be completed by another
   * person than some other task names that task, and that task records who completed it. A renamed
   * task fails here, not silently in production.
   */
  @Test
  void everyFourEyesTaskNamesATaskOfItsModelThatRecordsItsCompleter() {
    List<String> broken = new ArrayList<>();
    int pairs = 0;
    for (BpmnModelInstance model : models) {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        if (!hasFourEyes(task)) {
          continue;
        }
        var recordAs = FourEyes.input(task, FourEyes.RECORD_AS);
        var notBy = FourEyes.input(task, FourEyes.NOT_BY);
        if (recordAs.isEmpty() && notBy.isEmpty()) {
          broken.add(
              processOf(model)
                  + " "
                  + task.getId()
                  + ": four eyes without "
                  + FourEyes.RECORD_AS
                  + " nor "
                  + FourEyes.NOT_BY);
        }
        if (notBy.isPresent()) {
          pairs++;
          if (!(model.getModelElementById(notBy.get()) instanceof UserTask maker)) {
            broken.add(
                processOf(model)
                    + " "
                    + task.getId()
                    + ": "
                    + FourEyes.NOT_BY
                    + " names '"
                    + notBy.get()
                    + "', no user task of this model");
          } else if (!hasFourEyes(maker) || FourEyes.input(maker, FourEyes.RECORD_AS).isEmpty()) {
            broken.add(
                processOf(model)
                    + " "
                    + task.getId()
                    + ": "
                    + maker.getId()
                    + " does not record its completer with the fourEyes listener");
          }
        }
      }
    }
    assertThat(broken)
        .as("four-eyes configurations that name no task or a task recording nobody")
        .isEmpty();
    assertThat(pairs)
        .as("pairs of tasks under four eyes (plan, escalation)")
        .isGreaterThanOrEqualTo(2);
  }

  /**
   * What Java names in the models: element ids ({@code "Task_UpdateRates"}), message names ({@code
   * MESSAGE... = "PaymentReceived"}) and process keys ({@code PROCESS_KEY = "collection-case"}) in
   * the main sources must exist in some model; a rename in Modeler fails here.
   */
  @Test
  void everyElementIdMessageAndProcessKeyJavaNamesIsInAModel() throws IOException {
    Set<String> ids = new HashSet<>(processKeys);
    Set<String> messages = new HashSet<>();
    for (BpmnModelInstance model : models) {
      model.getModelElementsByType(BaseElement.class).forEach(e -> ids.add(e.getId()));
      model.getModelElementsByType(Message.class).forEach(m -> messages.add(m.getName()));
    }
    Pattern elementId =
        Pattern.compile(
            "\"((?:Task|Event|Gateway|Timer|Message|Flow|Activity|SubProcess|Call|Boundary|Signal|Error|Start|End)_[A-Za-z0-9_]+)\"");
    Pattern messageName = Pattern.compile("MESSAGE\\w* = \"([^\"]+)\"");
    Pattern processKey = Pattern.compile("PROCESS\\w*KEY\\w* = \"([^\"]+)\"");
    List<String> unknown = new ArrayList<>();
    int seen = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        for (Matcher m = elementId.matcher(source); m.find(); seen++) {
          if (!ids.contains(m.group(1))) {
            unknown.add(file.getFileName() + ": element " + m.group(1));
          }
        }
        for (Matcher m = messageName.matcher(source); m.find(); seen++) {
          if (!messages.contains(m.group(1))) {
            unknown.add(file.getFileName() + ": message " + m.group(1));
          }
        }
        for (Matcher m = processKey.matcher(source); m.find(); seen++) {
          if (!processKeys.contains(m.group(1))) {
            unknown.add(file.getFileName() + ": process " + m.group(1));
          }
        }
      }
    }
    assertThat(seen).as("names found in the Java sources").isGreaterThan(10);
    assertThat(unknown).as("ids, messages and process keys Java names but no model has").isEmpty();
  }

  private static boolean hasFourEyes(UserTask task) {
    return task.getExtensionElements() != null
        && task
            .getExtensionElements()
            .getElementsQuery()
            .filterByType(CamundaTaskListener.class)
            .list()
            .stream()
            .anyMatch(l -> "${fourEyes}".equals(l.getCamundaDelegateExpression()));
  }

  /** The text inside every ${...} of a model. */
  private static String expressions(String text) {
    StringBuilder all = new StringBuilder();
    Matcher m = Pattern.compile("\\$\\{(.*?)}").matcher(text);
    while (m.find()) {
      all.append(m.group(1)).append('\n');
    }
    return all.toString();
  }

  /**
   * A name set by the model itself (an input or output parameter, a variable) rather than a bean.
   */
  private static boolean isProcessVariable(String modelText, String name) {
    return modelText.contains("name=\"" + name + "\"") || modelText.contains("'" + name + "'");
  }

  private static String processOf(BpmnModelInstance model) {
    return model.getModelElementsByType(Process.class).iterator().next().getId();
  }
}

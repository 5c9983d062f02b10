package fr.recouvrement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
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
  private static final Pattern BEAN = Pattern.compile("(?<![.\\w'])([a-z][a-zA-Z0-9]*)\\.[a-zA-Z]+\\(");
  /** Names the engine resolves itself in expressions, not Spring beans. */
  private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "dateTime", "decisionResult", "authenticatedUserId");

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
    for (Resource r : resolver.getResources("classpath:processes/decisions/*.dmn")) {
      decisionKeys.add(r.getFilename().replace(".dmn", ""));
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
        if (!ENGINE_NAMES.contains(name) && !spring.containsBean(name) && !isProcessVariable(text, name)) {
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
        if (task.getCamundaDecisionRef() != null && !decisionKeys.contains(task.getCamundaDecisionRef())) {
          dangling.add(processOf(model) + " " + task.getId() + ": decision " + task.getCamundaDecisionRef());
        }
      }
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        if (!processKeys.contains(call.getCalledElement())) {
          dangling.add(processOf(model) + " " + call.getId() + ": process " + call.getCalledElement());
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

  /** The text inside every ${...} of a model. */
  private static String expressions(String text) {
    StringBuilder all = new StringBuilder();
    Matcher m = Pattern.compile("\\$\\{(.*?)}").matcher(text);
    while (m.find()) {
      all.append(m.group(1)).append('\n');
    }
    return all.toString();
  }

  /** A name set by the model itself (an input or output parameter, a variable) rather than a bean. */
  private static boolean isProcessVariable(String modelText, String name) {
    return modelText.contains("name=\"" + name + "\"") || modelText.contains("'" + name + "'");
  }

  private static String processOf(BpmnModelInstance model) {
    return model.getModelElementsByType(Process.class).iterator().next().getId();
  }
}

package fr.recouvrement.coverage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.EventSource;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;

/**
 * Which flow nodes of each model the whole test suite walked through, across both engines the tests
 * use (the in-memory one of the process tests and the application's own). One collector for the
 * JVM, one suite, one run: the figure that matters is the suite's, not a class's, because a path is
 * often tested once, by the scenario that reaches it.
 *
 * <p>Written at the end of the run ({@link CoverageReport}) as camunda-process-test-coverage's HTML
 * and JSON report under {@code target/process-test-coverage/}, plus one printed line per model.
 */
public final class ModelCoverage {
  static final String SUITE = "recouvrement";
  static final String RUN = "suite";
  static final Path REPORT_DIR = Path.of("target", "process-test-coverage");

  private static final DefaultCollector COLLECTOR =
      new DefaultCollector(new ExecutionContextModelProvider());

  static {
    COLLECTOR.createSuite(new Suite(SUITE, "Recouvrement, whole test suite"));
    COLLECTOR.activateSuite(SUITE);
    COLLECTOR.createRun(new Run(RUN, "all tests"), SUITE);
    COLLECTOR.activateRun(RUN);
  }

  private ModelCoverage() {}

  /** Before the engine is built: adds the parse listeners that report each element reached. */
  public static void configure(ProcessEngineConfigurationImpl configuration) {
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
  }

  /** After the engine is built: connects its listeners to the suite's collector. */
  public static void attach(ProcessEngine engine) {
    // engines call back from many threads (job executor, concurrent API tests); the collector is
    // not
    // thread-safe, so events go in one at a time
    Collector serial =
        event -> {
          synchronized (COLLECTOR) {
            COLLECTOR.addEvent(event);
          }
        };
    new ProcessEngineAdapter(engine, serial).initializeListeners();
  }

  /** Flow-node coverage of one model, as the report prints it. */
  public record Line(String key, int covered, int total) {
    public double ratio() {
      return total == 0 ? 1.0 : (double) covered / total;
    }
  }

  /** One line per model reached by at least one engine, sorted by key. */
  public static synchronized List<Line> lines() {
    Map<String, Line> lines = new TreeMap<>();
    Collection<Model> models = COLLECTOR.getModels();
    Suite suite = COLLECTOR.getActiveSuite();
    for (Model model : models) {
      Set<String> nodes =
          Bpmn.readModelFromStream(
                  new ByteArrayInputStream(model.getXml().getBytes(StandardCharsets.UTF_8)))
              .getModelElementsByType(FlowNode.class)
              .stream()
              .map(FlowNode::getId)
              .collect(Collectors.toSet());
      Set<String> reached =
          suite.getEvents(model.getKey()).stream()
              .filter(e -> e.getSource() == EventSource.FLOW_NODE)
              .map(Event::getDefinitionKey)
              .filter(nodes::contains)
              .collect(Collectors.toSet());
      Line line = new Line(model.getKey(), reached.size(), nodes.size());
      lines.merge(model.getKey(), line, (a, b) -> a.covered >= b.covered ? a : b);
    }
    return new ArrayList<>(lines.values());
  }

  /** The flow nodes of a model that no test reached, for the printed summary. */
  public static List<String> missed(String key) {
    Suite suite = COLLECTOR.getActiveSuite();
    for (Model model : COLLECTOR.getModels()) {
      if (model.getKey().equals(key)) {
        Set<String> reached =
            suite.getEvents(key).stream().map(Event::getDefinitionKey).collect(Collectors.toSet());
        return Bpmn.readModelFromStream(
                new ByteArrayInputStream(model.getXml().getBytes(StandardCharsets.UTF_8)))
            .getModelElementsByType(FlowNode.class)
            .stream()
            .map(FlowNode::getId)
            .filter(id -> !reached.contains(id))
            .sorted()
            .toList();
      }
    }
    return List.of();
  }

  static boolean anything() {
    return !COLLECTOR.getModels().isEmpty();
  }

  static void writeReports() {
    try {
      Files.createDirectories(REPORT_DIR);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CoverageReportUtil.createReport(COLLECTOR, REPORT_DIR.toString());
    CoverageReportUtil.createJsonReport(COLLECTOR, REPORT_DIR.toString());
  }
}

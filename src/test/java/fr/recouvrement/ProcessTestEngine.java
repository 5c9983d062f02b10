package fr.recouvrement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One in-memory engine for the process and decision tests, without Spring: delegates are
 * replaced with Camunda's {@code Mocks}, so a test drives the model's paths alone. The models,
 * decisions and forms are deployed exactly as the application deploys them.
 *
 * <p>Every flow node the process tests pass is recorded (camunda-process-test-coverage); when the
 * test JVM ends, the report is written to {@code target/process-test-coverage/process-tests/}
 * (HTML per model, {@code report.json}) with one line per model in {@code coverage.txt}.
 */
public final class ProcessTestEngine {
  private static final String SUITE = "process-tests";
  private static ProcessEngine engine;
  private static DefaultCollector coverage;

  private ProcessTestEngine() {}

  public static synchronized ProcessEngine get() {
    if (engine == null) {
      StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
      configuration.setJdbcUrl("jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1");
      configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
      configuration.setJobExecutorActivate(false);
      configuration.setExpressionManager(new MockExpressionManager());
      configuration.setProcessEngineName("process-tests");
      ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
      engine = configuration.buildProcessEngine();
      recordCoverage(engine);
      deploy(engine);
    }
    return engine;
  }

  private static void recordCoverage(ProcessEngine engine) {
    coverage = new DefaultCollector(new ExecutionContextModelProvider());
    new ProcessEngineAdapter(engine, coverage).initializeListeners();
    coverage.createSuite(new Suite(SUITE, "Tests des processus"));
    coverage.activateSuite(SUITE);
    coverage.createRun(new Run("all", "Tous les tests des processus"), SUITE);
    coverage.activateRun("all");
    Runtime.getRuntime().addShutdownHook(new Thread(ProcessTestEngine::writeCoverage, "process-test-coverage"));
  }

  private static void writeCoverage() {
    try {
      CoverageReportUtil.createReport(coverage, CoverageReportUtil.TARGET_DIR_ROOT);
      CoverageReportUtil.createJsonReport(coverage, CoverageReportUtil.TARGET_DIR_ROOT);
      Suite suite = coverage.getSuites().get(SUITE);
      String lines = coverage.getModels().stream()
          .sorted(Comparator.comparing(Model::getKey))
          .map(m -> String.format(Locale.ROOT, "%-20s %5.1f %%", m.getKey(), 100 * suite.calculateCoverage(m)))
          .collect(Collectors.joining("\n", "", "\n"));
      Path dir = Path.of(CoverageReportUtil.TARGET_DIR_ROOT, SUITE);
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("coverage.txt"), lines, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      System.err.println("process test coverage not written: " + e);
    }
  }

  private static void deploy(ProcessEngine engine) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("process-tests");
    try {
      for (String pattern : new String[] {"classpath*:processes/*.bpmn", "classpath*:processes/decisions/*.dmn", "classpath*:forms/*.form"}) {
        for (Resource r : new PathMatchingResourcePatternResolver().getResources(pattern)) {
          deployment.addInputStream(r.getFilename(), r.getInputStream());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    deployment.deploy();
  }
}

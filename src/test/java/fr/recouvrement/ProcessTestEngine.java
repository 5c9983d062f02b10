package fr.recouvrement;

import fr.recouvrement.coverage.ModelCoverage;
import fr.recouvrement.engine.RequiredDecisionResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One in-memory engine for the process and decision tests, without Spring: delegates are replaced
 * with Camunda's {@code Mocks}, so a test drives the model's paths alone. The models, decisions and
 * forms are deployed exactly as the application deploys them.
 */
public final class ProcessTestEngine {
  private static ProcessEngine engine;

  private ProcessTestEngine() {}

  public static synchronized ProcessEngine get() {
    if (engine == null) {
      StandaloneInMemProcessEngineConfiguration configuration =
          new StandaloneInMemProcessEngineConfiguration();
      configuration.setJdbcUrl("jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1");
      configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
      configuration.setJobExecutorActivate(false);
      configuration.setExpressionManager(new MockExpressionManager());
      configuration.setProcessEngineName("process-tests");
      // as in the application: a business-rule task may map what a required decision said
      configuration.getProcessEnginePlugins().add(new RequiredDecisionResults());
      ModelCoverage.configure(configuration);
      engine = configuration.buildProcessEngine();
      ModelCoverage.attach(engine);
      deploy(engine);
    }
    return engine;
  }

  private static void deploy(ProcessEngine engine) {
    DeploymentBuilder deployment =
        engine.getRepositoryService().createDeployment().name("process-tests");
    try {
      for (String pattern :
          new String[] {
            "classpath*:processes/*.bpmn",
            "classpath*:processes/decisions/*.dmn",
            "classpath*:forms/*.form"
          }) {
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

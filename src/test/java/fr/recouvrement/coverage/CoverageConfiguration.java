package fr.recouvrement.coverage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Puts the application's engine of the integration tests under {@link ModelCoverage}. */
@TestConfiguration(proxyBeanMethods = false)
public class CoverageConfiguration {

  @Bean
  AbstractProcessEnginePlugin modelCoveragePlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        ModelCoverage.configure(configuration);
      }

      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        ModelCoverage.attach(engine);
      }
    };
  }
}

package fr.recouvrement.engine;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the process engine's DMN engine the {@link SimpleFeel} short path in front of the Scala
 * FEEL engine it uses by default (same tables, same answers, a fraction of the time).
 */
@Component
class FastDecisions extends AbstractProcessEnginePlugin {
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = EngineDmnConfiguration.of(configuration);
    // the engine adds its custom FEEL functions to the configuration after this plugin runs: read
    // them when the engine is built
    dmn.feelEngineFactory(
        new FeelEngineFactory() {
          @Override
          public FeelEngine createInstance() {
            var functions = dmn.getFeelCustomFunctionProviders();
            ScalaFeelEngineFactory scala =
                functions == null
                    ? new ScalaFeelEngineFactory()
                    : new ScalaFeelEngineFactory(functions);
            return new SimpleFeel(scala.createInstance());
          }
        });
  }
}

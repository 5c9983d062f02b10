package fr.recouvrement.engine;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The process engine's DMN engine configuration, for a plugin to change before the engine builds
 * it: the one already set, or a default one set on the engine (the engine would otherwise create
 * its own later, without the plugin's change).
 */
final class EngineDmnConfiguration {
  private EngineDmnConfiguration() {}

  static DefaultDmnEngineConfiguration of(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn =
        (DefaultDmnEngineConfiguration) configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn =
          (DefaultDmnEngineConfiguration)
              DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    return dmn;
  }
}

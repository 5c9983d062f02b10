package fr.recouvrement.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Writes history with {@link AuditedHistory} instead of the engine's default handler; the level
 * stays {@code full}.
 */
@Component
class AuditedHistoryPlugin extends AbstractProcessEnginePlugin {
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers =
        configuration.getCustomHistoryEventHandlers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(0, new AuditedHistory());
    configuration.setCustomHistoryEventHandlers(handlers);
  }
}

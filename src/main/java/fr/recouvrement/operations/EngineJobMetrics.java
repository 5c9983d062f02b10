package fr.recouvrement.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * Jobs executed and failed, as the engine counts them ({@code job-successful}, {@code job-failed}),
 * also as Micrometer counters: the engine's own meters are flushed to its database every 15 minutes
 * and reset, which an alert cannot follow. Counting is one atomic add in the job's thread.
 */
@Component
class EngineJobMetrics extends AbstractProcessEnginePlugin {
  static final String JOBS = "recouvrement.jobs";

  private final Counter executed;
  private final Counter failed;

  EngineJobMetrics(MeterRegistry registry) {
    this.executed =
        Counter.builder(JOBS)
            .tag("outcome", "executed")
            .description("Jobs the engine executed successfully")
            .register(registry);
    this.failed =
        Counter.builder(JOBS)
            .tag("outcome", "failed")
            .description("Job executions that failed (each retry counts)")
            .register(registry);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MetricsRegistry engineMeters = configuration.getMetricsRegistry();
    configuration.setMetricsRegistry(
        new Forwarding(engineMeters == null ? new MetricsRegistry() : engineMeters));
  }

  /** The engine's registry, telling us about the two job meters on the way. */
  private final class Forwarding extends MetricsRegistry {
    Forwarding(MetricsRegistry original) {
      this.dbMeters = original.getDbMeters();
      this.diagnosticsMeters = original.getDiagnosticsMeters();
    }

    @Override
    public void markOccurrence(String name, long times) {
      super.markOccurrence(name, times);
      if (Metrics.JOB_SUCCESSFUL.equals(name)) {
        executed.increment(times);
      } else if (Metrics.JOB_FAILED.equals(name)) {
        failed.increment(times);
      }
    }
  }
}

package fr.recouvrement.operations;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What readiness checks besides the database and the engine
 * (management.endpoint.health.group.readiness): the job executor runs (it sends the reminders and
 * fires the deadlines), and every Flyway migration is applied. Both are cheap: an in-memory flag,
 * and the migrations' state read once.
 */
@Configuration
class OperationsHealth {
  /**
   * Replaces the Camunda starter's indicator of the same name (it would say DOWN wherever the job
   * executor is switched off on purpose, as on a web-only node or in tests).
   */
  @Bean
  HealthIndicator jobExecutorHealthIndicator(
      ObjectProvider<JobExecutor> jobExecutor,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
    return () -> {
      if (!enabled) {
        return Health.up()
            .withDetail(
                "jobExecution",
                "disabled by configuration (camunda.bpm.job-execution.enabled=false)")
            .build();
      }
      JobExecutor executor = jobExecutor.getIfAvailable();
      if (executor == null || !executor.isActive()) {
        return Health.down()
            .withDetail("jobExecution", "not running: reminders and deadlines wait")
            .build();
      }
      return Health.up()
          .withDetail("jobExecution", "running")
          .withDetail("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition())
          .build();
    };
  }

  @Bean
  HealthIndicator flywayHealthIndicator(ObjectProvider<Flyway> flyway) {
    return new FlywayDone(flyway);
  }

  /**
   * UP once no migration is pending; a state that cannot go back, so it is read until it is UP,
   * then kept.
   */
  static final class FlywayDone implements HealthIndicator {
    private final ObjectProvider<Flyway> flyway;
    private volatile Health done;

    FlywayDone(ObjectProvider<Flyway> flyway) {
      this.flyway = flyway;
    }

    @Override
    public Health health() {
      if (done != null) {
        return done;
      }
      Flyway f = flyway.getIfAvailable();
      if (f == null) {
        return Health.unknown().withDetail("flyway", "not configured").build();
      }
      var info = f.info();
      int pending = info.pending().length;
      String current = info.current() == null ? "none" : info.current().getVersion().getVersion();
      if (pending > 0) {
        return Health.down()
            .withDetail("schemaVersion", current)
            .withDetail("pendingMigrations", pending)
            .build();
      }
      done = Health.up().withDetail("schemaVersion", current).build();
      return done;
    }
  }
}

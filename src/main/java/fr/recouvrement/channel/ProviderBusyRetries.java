package fr.recouvrement.channel;

import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A failed job is retried on its step's retry cycle ({@code camunda:failedJobRetryTimeCycle}), as
 * the engine does; when the failure was a {@link ProviderBusyException}, the next attempt is moved
 * to when the provider said it would take requests again, if the cycle had it sooner. A provider's
 * wait over {@link #LONGEST_WAIT} is taken as that long: a wrong header must not park a step out of
 * sight. The last retry still ends as an incident, as for any failure.
 */
@Component
class ProviderBusyRetries extends AbstractProcessEnginePlugin {
  private static final Logger log = LoggerFactory.getLogger(ProviderBusyRetries.class);
  static final Duration LONGEST_WAIT = Duration.ofDays(1);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    FailedJobCommandFactory standard =
        configuration.getFailedJobCommandFactory() != null
            ? configuration.getFailedJobCommandFactory()
            : (jobId, exception) -> new DefaultJobRetryCmd(jobId, exception);
    configuration.setFailedJobCommandFactory(
        (jobId, exception) -> retry(standard.getCommand(jobId, exception), jobId, exception));
  }

  private static Command<Object> retry(
      Command<Object> standard, String jobId, Throwable exception) {
    return commandContext -> {
      Object result = standard.execute(commandContext);
      busy(exception)
          .ifPresent(
              wait -> {
                JobEntity job = commandContext.getJobManager().findJobById(jobId);
                if (job == null || job.getRetries() <= 0) {
                  return;
                }
                Duration bounded = wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
                Date earliest = new Date(ClockUtil.getCurrentTime().getTime() + bounded.toMillis());
                if (job.getDuedate() == null || job.getDuedate().before(earliest)) {
                  job.setDuedate(earliest);
                  log.info(
                      "Job {}: the provider is busy, next attempt not before {} (asked to wait {})",
                      jobId,
                      earliest,
                      wait);
                }
              });
      return result;
    };
  }

  /** The wait asked by the provider, if a {@link ProviderBusyException} is among the causes. */
  static Optional<Duration> busy(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProviderBusyException busy) {
        return Optional.of(busy.retryAfter());
      }
    }
    return Optional.empty();
  }
}

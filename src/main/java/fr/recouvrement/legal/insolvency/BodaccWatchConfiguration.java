package fr.recouvrement.legal.insolvency;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.kernel.time.CaseClock;
import java.util.TimeZone;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The insolvency watch when {@code recouvrement.insolvency-watch.base-url} is set, run every day at
 * {@code .time} (Paris) when that is set too. The daily trigger is a Java schedule, not a BPMN
 * timer: it is a poll of an outside service, not a deadline of the strategy, and new timer start
 * events are refused by the model rules; what the watch finds goes to the BPMN process {@value
 * BodaccWatch#PROCESS_KEY}, which analysts can change.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BodaccWatchSettings.class)
class BodaccWatchConfiguration {
  private static final Logger log = LoggerFactory.getLogger(BodaccWatchConfiguration.class);

  /**
   * The watch, when configured; a holder with none otherwise, so that the rest never asks about
   * settings.
   */
  record Watch(BodaccWatch watch) {}

  @Bean
  Watch bodaccWatch(
      BodaccWatchSettings settings,
      ObjectMapper json,
      BodaccAnnouncements announcements,
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      RuntimeService runtime,
      InsolvencyService insolvencies) {
    if (!settings.configured()) {
      log.info("Insolvency watch off: recouvrement.insolvency-watch.base-url is not set");
      return new Watch(null);
    }
    BodaccClient.Sleeper sleeper = d -> Thread.sleep(d.toMillis());
    BodaccClient client = new BodaccClient(settings, json, sleeper);
    return new Watch(
        new BodaccWatch(settings, client, announcements, jdbc, tx, runtime, insolvencies, sleeper));
  }

  @Bean
  DailyRun bodaccWatchDailyRun(BodaccWatchSettings settings, Watch watch) {
    return new DailyRun(settings, watch);
  }

  /**
   * Schedules the run once the application is ready (the engine deployed), on a thread of its own.
   */
  static final class DailyRun implements DisposableBean {
    private final BodaccWatchSettings settings;
    private final Watch watch;
    private ThreadPoolTaskScheduler scheduler;

    DailyRun(BodaccWatchSettings settings, Watch watch) {
      this.settings = settings;
      this.watch = watch;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
      if (watch.watch() == null || !settings.daily()) {
        if (watch.watch() != null) {
          log.info(
              "Insolvency watch configured without recouvrement.insolvency-watch.time: no daily run");
        }
        return;
      }
      scheduler = new ThreadPoolTaskScheduler();
      scheduler.setPoolSize(1);
      scheduler.setThreadNamePrefix("bodacc-watch-");
      scheduler.initialize();
      String cron =
          "0 %d %d * * *".formatted(settings.time().getMinute(), settings.time().getHour());
      scheduler.schedule(
          () -> {
            try {
              watch.watch().run();
            } catch (RuntimeException e) {
              // tomorrow's run must still happen
              log.error("Insolvency watch run failed", e);
            }
          },
          new CronTrigger(cron, TimeZone.getTimeZone(CaseClock.PARIS)));
      log.info(
          "Insolvency watch: every day at {} (Paris) against {}",
          settings.time(),
          settings.baseUrl());
    }

    /** Whether the daily run is scheduled on this node. */
    boolean scheduled() {
      return scheduler != null;
    }

    @Override
    public void destroy() {
      if (scheduler != null) {
        scheduler.shutdown();
      }
    }
  }
}

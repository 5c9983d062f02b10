package fr.recouvrement.legal.insolvency;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recouvrement.insolvency-watch.*}: the daily look at the BODACC for the procédures
 * collectives of our business debtors ({@link BodaccWatch}).
 *
 * <ul>
 *   <li>{@code baseUrl}: the Opendatasoft portal of the DILA, {@code
 *       https://bodacc-datadila.opendatasoft.com} (the path of the Explore API v2.1 is added);
 *       absent: no watch.
 *   <li>{@code time}: the hour of the daily run, Paris time ({@code 06:30}); absent: no daily run.
 *   <li>{@code batchSize} SIRENs per request, {@code pause} between requests, {@code timeout} per
 *       request, {@code maxAttempts} per request with a {@code backoff} doubled each time (a 429's
 *       {@code Retry-After} is waited for instead, within {@code maxRetryAfter}).
 *   <li>{@code lookback}: how far back publications are read (6 months: the relevé de forclusion
 *       window of C. com. L622-26, after which a proposal would be of no use).
 * </ul>
 */
@ConfigurationProperties("recouvrement.insolvency-watch")
record BodaccWatchSettings(
    String baseUrl,
    LocalTime time,
    @DefaultValue("20") int batchSize,
    @DefaultValue("1s") Duration pause,
    @DefaultValue("20s") Duration timeout,
    @DefaultValue("4") int maxAttempts,
    @DefaultValue("2s") Duration backoff,
    @DefaultValue("2m") Duration maxRetryAfter,
    @DefaultValue("6m") Period lookback) {

  boolean configured() {
    return baseUrl != null && !baseUrl.isBlank();
  }

  boolean daily() {
    return configured() && time != null;
  }

  int batch() {
    return Math.max(1, Math.min(batchSize, 50));
  }
}

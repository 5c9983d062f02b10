package fr.recouvrement.legal.bailiff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recouvrement.bailiff.*}: the commissaire de justice's REST API (see {@link
 * HttpBailiffGateway} for the contract) and the secret its callbacks are signed with. Without
 * {@code base-url} the processes route to collector tasks (hand the file over, record the report).
 */
@ConfigurationProperties("recouvrement.bailiff")
record BailiffSettings(
    String baseUrl,
    String apiKey,
    String callbackSecret,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout) {

  boolean configured() {
    return baseUrl != null && !baseUrl.isBlank();
  }
}

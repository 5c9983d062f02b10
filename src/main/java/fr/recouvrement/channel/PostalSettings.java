package fr.recouvrement.channel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recouvrement.postal.*}: the letter provider's REST API. Without {@code base-url} letters
 * are printed and posted by a collector (the process routes to that task).
 */
@ConfigurationProperties("recouvrement.postal")
record PostalSettings(
    String baseUrl,
    String apiKey,
    /** Shared secret of the acknowledgement callbacks ({@code POST /api/callbacks/postal}). */
    String callbackSecret,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout) {

  boolean configured() {
    return baseUrl != null && !baseUrl.isBlank();
  }
}

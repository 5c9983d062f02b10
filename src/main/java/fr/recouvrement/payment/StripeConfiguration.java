package fr.recouvrement.payment;

import com.stripe.StripeClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The Stripe client and the {@link PaymentProvider} it backs, when {@code
 * recouvrement.payment.stripe.secret-key} is set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeSettings.class)
@Conditional(StripeConfigured.class)
class StripeConfiguration {

  @Bean
  StripeClient stripeClient(StripeSettings settings) {
    settings.configured(); // refuses to start when half configured
    return StripeClient.builder()
        .setApiKey(settings.secretKey())
        .setApiBase(withoutTrailingSlash(settings.apiBaseUrl()))
        .setConnectTimeout((int) settings.connectTimeout().toMillis())
        .setReadTimeout((int) settings.readTimeout().toMillis())
        // the SDK retries network errors and 409/429/5xx with the same idempotency key: no double
        // checkout
        .setMaxNetworkRetries(2)
        .build();
  }

  @Bean
  StripePaymentProvider stripePaymentProvider(StripeClient client) {
    return new StripePaymentProvider(client);
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}

package fr.recouvrement.legal.bailiff;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The real client when {@code recouvrement.bailiff.base-url} is set, otherwise a gateway that
 * refuses.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BailiffSettings.class)
class BailiffConfiguration {

  @Bean
  BailiffGateway bailiffGateway(
      BailiffSettings bailiff, ObjectProvider<RestClient.Builder> builder) {
    return bailiff.configured()
        ? new HttpBailiffGateway(bailiff, builder.getIfAvailable(RestClient::builder))
        : new UnconfiguredBailiffGateway();
  }
}

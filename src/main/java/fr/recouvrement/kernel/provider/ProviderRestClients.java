package fr.recouvrement.kernel.provider;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The REST client of an outside provider (postal, bailiff): base URL, bearer key, both timeouts.
 */
public final class ProviderRestClients {
  private ProviderRestClients() {}

  public static RestClient build(
      RestClient.Builder builder,
      String baseUrl,
      String apiKey,
      Duration connectTimeout,
      Duration readTimeout) {
    // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on plain http, which some servers
    // reset
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(readTimeout);
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    RestClient.Builder configured = builder.baseUrl(base).requestFactory(requests);
    if (apiKey != null && !apiKey.isBlank()) {
      configured = configured.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey);
    }
    return configured.build();
  }
}

package fr.recouvrement.channel;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.http.Header;

/**
 * Twilio's HTTP client with two changes.
 *
 * <ul>
 *   <li>Requests go to {@code recouvrement.sms.twilio.api-base-url} when it is not Twilio's own
 *       (the SDK has no such setting, so the URL's scheme, host and port are rewritten): tests
 *       point it at a local WireMock.
 *   <li>No immediate retry on a 5xx: the SDK would POST the same message up to three times in 300
 *       ms, and a 5xx does not prove that Twilio did not queue it. The job retries on its own
 *       cycle, after the communication log has recorded the failure.
 *   <li>A 429 (or 503) with {@code Retry-After} throws {@link ProviderBusyException}: the job's
 *       next attempt waits at least that long ({@link ProviderBusyRetries}).
 * </ul>
 */
final class TwilioHttpClient extends NetworkHttpClient {
  private final URI base;

  TwilioHttpClient(String apiBaseUrl) {
    super(HttpClient.DEFAULT_REQUEST_CONFIG);
    this.base =
        apiBaseUrl == null || apiBaseUrl.isBlank() || apiBaseUrl.equals(TwilioSettings.TWILIO_API)
            ? null
            : URI.create(
                apiBaseUrl.endsWith("/")
                    ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1)
                    : apiBaseUrl);
  }

  @Override
  public Response reliableRequest(Request request) {
    return reliableRequest(request, RETRY_CODES, 1, 0);
  }

  @Override
  public Response makeRequest(Request request) {
    Response response = super.makeRequest(base == null ? request : rebased(request));
    if (response.getStatusCode() == 429 || response.getStatusCode() == 503) {
      Optional<Duration> wait = retryAfter(response.getHeaders(), Instant.now());
      if (wait.isPresent()) {
        // nothing was sent: the job retries, not before the wait Twilio asked for
        // (ProviderBusyRetries)
        throw new ProviderBusyException(
            "Twilio answered "
                + response.getStatusCode()
                + " and asked to retry after "
                + wait.get().toSeconds()
                + " s",
            wait.get());
      }
    }
    return response;
  }

  /** {@code Retry-After}: seconds, or an HTTP date; empty when absent or unreadable. */
  static Optional<Duration> retryAfter(Header[] headers, Instant now) {
    if (headers == null) {
      return Optional.empty();
    }
    for (Header header : headers) {
      if (!"Retry-After".equalsIgnoreCase(header.getName()) || header.getValue() == null) {
        continue;
      }
      String value = header.getValue().trim();
      try {
        long seconds = Long.parseLong(value);
        return Optional.of(Duration.ofSeconds(Math.max(0, Math.min(seconds, 31_536_000L))));
      } catch (NumberFormatException notSeconds) {
        try {
          Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException notADate) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private Request rebased(Request request) {
    URI original = URI.create(request.getUrl());
    Request copy = new Request(request.getMethod(), base + original.getRawPath());
    if (request.getUsername() != null) {
      copy.setAuth(request.getUsername(), request.getPassword());
    } else if (request.getAuthStrategy() != null) {
      copy.setAuth(request.getAuthStrategy());
    }
    copy.setContentType(request.getContentType());
    copy.setBody(request.getBody());
    copy.setUserAgentExtensions(request.getUserAgentExtensions());
    copyParams(request.getQueryParams(), copy::addQueryParam);
    copyParams(request.getPostParams(), copy::addPostParam);
    copyParams(request.getHeaderParams(), copy::addHeaderParam);
    return copy;
  }

  private static void copyParams(
      Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
    params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
  }
}

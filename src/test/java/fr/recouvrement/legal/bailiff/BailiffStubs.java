package fr.recouvrement.legal.bailiff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import fr.recouvrement.ApiClient;
import fr.recouvrement.TestServers;
import fr.recouvrement.kernel.provider.SignedCallbacks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The bailiff's side in integration tests, for any test that runs a model through {@code
 * ${requestBailiffMission}} against the shared context (where the bailiff API is the WireMock of
 * {@link TestServers}): stub the provider taking missions, then report as the provider would, with
 * a signed callback.
 */
public final class BailiffStubs {
  public static final String MISSIONS = TestServers.BAILIFF_PATH + "/missions";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private BailiffStubs() {}

  /** The provider takes every mission and answers this mission id. */
  public static void acceptMissions(String providerMissionId) {
    TestServers.wireMock()
        .stubFor(post(urlEqualTo(MISSIONS)).willReturn(created(providerMissionId)));
  }

  /** The provider stops any mission. */
  public static void acceptWithdrawals() {
    TestServers.wireMock()
        .stubFor(
            post(urlPathMatching(MISSIONS + "/[^/]+/withdrawal"))
                .willReturn(aResponse().withStatus(200)));
  }

  public static ResponseDefinitionBuilder created(String providerMissionId) {
    return aResponse()
        .withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"missionId\": \"" + providerMissionId + "\", \"status\": \"RECEIVED\"}");
  }

  /** A report body as the provider sends it. */
  public static String report(
      String eventId,
      String providerMissionId,
      String status,
      String occurredOn,
      String fee,
      String amountRecovered) {
    return """
        {"eventId": "%s", "missionId": "%s", "status": "%s", "occurredOn": "%s", "fee": %s, "amountRecovered": %s, "details": "Procès-verbal n° 42"}"""
        .formatted(eventId, providerMissionId, status, occurredOn, fee, amountRecovered);
  }

  /** POSTs the body to {@code /api/callbacks/bailiff}, signed now with the test secret. */
  public static ApiClient.Response callback(int port, String body) {
    return callback(port, body, TestServers.BAILIFF_CALLBACK_SECRET, Instant.now());
  }

  public static ApiClient.Response callback(
      int port, String body, String secret, Instant signedAt) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String timestamp = Long.toString(signedAt.getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/callbacks/bailiff"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, application/problem+json")
            .header(SignedCallbacks.TIMESTAMP_HEADER, timestamp)
            .header(
                SignedCallbacks.SIGNATURE_HEADER, SignedCallbacks.sign(secret, timestamp, bytes))
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new ApiClient.Response(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

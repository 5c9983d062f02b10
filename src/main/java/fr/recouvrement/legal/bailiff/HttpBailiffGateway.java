package fr.recouvrement.legal.bailiff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.kernel.provider.ProviderRestClients;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The commissaire de justice's REST API, the contract this application expects:
 *
 * <pre>
 * POST {recouvrement.bailiff.base-url}/missions
 * Authorization: Bearer {recouvrement.bailiff.api-key}
 * Idempotency-Key: {clientReference}
 * Content-Type: application/json
 *
 * {"clientReference": "DOS-2026-000123/…/Task_RequestSeizure/BANK_SEIZURE/1",
 *  "missionType": "BANK_SEIZURE",     // SMALL_CLAIMS | SERVICE | BANK_SEIZURE | WAGE_SEIZURE | GOODS_SEIZURE
 *  "caseReference": "DOS-2026-000123",
 *  "debtor":  {"name": "…", "type": "BUSINESS", "siren": "552100554",
 *              "address": {"line1": "…", "postalCode": "69003", "city": "Lyon", "country": "FR"}},
 *  "claim":   {"principal": 1850.00, "balance": 1932.40, "currency": "EUR",   // the amount pursued
 *              "invoices": [{"number": "F-2026-0117", "dueDate": "2026-02-04", "principal": 1850.00,
 *                            "latePenalty": 42.40, "recoveryIndemnity": 40.00, "legalInterest": 0.00,
 *                            "total": 1932.40}]},   // due, undisputed invoices only
 *  "measure": {"enforceableTitleOn": "2026-09-14", "instructions": "…"}}   // both may be null
 *
 * 200 or 201  {"missionId": "CJ-2026-4711", ...}
 *
 * POST {base-url}/missions/{missionId}/withdrawal
 * Authorization: Bearer …   Idempotency-Key: {clientReference}/withdrawal
 * {"reason": "Procédure collective ouverte …"}
 *
 * 200, 202 or 204: the mission is stopped (also when it already was, or had ended)
 * </pre>
 *
 * A repeated {@code Idempotency-Key} must be answered with the mission already created (same
 * missionId), never a second mission. A 5xx or no answer within the read timeout throws a retryable
 * {@link BailiffProviderException}: the job retries (R3/PT10M in the models) with the same key,
 * then an incident. A 4xx throws a non-retryable one carrying the provider's message ({@code
 * message}, {@code detail}, {@code title} or {@code error} of a JSON body, else the body itself):
 * the incident says why the provider refused. The provider reports progress and outcomes with
 * signed callbacks ({@link BailiffCallbackController}).
 */
final class HttpBailiffGateway implements BailiffGateway {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_MESSAGE = 500;

  private final RestClient client;
  private final Duration readTimeout;

  HttpBailiffGateway(BailiffSettings settings, RestClient.Builder builder) {
    this.readTimeout = settings.readTimeout();
    this.client =
        ProviderRestClients.build(
            builder,
            settings.baseUrl(),
            settings.apiKey(),
            settings.connectTimeout(),
            settings.readTimeout());
  }

  record MissionResponse(String missionId) {}

  record Withdrawal(String reason) {}

  @Override
  public boolean isConfigured() {
    return true;
  }

  @Override
  public String requestMission(Mission mission) {
    String what = "mission " + mission.clientReference();
    MissionResponse answer =
        call(
            what,
            () ->
                client
                    .post()
                    .uri("/missions")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", mission.clientReference())
                    .body(mission)
                    .retrieve()
                    .body(MissionResponse.class));
    if (answer == null || answer.missionId() == null || answer.missionId().isBlank()) {
      throw new BailiffProviderException(
          "The bailiff provider accepted " + what + " without a missionId", 0, null);
    }
    return answer.missionId();
  }

  @Override
  public void withdraw(String providerMissionId, String idempotencyKey, String reason) {
    call(
        "the withdrawal of mission " + providerMissionId,
        () ->
            client
                .post()
                .uri("/missions/{id}/withdrawal", providerMissionId)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey)
                .body(new Withdrawal(reason))
                .retrieve()
                .toBodilessEntity());
  }

  private <T> T call(String what, java.util.function.Supplier<T> request) {
    try {
      return request.get();
    } catch (RestClientResponseException e) {
      int status = e.getStatusCode().value();
      String message = providerMessage(e.getResponseBodyAsString(StandardCharsets.UTF_8));
      if (e.getStatusCode().is4xxClientError()) {
        throw new BailiffProviderException(
            "The bailiff provider refused %s (HTTP %d): %s".formatted(what, status, message),
            status,
            e);
      }
      throw new BailiffProviderException(
          "The bailiff provider failed on %s (HTTP %d): %s; the job retries with the same Idempotency-Key"
              .formatted(what, status, message),
          status,
          e);
    } catch (ResourceAccessException e) {
      if (e.getCause() instanceof HttpTimeoutException) {
        throw new BailiffProviderException(
            ("The bailiff provider did not answer within %s (recouvrement.bailiff.read-timeout): %s may or may not have"
                    + " been taken; the retry sends the same Idempotency-Key")
                .formatted(readTimeout, what),
            0,
            e);
      }
      throw new BailiffProviderException(
          "The bailiff provider could not be reached for " + what + ": " + e.getMessage(), 0, e);
    }
  }

  /** What the provider said, briefly: a JSON problem's text, else the body itself. */
  static String providerMessage(String body) {
    if (body == null || body.isBlank()) {
      return "(no message)";
    }
    try {
      JsonNode json = JSON.readTree(body);
      for (String field : new String[] {"message", "detail", "title", "error"}) {
        if (json != null && json.hasNonNull(field) && !json.get(field).asText().isBlank()) {
          return shorten(json.get(field).asText());
        }
      }
    } catch (Exception notJson) {
      // plain text: shown as it is
    }
    return shorten(body.strip());
  }

  private static String shorten(String s) {
    return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "…";
  }
}

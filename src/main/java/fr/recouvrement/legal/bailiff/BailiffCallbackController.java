package fr.recouvrement.legal.bailiff;

import fr.recouvrement.kernel.provider.SignedCallbacks;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/callbacks/bailiff}: the commissaire de justice reports on a mission.
 *
 * <pre>
 * X-Recouvrement-Timestamp: 1764080000                 (epoch seconds, within 5 minutes)
 * X-Recouvrement-Signature: sha256=&lt;hex HMAC-SHA256(recouvrement.bailiff.callback-secret, timestamp + "." + body)&gt;
 * Content-Type: application/json
 *
 * {"eventId": "evt-0001",            // unique per event: a replay is answered, not applied again
 *  "missionId": "CJ-2026-4711",      // the provider's id, as answered to POST /missions
 *  "status": "PARTIALLY_PAID",       // see below
 *  "occurredOn": "2026-11-25",       // ISO date
 *  "fee": 148.50,                    // optional, euros, default 0
 *  "amountRecovered": 900.00,        // optional, euros, default 0
 *  "details": "…",                   // optional, at most 4000 characters
 *  "servedToPerson": true}           // optional, SERVICE only: handed to the debtor in person (CPC 1416 al. 2)
 * </pre>
 *
 * <p>{@code status} is either progress, {@code ACCEPTED} or {@code IN_PROGRESS}, which only updates
 * the mission row, or the final outcome of the mission, which must fit its type: SMALL_CLAIMS →
 * AGREED | AGREED_WITH_PLAN | REFUSED; SERVICE → SERVED | NOT_SERVED; BANK_SEIZURE, WAGE_SEIZURE,
 * GOODS_SEIZURE → PAID | PARTIALLY_PAID | FAILED.
 *
 * <p>A final outcome is correlated as message {@code BailiffReport} to the process instance whose
 * variable {@code bailiffMissionId} (set by {@code requestBailiffMission}, on the process instance:
 * {@code processInstanceVariableEquals}) is our id of that mission, with the variables {@code
 * bailiffOutcome}, {@code bailiffReportedOn} (ISO date), {@code bailiffFee}, {@code
 * bailiffAmountRecovered} (doubles), {@code bailiffDetails} (String, "" when none) and, when given,
 * {@code servedToPerson} (boolean; a service report without it counts as not made to the person).
 *
 * <p>Answers: 200 {@code {"eventId", "result": "APPLIED", "replayed": false}} when applied; 202
 * {@code result UNMATCHED} when no mission has that id or no process waits for its report (the
 * event is stored in {@code callback_event} with its payload and the mission id, never dropped, and
 * applied once when the step that requested the mission records that id and commits: {@link
 * BailiffReports#applyKept}, review M5); 200 with the first result and {@code "replayed": true} for
 * an event id seen before; 401 for a missing, wrong or stale signature; 400 problem+json naming the
 * fields at fault.
 */
@RestController
@RequestMapping("/api/callbacks/bailiff")
class BailiffCallbackController {
  private final BailiffReports reports;
  private final SignedCallbacks signatures;
  private final BailiffSettings settings;

  BailiffCallbackController(
      BailiffReports reports, SignedCallbacks signatures, BailiffSettings settings) {
    this.reports = reports;
    this.signatures = signatures;
    this.settings = settings;
  }

  @PostMapping(
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> report(
      @RequestHeader(name = SignedCallbacks.TIMESTAMP_HEADER, required = false) String timestamp,
      @RequestHeader(name = SignedCallbacks.SIGNATURE_HEADER, required = false) String signature,
      @RequestBody byte[] body) {
    signatures.verify(settings.callbackSecret(), timestamp, signature, body);
    BailiffReports.Answer answer;
    try {
      answer = reports.receive(body);
    } catch (BailiffReports.ConcurrentDelivery
        | ConcurrencyFailureException
        | DuplicateKeyException
        | OptimisticLockingException lost) {
      // two deliveries of one event at once (review L6): the other one applies it; this one changed
      // nothing
      String eventId = reports.eventIdOf(body);
      return reports
          .replay(eventId)
          .<ResponseEntity<Object>>map(first -> ResponseEntity.ok(first))
          .orElseGet(
              () -> {
                ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONFLICT,
                        "This event is being applied by another delivery at this moment; nothing was done by this one.");
                problem.setTitle("Event being applied");
                return ResponseEntity.status(HttpStatus.CONFLICT)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
              });
    }
    return ResponseEntity.status(
            answer.result() == SignedCallbacks.Result.UNMATCHED && !answer.replayed() ? 202 : 200)
        .body((Object) answer);
  }
}

package fr.recouvrement.legal.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.cases.InvalidRequestException;
import fr.recouvrement.cases.InvalidRequestException.FieldProblem;
import fr.recouvrement.channel.CaseLetters;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.web.SignedCallbacks;
import fr.recouvrement.web.SignedCallbacks.Result;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/callbacks/postal}: the postal provider reports the acknowledgement of receipt of
 * a registered letter. Signed with {@code recouvrement.postal.callback-secret} (see {@link
 * SignedCallbacks}); body {@code {"eventId", "trackingId", "status": "SIGNED|REFUSED|NOT_CLAIMED|RETURNED",
 * "occurredOn": "2026-03-04"}}.
 *
 * <p>The letter with that tracking id gets the acknowledgement and its date; for a formal notice a
 * FORMAL_NOTICE_ACKNOWLEDGED legal event is recorded (the proof the order to pay's file needs). The
 * answer is 200 {@code {"result": "APPLIED"}}; an unknown tracking id is kept as UNMATCHED and answered
 * 202; a replayed event id is answered with what was done the first time and changes nothing.
 */
@RestController
class PostalCallbackController {
  static final String SOURCE = "POSTAL";
  static final Set<String> STATUSES = Set.of("SIGNED", "REFUSED", "NOT_CLAIMED", "RETURNED");
  private static final Logger log = LoggerFactory.getLogger(PostalCallbackController.class);

  private final SignedCallbacks callbacks;
  private final CaseLetters letters;
  private final LegalEvents legalEvents;
  private final TransactionTemplate tx;
  private final ObjectMapper json;

  PostalCallbackController(
      SignedCallbacks callbacks, CaseLetters letters, LegalEvents legalEvents, TransactionTemplate tx, ObjectMapper json) {
    this.callbacks = callbacks;
    this.letters = letters;
    this.legalEvents = legalEvents;
    this.tx = tx;
    this.json = json;
  }

  private static final class RecordedConcurrently extends RuntimeException {}

  record Event(String eventId, String trackingId, String status, LocalDate occurredOn) {}

  @PostMapping(path = "/api/callbacks/postal", consumes = "application/json", produces = "application/json")
  ResponseEntity<Map<String, String>> acknowledgement(
      @RequestHeader(name = SignedCallbacks.TIMESTAMP_HEADER, required = false) String timestamp,
      @RequestHeader(name = SignedCallbacks.SIGNATURE_HEADER, required = false) String signature,
      @RequestBody byte[] body) {
    callbacks.verify(letters.postalCallbackSecret(), timestamp, signature, body);
    Event event = parse(body);
    Optional<Result> before = callbacks.seen(SOURCE, event.eventId());
    if (before.isPresent()) {
      return answer(before.get());
    }
    try {
      return answer(tx.execute(status -> apply(event, body)));
    } catch (RecordedConcurrently | ConcurrencyFailureException e) {
      // another delivery of the same event won (or holds the row): answer like it, never 500 (review L6)
      return answer(callbacks.seen(SOURCE, event.eventId()).orElse(Result.UNMATCHED));
    }
  }

  private Result apply(Event event, byte[] body) {
    Optional<CaseLetters.Acknowledged> letter = letters.acknowledge(event.trackingId(), event.status(), event.occurredOn());
    Result result = letter.isPresent() ? Result.APPLIED : Result.UNMATCHED;
    if (!callbacks.remember(SOURCE, event.eventId(), body, result)) {
      // a concurrent delivery of the same event got there first: undo ours, answer like it
      throw new RecordedConcurrently();
    }
    if (letter.isEmpty()) {
      log.warn("Postal acknowledgement {} for unknown tracking id {}: kept as UNMATCHED", event.eventId(), event.trackingId());
    } else if (NoticeLetter.TEMPLATE.equals(letter.get().template())) {
      legalEvents.record(
          letter.get().caseReference(),
          LegalEventType.FORMAL_NOTICE_ACKNOWLEDGED,
          event.occurredOn(),
          "Accusé de réception de la LRAR n° %s : %s".formatted(event.trackingId(), event.status()),
          "postal-provider");
    }
    return result;
  }

  private static ResponseEntity<Map<String, String>> answer(Result result) {
    return ResponseEntity.status(result == Result.APPLIED ? 200 : 202).body(Map.of("result", result.name()));
  }

  private Event parse(byte[] body) {
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (IOException e) {
      throw new InvalidRequestException(List.of(new FieldProblem("body", "is not JSON")));
    }
    List<FieldProblem> problems = new java.util.ArrayList<>();
    String eventId = text(node, "eventId", problems);
    String trackingId = text(node, "trackingId", problems);
    String status = text(node, "status", problems);
    String occurred = text(node, "occurredOn", problems);
    if (status != null && !STATUSES.contains(status)) {
      problems.add(new FieldProblem("status", "must be one of SIGNED, REFUSED, NOT_CLAIMED, RETURNED"));
    }
    LocalDate on = null;
    if (occurred != null) {
      try {
        on = LocalDate.parse(occurred.length() > 10 ? occurred.substring(0, 10) : occurred);
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem("occurredOn", "must be an ISO date"));
      }
    }
    if (eventId != null && eventId.length() > 128) {
      problems.add(new FieldProblem("eventId", "must have at most 128 characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new Event(eventId, trackingId, status, on);
  }

  private static String text(JsonNode node, String field, List<FieldProblem> problems) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      problems.add(new FieldProblem(field, "is required"));
      return null;
    }
    return value.asText().trim();
  }
}

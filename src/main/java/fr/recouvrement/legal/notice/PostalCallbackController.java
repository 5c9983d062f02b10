package fr.recouvrement.legal.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.cases.InvalidRequestException;
import fr.recouvrement.cases.InvalidRequestException.FieldProblem;
import fr.recouvrement.channel.CaseLetters;
import fr.recouvrement.channel.LetterTracked;
import fr.recouvrement.kernel.provider.KeptCallbackReplay;
import fr.recouvrement.kernel.provider.SignedCallbacks;
import fr.recouvrement.kernel.provider.SignedCallbacks.Result;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/callbacks/postal}: the postal provider reports the acknowledgement of receipt of
 * a registered letter. Signed with {@code recouvrement.postal.callback-secret} (see {@link
 * SignedCallbacks}); body {@code {"eventId", "trackingId", "status":
 * "SIGNED|REFUSED|NOT_CLAIMED|RETURNED", "occurredOn": "2026-03-04", "presentedOn": "2026-03-03"}}
 * ({@code presentedOn}, optional: the letter's first presentation at the address, the day the
 * notice reached the debtor; it cannot be after {@code occurredOn}).
 *
 * <p>The letter with that tracking id gets the acknowledgement and its date. For a formal notice:
 * SIGNED or REFUSED (a refused letter is delivered) records a FORMAL_NOTICE_ACKNOWLEDGED legal
 * event (the proof the order to pay's file needs) and tells the waiting formal-notice process,
 * whose deadline then runs from the first presentation (else the signature); NOT_CLAIMED (« pli
 * avisé non réclamé ») or RETURNED (« destinataire inconnu ») records FORMAL_NOTICE_RETURNED and
 * tells the process, which opens a collector's task instead of going to court. The answer is 200
 * {@code {"result": "APPLIED"}}; a replayed event id is answered with what was done the first time
 * and changes nothing.
 *
 * <p>News that comes before the letter is known (an unknown tracking id), or before the
 * formal-notice process that posted it waits for news, is kept as UNMATCHED with its tracking id
 * and answered 202; it is applied, once, when the step that records the tracking number (or sends
 * the notice's email copy, the last step before the wait) commits ({@link LetterTracked}, review
 * M5).
 */
@RestController
class PostalCallbackController implements KeptCallbackReplay {
  static final String SOURCE = "POSTAL";
  static final Set<String> STATUSES = Set.of("SIGNED", "REFUSED", "NOT_CLAIMED", "RETURNED");
  static final Set<String> DELIVERED = Set.of("SIGNED", "REFUSED");
  static final String MESSAGE_DELIVERED = "FormalNoticeDelivered";
  static final String MESSAGE_RETURNED = "FormalNoticeReturned";

  /** The step between the posting and the wait for news, when the debtor has an email address. */
  static final String EMAIL_COPY = "Task_EmailNoticeCopy";

  private static final Logger log = LoggerFactory.getLogger(PostalCallbackController.class);

  private final SignedCallbacks callbacks;
  private final CaseLetters letters;
  private final LegalEvents legalEvents;
  private final FormalNotices notices;
  private final RuntimeService runtime;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final ManagementService management;
  private final TransactionTemplate ownTransaction;
  private final Duration lease;

  PostalCallbackController(
      SignedCallbacks callbacks,
      CaseLetters letters,
      LegalEvents legalEvents,
      FormalNotices notices,
      RuntimeService runtime,
      TransactionTemplate tx,
      ObjectMapper json,
      ManagementService management,
      PlatformTransactionManager transactions,
      @Value("${recouvrement.delivery.lease:PT5M}") Duration lease) {
    this.management = management;
    this.lease = lease;
    // after a commit (see applyKept), work needs a transaction of its own
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.callbacks = callbacks;
    this.letters = letters;
    this.legalEvents = legalEvents;
    this.notices = notices;
    this.runtime = runtime;
    this.tx = tx;
    this.json = json;
  }

  private static final class RecordedConcurrently extends RuntimeException {}

  record Event(
      String eventId,
      String trackingId,
      String status,
      LocalDate occurredOn,
      LocalDate presentedOn) {
    /**
     * The day the letter reached the debtor: its first presentation when reported, else the event's
     * day.
     */
    LocalDate deliveredOn() {
      return presentedOn == null ? occurredOn : presentedOn;
    }
  }

  @PostMapping(
      path = "/api/callbacks/postal",
      consumes = "application/json",
      produces = "application/json")
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
      // another delivery of the same event won (or holds the row): answer like it, never 500
      // (review L6)
      return answer(callbacks.seen(SOURCE, event.eventId()).orElse(Result.UNMATCHED));
    }
  }

  private Result apply(Event event, byte[] body) {
    return apply(event, body, false);
  }

  /**
   * Applies the event. {@code kept}: it was stored UNMATCHED before and is applied now, its row
   * turned APPLIED once; UNMATCHED is then returned when it still cannot be applied (the caller
   * rolls back). Otherwise the event is new and stored with what was done.
   */
  private Result apply(Event event, byte[] body, boolean kept) {
    Optional<CaseLetters.Tracked> tracked = letters.tracked(event.trackingId());
    String why = null;
    if (tracked.isEmpty()) {
      why = "unknown tracking id";
    } else if (NoticeLetter.TEMPLATE.equals(tracked.get().template())
        && processNotWaitingYet(tracked.get(), event)) {
      why = "its formal-notice process does not wait for news of the letter yet";
    }
    if (why != null) {
      if (!kept) {
        // kept with the tracking id it waits for: applied when the letter is recorded (review M5)
        if (!remember(event, body, Result.UNMATCHED)) {
          throw new RecordedConcurrently();
        }
        log.warn(
            "Postal acknowledgement {} for tracking id {}: {}; kept as UNMATCHED",
            event.eventId(),
            event.trackingId(),
            why);
      }
      return Result.UNMATCHED;
    }
    if (kept
        ? !callbacks.markApplied(SOURCE, event.eventId())
        : !remember(event, body, Result.APPLIED)) {
      // a concurrent delivery of the same event got there first: undo ours, answer like it
      throw new RecordedConcurrently();
    }
    CaseLetters.Acknowledged letter =
        letters.acknowledge(event.trackingId(), event.status(), event.occurredOn()).orElseThrow();
    if (NoticeLetter.TEMPLATE.equals(letter.template())) {
      formalNotice(letter.caseReference(), event);
    }
    return Result.APPLIED;
  }

  private boolean remember(Event event, byte[] body, Result result) {
    return callbacks.remember(SOURCE, event.eventId(), body, result, event.trackingId());
  }

  /**
   * The letter is known, but the formal-notice step that posted it has not brought its process to
   * wait for news of it yet: it was posted moments ago (the step may not have committed), or the
   * process still has the email copy to send before it waits. Applied then, it would reach no one.
   */
  private boolean processNotWaitingYet(CaseLetters.Tracked letter, Event event) {
    String message = DELIVERED.contains(event.status()) ? MESSAGE_DELIVERED : MESSAGE_RETURNED;
    long waiting =
        runtime
            .createExecutionQuery()
            .processInstanceBusinessKey(letter.caseReference())
            .messageEventSubscriptionName(message)
            .processVariableValueEquals("noticeTrackingId", event.trackingId())
            .count();
    if (waiting > 0) {
      return false;
    }
    if (letter.sentAt() != null && letter.sentAt().isAfter(CaseClock.now().minus(lease))) {
      return true;
    }
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(letter.caseReference())
        .variableValueEquals("noticeTrackingId", event.trackingId())
        .active()
        .list()
        .stream()
        .anyMatch(
            p ->
                management
                        .createJobQuery()
                        .processInstanceId(p.getId())
                        .activityId(EMAIL_COPY)
                        .count()
                    > 0);
  }

  /**
   * The acknowledgements kept UNMATCHED while they waited for this tracking id, applied now, each
   * in its own transaction and once: after the commit of the step that recorded the letter (or sent
   * its email copy, the last step before its process waits for news).
   */
  @TransactionalEventListener(fallbackExecution = true)
  void letterTracked(LetterTracked tracked) {
    applyKept(tracked.trackingId());
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public void applyKept(String trackingId) {
    for (SignedCallbacks.Kept kept : callbacks.waitingFor(SOURCE, trackingId)) {
      try {
        Result result =
            ownTransaction.execute(
                status -> {
                  Result r = apply(parse(kept.payload()), kept.payload(), true);
                  if (r != Result.APPLIED) {
                    status.setRollbackOnly();
                  }
                  return r;
                });
        log.info("Postal event {} kept for tracking id {}: {}", kept.eventId(), trackingId, result);
      } catch (RuntimeException e) {
        // stays kept: a later step of its letter, or a person, applies it
        log.warn(
            "Postal event {} kept for tracking id {} could not be applied: {}",
            kept.eventId(),
            trackingId,
            e.toString());
      }
    }
  }

  private void formalNotice(String caseReference, Event event) {
    Map<String, Object> variables = new HashMap<>();
    String message;
    if (DELIVERED.contains(event.status())) {
      legalEvents.record(
          caseReference,
          LegalEventType.FORMAL_NOTICE_ACKNOWLEDGED,
          event.deliveredOn(),
          "Accusé de réception de la LRAR n° %s : %s%s"
              .formatted(
                  event.trackingId(),
                  event.status(),
                  event.presentedOn() == null
                      ? ""
                      : ", première présentation le " + event.presentedOn()),
          ACTOR);
      message = MESSAGE_DELIVERED;
      variables.put("noticeDeliveredOn", event.deliveredOn().toString());
      variables.put("noticeDeliveryHow", FormalNotices.POSTAL);
    } else {
      notices.returned(
          caseReference, event.trackingId(), event.occurredOn(), event.status(), ACTOR);
      message = MESSAGE_RETURNED;
      variables.put("noticeReturnReason", event.status());
      variables.put("noticeReturnedOn", event.occurredOn().toString());
    }
    // the formal-notice process that sent this very letter, if it still waits for news of it
    List<?> correlated =
        runtime
            .createMessageCorrelation(message)
            .processInstanceBusinessKey(caseReference)
            .processInstanceVariableEquals("noticeTrackingId", event.trackingId())
            .setVariables(variables)
            .correlateAllWithResult();
    if (correlated.isEmpty()) {
      log.info(
          "Postal event {} on formal notice {} of case {}: recorded, no process waits for it",
          event.status(),
          event.trackingId(),
          caseReference);
    }
  }

  private static final String ACTOR = "postal-provider";

  private static ResponseEntity<Map<String, String>> answer(Result result) {
    return ResponseEntity.status(result == Result.APPLIED ? 200 : 202)
        .body(Map.of("result", result.name()));
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
    LocalDate presented = null;
    JsonNode presentedNode = node == null ? null : node.get("presentedOn");
    if (presentedNode != null && !presentedNode.isNull() && !presentedNode.asText().isBlank()) {
      try {
        String p = presentedNode.asText().trim();
        presented = LocalDate.parse(p.length() > 10 ? p.substring(0, 10) : p);
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem("presentedOn", "must be an ISO date"));
      }
    }
    if (status != null && !STATUSES.contains(status)) {
      problems.add(
          new FieldProblem("status", "must be one of SIGNED, REFUSED, NOT_CLAIMED, RETURNED"));
    }
    LocalDate on = null;
    if (occurred != null) {
      try {
        on = LocalDate.parse(occurred.length() > 10 ? occurred.substring(0, 10) : occurred);
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem("occurredOn", "must be an ISO date"));
      }
    }
    if (presented != null && on != null && presented.isAfter(on)) {
      problems.add(
          new FieldProblem(
              "presentedOn",
              "must not be after occurredOn: a letter is presented before it is signed or returned"));
    }
    if (eventId != null && eventId.length() > 128) {
      problems.add(new FieldProblem("eventId", "must have at most 128 characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new Event(eventId, trackingId, status, on, presented);
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

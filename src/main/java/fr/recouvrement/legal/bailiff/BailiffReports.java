package fr.recouvrement.legal.bailiff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.cases.InvalidRequestException;
import fr.recouvrement.cases.InvalidRequestException.FieldProblem;
import fr.recouvrement.kernel.provider.KeptCallbackReplay;
import fr.recouvrement.kernel.provider.SignedCallbacks;
import fr.recouvrement.kernel.provider.SignedCallbacks.Result;
import fr.recouvrement.legal.bailiff.BailiffMissions.Mission;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a verified bailiff callback once (see {@link BailiffCallbackController} for the body):
 * the event is remembered in the same transaction as its effect, so a replay finds it and a failure
 * leaves neither.
 */
@Service
class BailiffReports implements KeptCallbackReplay {
  private static final Logger log = LoggerFactory.getLogger(BailiffReports.class);
  static final String SOURCE = "BAILIFF";
  static final String MESSAGE = "BailiffReport";
  static final Set<String> PROGRESS =
      Set.of(MissionStatus.ACCEPTED.name(), MissionStatus.IN_PROGRESS.name());
  private static final int MAX_ID = 128;
  private static final int MAX_DETAILS = 4000;

  record Answer(String eventId, Result result, boolean replayed, String detail) {}

  /**
   * Another delivery of the same event is being applied at this moment: this one changed nothing.
   */
  static final class ConcurrentDelivery extends RuntimeException {
    ConcurrentDelivery(String eventId) {
      super("Bailiff event " + eventId + " is being applied concurrently");
    }
  }

  /** The event id of a body that {@link #receive} accepted as well-formed (null otherwise). */
  String eventIdOf(byte[] body) {
    try {
      JsonNode id = json.readTree(body).get("eventId");
      return id == null || !id.isTextual() ? null : id.asText().strip();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** What was answered the first time for this event, if it is recorded (committed) by now. */
  Optional<Answer> replay(String eventId) {
    return eventId == null
        ? Optional.empty()
        : callbacks
            .seen(SOURCE, eventId)
            .map(
                result -> new Answer(eventId, result, true, "already received; not applied again"));
  }

  /**
   * {@code servedToPerson}: for a SERVICE, whether the act was handed to the debtor in person (CPC
   * 1416 al. 2); null when not said.
   */
  record Event(
      String eventId,
      String missionId,
      String status,
      LocalDate occurredOn,
      BigDecimal fee,
      BigDecimal amountRecovered,
      String details,
      Boolean servedToPerson) {}

  private final ObjectMapper json;
  private final SignedCallbacks callbacks;
  private final BailiffMissions missions;
  private final RuntimeService runtime;

  private final TransactionTemplate ownTransaction;

  BailiffReports(
      ObjectMapper json,
      SignedCallbacks callbacks,
      BailiffMissions missions,
      RuntimeService runtime,
      PlatformTransactionManager transactions) {
    this.json = json;
    this.callbacks = callbacks;
    this.missions = missions;
    this.runtime = runtime;
    // after a commit (see applyKept), work needs a transaction of its own
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Transactional
  Answer receive(byte[] body) {
    Event event = parse(body);
    Optional<Result> seen = callbacks.seen(SOURCE, event.eventId());
    if (seen.isPresent()) {
      return new Answer(event.eventId(), seen.get(), true, "already received; not applied again");
    }
    return apply(event, body, false);
  }

  /**
   * The reports kept UNMATCHED while they waited for this provider mission id, applied now, each in
   * its own transaction and once (review M5): called after the transaction that recorded the id
   * committed ({@link BailiffMissions#requested}), when the step's process waits for the report. A
   * report whose process does not wait yet stays kept.
   */
  @TransactionalEventListener(fallbackExecution = true)
  void missionRecorded(BailiffMissions.MissionIdRecorded recorded) {
    applyKept(recorded.providerMissionId());
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public void applyKept(String providerMissionId) {
    for (SignedCallbacks.Kept kept : callbacks.waitingFor(SOURCE, providerMissionId)) {
      try {
        Answer answer =
            ownTransaction.execute(
                status -> {
                  Answer a = apply(parse(kept.payload()), kept.payload(), true);
                  if (a.result() != Result.APPLIED) {
                    status.setRollbackOnly();
                  }
                  return a;
                });
        log.info(
            "Bailiff event {} kept for mission {}: {} ({})",
            kept.eventId(),
            providerMissionId,
            answer.result(),
            answer.detail());
      } catch (RuntimeException e) {
        // stays kept: a later delivery of its match, or a person, applies it
        log.warn(
            "Bailiff event {} kept for mission {} could not be applied: {}",
            kept.eventId(),
            providerMissionId,
            e.toString());
      }
    }
  }

  /**
   * Applies the event. {@code kept}: it was stored UNMATCHED before and is applied now (its row is
   * turned APPLIED, once); otherwise it is new and stored with what was done.
   */
  private Answer apply(Event event, byte[] body, boolean kept) {
    Optional<Mission> mission = missions.byProviderId(event.missionId());
    if (mission.isEmpty()) {
      return unmatched(event, body, "no mission with missionId " + event.missionId(), kept);
    }
    Mission m = mission.get();
    if (PROGRESS.contains(event.status())) {
      remember(event, body, Result.APPLIED, kept);
      boolean moved = missions.progress(m.id(), MissionStatus.valueOf(event.status()));
      return new Answer(
          event.eventId(),
          Result.APPLIED,
          false,
          moved ? "mission " + event.status() : "mission already " + m.status());
    }
    if (!m.type().accepts(event.status())) {
      throw new InvalidRequestException(
          List.of(
              new FieldProblem(
                  "status",
                  "'%s' is not an outcome of a %s mission; expected one of %s, or ACCEPTED, IN_PROGRESS"
                      .formatted(event.status(), m.type(), m.type().outcomes()))));
    }
    String ourId = String.valueOf(m.id());
    long waiting =
        runtime
            .createExecutionQuery()
            .messageEventSubscriptionName(MESSAGE)
            .processVariableValueEquals("bailiffMissionId", ourId)
            .count();
    if (waiting == 0) {
      return unmatched(
          event, body, "no process waits for the report of mission " + event.missionId(), kept);
    }
    remember(event, body, Result.APPLIED, kept);
    Map<String, Object> variables = new HashMap<>();
    variables.put("bailiffOutcome", event.status());
    variables.put("bailiffReportedOn", event.occurredOn().toString());
    variables.put("bailiffFee", event.fee().doubleValue());
    variables.put("bailiffAmountRecovered", event.amountRecovered().doubleValue());
    variables.put("bailiffDetails", event.details() == null ? "" : event.details());
    // a service report that does not say it was made to the person counts as not made to the person
    // (CPC 1416 al. 2)
    if (event.servedToPerson() != null) {
      variables.put("servedToPerson", event.servedToPerson());
    }
    runtime
        .createMessageCorrelation(MESSAGE)
        .processInstanceVariableEquals("bailiffMissionId", ourId)
        .setVariables(variables)
        .correlateWithResult();
    log.info(
        "Bailiff report {} of mission {} ({}) applied: {}",
        event.eventId(),
        event.missionId(),
        ourId,
        event.status());
    return new Answer(
        event.eventId(),
        Result.APPLIED,
        false,
        "report " + event.status() + " delivered to the case process");
  }

  private Answer unmatched(Event event, byte[] body, String why, boolean kept) {
    if (kept) {
      return new Answer(event.eventId(), Result.UNMATCHED, false, why + "; still kept");
    }
    log.warn("Bailiff callback {} stored UNMATCHED: {}", event.eventId(), why);
    // kept with the mission id it waits for: applied when that mission is recorded (review M5)
    remember(event, body, Result.UNMATCHED, false);
    return new Answer(
        event.eventId(),
        Result.UNMATCHED,
        false,
        why + "; kept, and applied when the mission is recorded");
  }

  private void remember(Event event, byte[] body, Result result, boolean kept) {
    boolean first =
        kept
            ? callbacks.markApplied(SOURCE, event.eventId())
            : callbacks.remember(SOURCE, event.eventId(), body, result, event.missionId());
    if (!first) {
      // a concurrent delivery of the same event got there first: undo this one (the caller retries
      // and sees it)
      throw new ConcurrentDelivery(event.eventId());
    }
  }

  private Event parse(byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      throw new InvalidRequestException(List.of(new FieldProblem("body", "is not valid JSON")));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidRequestException(List.of(new FieldProblem("body", "must be a JSON object")));
    }
    List<FieldProblem> problems = new ArrayList<>();
    String eventId = text(root, "eventId", MAX_ID, true, problems);
    String missionId = text(root, "missionId", MAX_ID, true, problems);
    String status = text(root, "status", 32, true, problems);
    if (status != null
        && !PROGRESS.contains(status)
        && !MissionType.allOutcomes().contains(status)) {
      problems.add(
          new FieldProblem(
              "status",
              "must be ACCEPTED, IN_PROGRESS or an outcome ("
                  + String.join(", ", sorted(MissionType.allOutcomes()))
                  + ")"));
    }
    LocalDate occurredOn = null;
    String date = text(root, "occurredOn", 10, true, problems);
    if (date != null) {
      try {
        occurredOn = LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem("occurredOn", "must be a date YYYY-MM-DD"));
      }
    }
    BigDecimal fee = amount(root, "fee", problems);
    BigDecimal recovered = amount(root, "amountRecovered", problems);
    String details = text(root, "details", MAX_DETAILS, false, problems);
    Boolean servedToPerson = null;
    JsonNode toPerson = root.get("servedToPerson");
    if (toPerson != null && !toPerson.isNull()) {
      if (toPerson.isBoolean()) {
        servedToPerson = toPerson.booleanValue();
      } else {
        problems.add(new FieldProblem("servedToPerson", "must be true or false"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new Event(
        eventId, missionId, status, occurredOn, fee, recovered, details, servedToPerson);
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  private static String text(
      JsonNode root, String field, int max, boolean required, List<FieldProblem> problems) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
      if (required) {
        problems.add(new FieldProblem(field, "is required"));
      }
      return null;
    }
    if (!node.isTextual()) {
      problems.add(new FieldProblem(field, "must be a string"));
      return null;
    }
    if (node.asText().length() > max) {
      problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
      return null;
    }
    return node.asText().strip();
  }

  private static BigDecimal amount(JsonNode root, String field, List<FieldProblem> problems) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return BigDecimal.ZERO.setScale(2);
    }
    if (!node.isNumber()) {
      problems.add(new FieldProblem(field, "must be a number (euros)"));
      return null;
    }
    BigDecimal value = node.decimalValue();
    if (value.signum() < 0) {
      problems.add(new FieldProblem(field, "must not be negative"));
      return null;
    }
    if (value.scale() > 2) {
      problems.add(new FieldProblem(field, "must have at most 2 decimals"));
      return null;
    }
    return value;
  }
}

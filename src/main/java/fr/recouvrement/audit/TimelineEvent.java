package fr.recouvrement.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One event of a case's timeline, as {@code GET /api/cases/{reference}/timeline} shows it
 * (api.md): {@code type} is one of {@link Type}'s names, {@code actor} a user id or "system",
 * {@code details} what an auditor needs to check it (ids, inputs and outputs, hashes, amounts).
 */
public record TimelineEvent(Instant at, String type, String title, String actor, Map<String, Object> details) {
  public enum Type {
    PROCESS_STARTED,
    PROCESS_ENDED,
    ACTIVITY,
    TASK_CREATED,
    TASK_CLAIMED,
    TASK_COMPLETED,
    DECISION,
    INCIDENT,
    USER_OPERATION,
    PHASE_CHANGED,
    COMMUNICATION,
    DOCUMENT,
    PAYMENT,
    LEGAL_EVENT,
    COST
  }
}

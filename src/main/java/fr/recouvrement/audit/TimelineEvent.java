package fr.recouvrement.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One event of a case's timeline, as {@code GET /api/cases/{reference}/timeline} shows it (api.md):
 * {@code type} is one of {@link Type}'s names, {@code actor} a user id or "system", {@code details}
 * what an auditor needs to check it (ids, inputs and outputs, hashes, amounts).
 */
public record TimelineEvent(
    Instant at, String type, String title, String actor, Map<String, Object> details) {
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
    COST,
    /**
     * A step the debtor took on the portal (promise, plan proposal, dispute, call-back, online
     * payment).
     */
    PORTAL;

    private static final java.util.Map<Type, String> FRENCH =
        java.util.Map.ofEntries(
            java.util.Map.entry(PROCESS_STARTED, "Processus démarré"),
            java.util.Map.entry(PROCESS_ENDED, "Processus terminé"),
            java.util.Map.entry(ACTIVITY, "Étape"),
            java.util.Map.entry(TASK_CREATED, "Tâche créée"),
            java.util.Map.entry(TASK_CLAIMED, "Tâche prise en charge"),
            java.util.Map.entry(TASK_COMPLETED, "Tâche terminée"),
            java.util.Map.entry(DECISION, "Décision"),
            java.util.Map.entry(INCIDENT, "Incident"),
            java.util.Map.entry(USER_OPERATION, "Opération manuelle"),
            java.util.Map.entry(PHASE_CHANGED, "Changement de phase"),
            java.util.Map.entry(COMMUNICATION, "Communication"),
            java.util.Map.entry(DOCUMENT, "Document"),
            java.util.Map.entry(PAYMENT, "Paiement"),
            java.util.Map.entry(LEGAL_EVENT, "Événement juridique"),
            java.util.Map.entry(COST, "Frais"),
            java.util.Map.entry(PORTAL, "Portail débiteur"));

    /**
     * The French name people read for an event type (the CSV, the pages); an unknown code as it is.
     */
    public static String label(String type) {
      for (Type t : values()) {
        if (t.name().equals(type)) {
          return FRENCH.get(t);
        }
      }
      return type;
    }
  }
}

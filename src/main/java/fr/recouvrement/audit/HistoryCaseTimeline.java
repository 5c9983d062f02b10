package fr.recouvrement.audit;

import fr.recouvrement.audit.AuditRecords.CaseRef;
import fr.recouvrement.audit.TimelineEvent.Type;
import fr.recouvrement.cases.CaseNotFoundException;
import fr.recouvrement.cases.PaymentSource;
import fr.recouvrement.channel.DocumentStore;
import fr.recouvrement.legal.LegalEvents;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * The case's story from two sources: Camunda's history of every process instance of the case (the
 * case process, every process it called, anything started with the case reference as business key)
 * and our own records (phases, communications, documents, payments, legal events, costs).
 *
 * <p>Ordered by time. Several events often share one instant (one transaction, or a test's frozen
 * clock), so ties are broken as one thing leads to another: the case's opening phase first; then
 * the engine's events by the time-based ids it gives its history rows (a process, an activity, a
 * task, when it started); then our own records by row id (they carry no finer time); then a phase
 * change, which follows what caused it; a process's end last.
 */
// the audit package is scanned first: without this, asking for HistoryService would build the
// engine
// (and its tables) before Flyway migrates our schema, and Flyway refuses a non-empty schema
@DependsOnDatabaseInitialization
@Component
class HistoryCaseTimeline implements CaseTimeline {
  static final String SYSTEM = "system";

  /**
   * Flow nodes that say nothing an auditor needs: gateways decide, and the decision or the next
   * step shows it.
   */
  private static final Set<String> NOISE =
      Set.of(
          "exclusiveGateway",
          "inclusiveGateway",
          "parallelGateway",
          "eventBasedGateway",
          "multiInstanceBody",
          "startEvent",
          "noneEndEvent",
          // shown as TASK_* and DECISION events, with more to say
          "userTask",
          "businessRuleTask");

  private static final int RANK_OPENING = -1;
  private static final int RANK_ENGINE = 1;
  private static final int RANK_RECORD = 2;
  private static final int RANK_END = 3;

  private final HistoryService history;
  private final RepositoryService repository;
  private final AuditRecords records;
  private final LegalEvents legalEvents;
  private final DocumentStore documents;

  HistoryCaseTimeline(
      HistoryService history,
      RepositoryService repository,
      AuditRecords records,
      LegalEvents legalEvents,
      DocumentStore documents) {
    this.history = history;
    this.documents = documents;
    this.repository = repository;
    this.records = records;
    this.legalEvents = legalEvents;
  }

  @Override
  public List<TimelineEvent> of(String caseReference) {
    CaseRef c =
        records.findCase(caseReference).orElseThrow(() -> new CaseNotFoundException(caseReference));
    Events events = new Events();
    for (HistoricProcessInstance instance : instances(c)) {
      process(instance, events);
    }
    ourRecords(c, events);
    return events.sorted();
  }

  /**
   * Every process instance of the case: by business key, and the case process's tree (a called
   * process without the key).
   */
  private List<HistoricProcessInstance> instances(CaseRef c) {
    Map<String, HistoricProcessInstance> byId = new LinkedHashMap<>();
    history
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(c.reference())
        .list()
        .forEach(p -> byId.put(p.getId(), p));
    if (c.processInstanceId() != null) {
      history
          .createHistoricProcessInstanceQuery()
          .rootProcessInstanceId(c.processInstanceId())
          .list()
          .forEach(p -> byId.putIfAbsent(p.getId(), p));
    }
    return byId.values().stream()
        .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime))
        .toList();
  }

  // --- Camunda history

  private void process(HistoricProcessInstance p, Events events) {
    String label =
        p.getProcessDefinitionName() == null
            ? p.getProcessDefinitionKey()
            : p.getProcessDefinitionName();
    Map<String, Object> d =
        details(
            "processInstanceId", p.getId(),
            "processDefinitionKey", p.getProcessDefinitionKey(),
            "processDefinitionVersion", p.getProcessDefinitionVersion(),
            "processDefinitionId", p.getProcessDefinitionId(),
            "businessKey", p.getBusinessKey(),
            "superProcessInstanceId", p.getSuperProcessInstanceId());
    events.add(
        at(p.getStartTime()),
        Type.PROCESS_STARTED,
        "Processus démarré : %s (%s v%s)"
            .formatted(label, p.getProcessDefinitionKey(), p.getProcessDefinitionVersion()),
        actor(p.getStartUserId()),
        d,
        RANK_ENGINE,
        seq(p.getId()));
    if (p.getEndTime() != null) {
      Map<String, Object> end = new LinkedHashMap<>(d);
      end.put("state", p.getState());
      end.put("endActivityId", p.getEndActivityId());
      end.put("deleteReason", p.getDeleteReason());
      events.add(
          at(p.getEndTime()),
          Type.PROCESS_ENDED,
          "Processus terminé : %s (%s v%s)"
              .formatted(label, p.getProcessDefinitionKey(), p.getProcessDefinitionVersion()),
          SYSTEM,
          end,
          RANK_END,
          seq(p.getId()));
    }

    activities(p, events);
    List<UserOperationLogEntry> operations =
        history
            .createUserOperationLogQuery()
            .processInstanceId(p.getId())
            .orderByTimestamp()
            .asc()
            .list();
    List<HistoricDetail> variableHistory =
        history.createHistoricDetailQuery().processInstanceId(p.getId()).list();
    tasks(p, operations, variableHistory, events);
    decisions(p, events);
    incidents(p, events);
    userOperations(operations, variableHistory, events);
  }

  private void activities(HistoricProcessInstance p, Events events) {
    for (HistoricActivityInstance a :
        history.createHistoricActivityInstanceQuery().processInstanceId(p.getId()).list()) {
      if (NOISE.contains(a.getActivityType())) {
        continue;
      }
      String name = a.getActivityName() == null ? a.getActivityId() : a.getActivityName();
      Map<String, Object> d =
          details(
              "activityId", a.getActivityId(),
              "activityName", a.getActivityName(),
              "activityType", a.getActivityType(),
              "activityInstanceId", a.getId(),
              "processInstanceId", p.getId(),
              "processDefinitionKey", p.getProcessDefinitionKey(),
              "processDefinitionVersion", p.getProcessDefinitionVersion(),
              "calledProcessInstanceId", a.getCalledProcessInstanceId(),
              "startedAt", at(a.getStartTime()),
              "endedAt", a.getEndTime() == null ? null : at(a.getEndTime()),
              "canceled", a.isCanceled());
      events.add(
          at(a.getStartTime()),
          Type.ACTIVITY,
          "Étape : " + name,
          SYSTEM,
          d,
          RANK_ENGINE,
          seq(a.getId()));
      // a wait state (a timer, a called process, a message) also shows when it ended
      if (a.getEndTime() != null && a.getEndTime().after(a.getStartTime())) {
        Map<String, Object> end = new LinkedHashMap<>(d);
        end.put("phase", "end");
        events.add(
            at(a.getEndTime()),
            Type.ACTIVITY,
            (a.isCanceled() ? "Étape interrompue : " : "Étape terminée : ") + name,
            SYSTEM,
            end,
            RANK_ENGINE,
            Long.MAX_VALUE);
      }
    }
  }

  private void tasks(
      HistoricProcessInstance p,
      List<UserOperationLogEntry> operations,
      List<HistoricDetail> submitted,
      Events events) {
    List<HistoricTaskInstance> tasks =
        history.createHistoricTaskInstanceQuery().processInstanceId(p.getId()).list();
    for (HistoricTaskInstance t : tasks) {
      Map<String, Object> base =
          details(
              "taskId", t.getId(),
              "taskDefinitionKey", t.getTaskDefinitionKey(),
              "taskName", t.getName(),
              "processInstanceId", p.getId(),
              "processDefinitionKey", p.getProcessDefinitionKey(),
              "processDefinitionVersion", p.getProcessDefinitionVersion());
      Map<String, Object> created = new LinkedHashMap<>(base);
      created.put("due", t.getDueDate() == null ? null : at(t.getDueDate()));
      List<HistoricIdentityLinkLog> links =
          history.createHistoricIdentityLinkLogQuery().taskId(t.getId()).orderByTime().asc().list();
      created.put(
          "candidateGroups",
          links.stream()
              .filter(
                  l ->
                      "candidate".equals(l.getType())
                          && "add".equals(l.getOperationType())
                          && l.getGroupId() != null)
              .map(HistoricIdentityLinkLog::getGroupId)
              .distinct()
              .toList());
      events.add(
          at(t.getStartTime()),
          Type.TASK_CREATED,
          "Tâche créée : " + t.getName(),
          SYSTEM,
          created,
          RANK_ENGINE,
          seq(t.getId()));

      for (HistoricIdentityLinkLog l : links) {
        if ("assignee".equals(l.getType()) && "add".equals(l.getOperationType())) {
          Map<String, Object> claimed = new LinkedHashMap<>(base);
          claimed.put("assignee", l.getUserId());
          claimed.put("assignedBy", l.getAssignerId());
          events.add(
              at(l.getTime()),
              Type.TASK_CLAIMED,
              "Tâche prise par %s : %s".formatted(l.getUserId(), t.getName()),
              actor(l.getAssignerId() == null ? l.getUserId() : l.getAssignerId()),
              claimed,
              RANK_ENGINE,
              seq(l.getId()));
        }
      }

      if (t.getEndTime() == null) {
        continue;
      }
      UserOperationLogEntry completion =
          operations.stream()
              .filter(
                  o ->
                      t.getId().equals(o.getTaskId())
                          && UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(
                              o.getOperationType()))
              .findFirst()
              .orElse(null);
      Map<String, Object> done = new LinkedHashMap<>(base);
      done.put("assignee", t.getAssignee());
      done.put("deleteReason", t.getDeleteReason());
      if ("completed".equals(t.getDeleteReason())) {
        String operationId = completion == null ? null : completion.getOperationId();
        done.put("formData", formData(t, operationId, submitted));
        String who =
            completion != null && completion.getUserId() != null
                ? completion.getUserId()
                : t.getAssignee();
        events.add(
            at(t.getEndTime()),
            Type.TASK_COMPLETED,
            "Tâche terminée : " + t.getName(),
            actor(who),
            done,
            RANK_ENGINE,
            completion == null ? Long.MAX_VALUE : seq(completion.getId()));
      } else {
        // ended by the process (a boundary timer, a payment, the case closed): nobody completed it
        events.add(
            at(t.getEndTime()),
            Type.ACTIVITY,
            "Tâche annulée : " + t.getName(),
            SYSTEM,
            done,
            RANK_ENGINE,
            Long.MAX_VALUE);
      }
    }
  }

  /**
   * What the person submitted with the task: the form fields and variables written by that
   * completion.
   */
  private static Map<String, Object> formData(
      HistoricTaskInstance t, String operationId, List<HistoricDetail> details) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (HistoricDetail d : details) {
      boolean ofTask =
          t.getId().equals(d.getTaskId())
              || (operationId != null && operationId.equals(d.getUserOperationId()))
              || (t.getActivityInstanceId() != null
                  && t.getActivityInstanceId().equals(d.getActivityInstanceId()));
      if (!ofTask) {
        continue;
      }
      if (d instanceof HistoricFormField f) {
        data.put(f.getFieldId(), value(f.getFieldValue()));
      } else if (d instanceof HistoricVariableUpdate v) {
        data.put(v.getVariableName(), value(v.getValue()));
      }
    }
    return data;
  }

  private void decisions(HistoricProcessInstance p, Events events) {
    Map<String, Integer> versions = new HashMap<>();
    // a decision requirements diagram is evaluated at once, under one activity instance: the
    // decisions it requires (in the order the engine evaluated them) come before the one they
    // feed
    List<HistoricDecisionInstance> instances =
        history
            .createHistoricDecisionInstanceQuery()
            .processInstanceId(p.getId())
            .includeInputs()
            .includeOutputs()
            .list()
            .stream()
            .sorted(
                Comparator.comparing(
                        (HistoricDecisionInstance d) -> d.getRootDecisionInstanceId() == null)
                    .thenComparingLong(d -> seq(d.getId())))
            .toList();
    for (HistoricDecisionInstance d : instances) {
      Integer version =
          versions.computeIfAbsent(
              d.getDecisionDefinitionId(), id -> repository.getDecisionDefinition(id).getVersion());
      List<Map<String, Object>> inputs =
          d.getInputs().stream()
              .map(
                  i ->
                      details(
                          "clauseId",
                          i.getClauseId(),
                          "name",
                          i.getClauseName(),
                          "value",
                          value(i.getValue())))
              .toList();
      List<Map<String, Object>> outputs =
          d.getOutputs().stream()
              .map(
                  o ->
                      details(
                          "ruleId",
                          o.getRuleId(),
                          "ruleOrder",
                          o.getRuleOrder(),
                          "clauseId",
                          o.getClauseId(),
                          "name",
                          o.getClauseName(),
                          "variable",
                          o.getVariableName(),
                          "value",
                          value(o.getValue())))
              .toList();
      String label =
          d.getDecisionDefinitionName() == null
              ? d.getDecisionDefinitionKey()
              : d.getDecisionDefinitionName();
      events.add(
          at(d.getEvaluationTime()),
          Type.DECISION,
          "Décision : %s (%s v%s)".formatted(label, d.getDecisionDefinitionKey(), version),
          actor(d.getUserId()),
          details(
              "decisionInstanceId", d.getId(),
              "decisionKey", d.getDecisionDefinitionKey(),
              "decisionVersion", version,
              "decisionDefinitionId", d.getDecisionDefinitionId(),
              "activityId", d.getActivityId(),
              "activityInstanceId", d.getActivityInstanceId(),
              "processInstanceId", p.getId(),
              "processDefinitionKey", p.getProcessDefinitionKey(),
              "inputs", inputs,
              "outputs", outputs,
              "collectResultValue", d.getCollectResultValue()),
          // the decision's own id is given when history is flushed; its activity's, when it ran
          RANK_ENGINE,
          seq(d.getActivityInstanceId() == null ? d.getId() : d.getActivityInstanceId()));
    }
  }

  private void incidents(HistoricProcessInstance p, Events events) {
    for (HistoricJobLog failure :
        history.createHistoricJobLogQuery().processInstanceId(p.getId()).failureLog().list()) {
      events.add(
          at(failure.getTimestamp()),
          Type.INCIDENT,
          "Échec d'une étape (%s), tentatives restantes : %d"
              .formatted(failure.getFailedActivityId(), Math.max(0, failure.getJobRetries() - 1)),
          SYSTEM,
          details(
              "jobId", failure.getJobId(),
              "activityId", failure.getFailedActivityId(),
              "message", failure.getJobExceptionMessage(),
              "retriesLeft", Math.max(0, failure.getJobRetries() - 1),
              "processInstanceId", p.getId()),
          RANK_ENGINE,
          seq(failure.getId()));
    }
    for (HistoricIncident i :
        history.createHistoricIncidentQuery().processInstanceId(p.getId()).list()) {
      Map<String, Object> d =
          details(
              "incidentId", i.getId(),
              "incidentType", i.getIncidentType(),
              "activityId", i.getActivityId(),
              "message", i.getIncidentMessage(),
              "jobId", i.getConfiguration(),
              "retriesLeft", 0,
              "processInstanceId", p.getId(),
              "processDefinitionKey", p.getProcessDefinitionKey());
      events.add(
          at(i.getCreateTime()),
          Type.INCIDENT,
          "Incident ouvert : " + i.getIncidentMessage(),
          SYSTEM,
          d,
          RANK_ENGINE,
          seq(i.getId()));
      if (i.getEndTime() != null) {
        Map<String, Object> end = new LinkedHashMap<>(d);
        end.put("state", i.isResolved() ? "RESOLVED" : "DELETED");
        end.remove("retriesLeft");
        events.add(
            at(i.getEndTime()),
            Type.INCIDENT,
            (i.isResolved() ? "Incident résolu : " : "Incident clos : ") + i.getIncidentMessage(),
            SYSTEM,
            end,
            RANK_ENGINE,
            Long.MAX_VALUE);
      }
    }
  }

  /**
   * What people did to the processes by hand (Cockpit, the REST API): one event per operation, with
   * each property it changed. Completing, claiming and assigning tasks show as task events instead.
   */
  private static void userOperations(
      List<UserOperationLogEntry> entries, List<HistoricDetail> variableHistory, Events events) {
    Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
    for (UserOperationLogEntry e : entries) {
      if ("Task".equals(e.getEntityType())
          && Set.of("Complete", "Claim", "Assign").contains(e.getOperationType())) {
        continue;
      }
      byOperation
          .computeIfAbsent(
              e.getOperationId() == null ? e.getId() : e.getOperationId(), k -> new ArrayList<>())
          .add(e);
    }
    for (List<UserOperationLogEntry> operation : byOperation.values()) {
      UserOperationLogEntry first = operation.get(0);
      List<Map<String, Object>> changes =
          operation.stream()
              .filter(e -> e.getProperty() != null)
              .map(
                  e ->
                      details(
                          "property",
                          e.getProperty(),
                          "orgValue",
                          e.getOrgValue(),
                          "newValue",
                          e.getNewValue()))
              .toList();
      events.add(
          at(first.getTimestamp()),
          Type.USER_OPERATION,
          "Opération manuelle : %s (%s)".formatted(first.getOperationType(), first.getEntityType()),
          actor(first.getUserId()),
          details(
              "operationId", first.getOperationId(),
              "operationType", first.getOperationType(),
              "entityType", first.getEntityType(),
              "category", first.getCategory(),
              "processInstanceId", first.getProcessInstanceId(),
              "processDefinitionKey", first.getProcessDefinitionKey(),
              "taskId", first.getTaskId(),
              "jobId", first.getJobId(),
              "annotation", first.getAnnotation(),
              "changes", changes,
              // a variable set by hand: its name and new value (the operation log does not say)
              "variables", variablesOf(first.getOperationId(), variableHistory)),
          RANK_ENGINE,
          seq(first.getId()));
    }
  }

  private static Map<String, Object> variablesOf(
      String operationId, List<HistoricDetail> variableHistory) {
    Map<String, Object> variables = new LinkedHashMap<>();
    if (operationId == null) {
      return variables;
    }
    for (HistoricDetail d : variableHistory) {
      if (operationId.equals(d.getUserOperationId()) && d instanceof HistoricVariableUpdate v) {
        variables.put(v.getVariableName(), value(v.getValue()));
      }
    }
    return variables;
  }

  // --- our records

  private void ourRecords(CaseRef c, Events events) {
    String previous = null;
    for (AuditRecords.Phase phase : records.phases(c.id())) {
      // the opening phase comes before the case's process; a later change follows what caused it (a
      // payment, a task)
      boolean opening = previous == null;
      events.add(
          phase.changedAt(),
          Type.PHASE_CHANGED,
          "Phase : " + phase.status(),
          actor(phase.changedBy()),
          details("status", phase.status(), "previousStatus", previous),
          opening ? RANK_OPENING : RANK_RECORD,
          opening ? phase.id() : Long.MAX_VALUE);
      previous = phase.status();
    }
    for (AuditRecords.Communication m : records.communications(c.id())) {
      events.add(
          m.createdAt(),
          Type.COMMUNICATION,
          "%s %s à %s : %s".formatted(m.channel(), m.template(), m.recipient(), m.status()),
          // a phone call's row keeps who made it where a message keeps its provider's id
          "PHONE_CALL".equals(m.channel()) ? actor(m.providerId()) : SYSTEM,
          details(
              "communicationId", m.id(),
              "channel", m.channel(),
              "recipient", m.recipient(),
              "template", m.template(),
              "contentSha256", m.contentSha256(),
              "status", m.status(),
              "providerId", m.providerId(),
              "sentAt", m.sentAt(),
              "error", m.error(),
              "documentId", m.documentId(),
              "acknowledgement", m.acknowledgement(),
              "acknowledgedOn", m.acknowledgedOn() == null ? null : m.acknowledgedOn().toString(),
              "idempotencyKey", m.idempotencyKey()),
          RANK_RECORD,
          m.id());
    }
    for (DocumentStore.Document doc : documents.ofCase(c.reference())) {
      events.add(
          doc.createdAt(),
          Type.DOCUMENT,
          "Document %s : %s".formatted(doc.kind(), doc.fileName()),
          SYSTEM,
          details(
              "documentId", doc.id(),
              "kind", doc.kind(),
              "template", doc.template(),
              "fileName", doc.fileName(),
              "contentType", doc.contentType(),
              "sizeBytes", doc.sizeBytes(),
              "sha256", doc.sha256()),
          RANK_RECORD,
          doc.id());
    }
    for (AuditRecords.PortalStep step : records.portalSteps(c.id())) {
      events.add(
          step.at(),
          Type.PORTAL,
          step.summary() == null ? step.kind() : step.summary(),
          "débiteur (portail)",
          details("portalActionId", step.id(), "kind", step.kind()),
          RANK_RECORD,
          step.id());
    }
    for (AuditRecords.Payment pay : records.payments(c.id())) {
      PaymentSource source = PaymentSource.valueOf(pay.source());
      String by = source == PaymentSource.DEBTOR ? "" : ", " + source.label();
      events.add(
          pay.recordedAt(),
          Type.PAYMENT,
          "Paiement reçu : %s € (%s%s)"
              .formatted(pay.amount().toPlainString(), pay.reference(), by),
          actor(pay.recordedBy()),
          details(
              "paymentId", pay.id(),
              "reference", pay.reference(),
              "amount", pay.amount(),
              "unallocated", pay.unallocated(),
              "paidOn", pay.paidOn().toString(),
              "source", source.name()),
          RANK_RECORD,
          pay.id());
    }
    for (LegalEvents.LegalEvent e : legalEvents.of(c.id())) {
      events.add(
          e.recordedAt(),
          Type.LEGAL_EVENT,
          "Événement juridique : " + e.type(),
          actor(e.recordedBy()),
          details(
              "legalEventId", e.id(),
              "type", e.type().name(),
              "occurredOn", e.occurredOn().toString(),
              "endsOn", e.endsOn() == null ? null : e.endsOn().toString(),
              "details", e.details()),
          RANK_RECORD,
          e.id());
    }
    for (AuditRecords.Cost cost : records.costs(c.id())) {
      events.add(
          cost.recordedAt(),
          Type.COST,
          "Frais %s : %s €".formatted(cost.kind(), cost.amount().toPlainString()),
          actor(cost.recordedBy()),
          details(
              "costId", cost.id(),
              "kind", cost.kind(),
              "amount", cost.amount(),
              "incurredOn", cost.incurredOn().toString(),
              "reference", cost.reference()),
          RANK_RECORD,
          cost.id());
    }
  }

  // --- helpers

  static String actor(String userId) {
    return userId == null || userId.isBlank() ? SYSTEM : userId;
  }

  private static Instant at(Date date) {
    return date.toInstant();
  }

  /**
   * Values as JSON shows them: numbers, booleans and text as they are, dates as ISO instants, the
   * rest as text.
   */
  private static Object value(Object v) {
    if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
      return v;
    }
    if (v instanceof Date date) {
      return date.toInstant().atOffset(ZoneOffset.UTC).toString();
    }
    return v.toString();
  }

  /**
   * The engine's ids are time-based UUIDs: their timestamp orders rows written in the same
   * millisecond.
   */
  static long seq(String id) {
    if (id == null) {
      return 0L;
    }
    // activity instance ids are "<activityId>:<uuid>"
    id = id.substring(id.lastIndexOf(':') + 1);
    try {
      UUID uuid = UUID.fromString(id);
      return uuid.version() == 1 ? uuid.timestamp() : 0L;
    } catch (IllegalArgumentException notUuid) {
      try {
        return Long.parseLong(id);
      } catch (NumberFormatException e) {
        return 0L;
      }
    }
  }

  /**
   * A map keeping the order given, with null values kept (an auditor sees that a field was empty).
   */
  static Map<String, Object> details(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  private static final class Events {
    private record Entry(TimelineEvent event, int rank, long seq, int index) {}

    private final List<Entry> entries = new ArrayList<>();

    void add(
        Instant at,
        Type type,
        String title,
        String actor,
        Map<String, Object> details,
        int rank,
        long seq) {
      entries.add(
          new Entry(
              new TimelineEvent(at, type.name(), title, actor, details),
              rank,
              seq,
              entries.size()));
    }

    List<TimelineEvent> sorted() {
      return entries.stream()
          .sorted(
              Comparator.comparing((Entry e) -> e.event().at())
                  .thenComparingInt(Entry::rank)
                  .thenComparingLong(Entry::seq)
                  .thenComparingInt(Entry::index))
          .map(Entry::event)
          .toList();
    }
  }
}

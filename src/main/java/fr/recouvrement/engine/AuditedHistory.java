package fr.recouvrement.engine;

import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * History level {@code full}, less rows nobody reads (issue 14, P4; docs/performance.md « Bytes per
 * case, table by table » measures each kind). What an auditor reads (docs/auditors.md, the {@code
 * audit} package, {@code /engine-rest/history/...}) is all kept: every process instance and every
 * activity instance of a step, event, timer, task, decision, call or subprocess, every task with
 * its identity links and who completed it, every decision with its inputs and outputs, the user
 * operation log, incidents, job failures and the successes of asynchronous steps (the cluster drill
 * reads which node ran a send), the last value of every variable ({@code act_hi_varinst}) but the
 * copies of decisions' answers and inputs below, and every variable value a person wrote: a form
 * submitted with a task, a variable set by hand in Cockpit or through /engine-rest.
 *
 * <p>Not written:
 *
 * <ul>
 *   <li>the {@code act_hi_actinst} rows of gateways and of plain start and end events, which the
 *       audit timeline never showed (about a third of a reminder cycle's activity rows);
 *   <li>the {@code act_hi_varinst} row of a variable that only carries a decision's answer or a
 *       decision's input from one step to the next ({@link #KEPT_BY_DECISIONS}), while no person
 *       writes it: each value it took is an output ({@code act_hi_dec_out}) or an input ({@code
 *       act_hi_dec_in}) of the decision of its step, which the replay and the timeline read; the
 *       variable row was a third copy that no page reads. (One exception, for the reminders' facts:
 *       a step that finds nothing left to chase, the balance under dispute, waits a day without a
 *       decision; that balance is our tables' invoices, payments and disputes, which stay.) The
 *       running process still has these variables ({@code act_ru_variable}), so the models'
 *       conditions and the steps read them as before;
 *   <li>the {@code act_hi_detail} row of a variable written by a step of a process (a delegate, an
 *       output mapping, the start of a case by the API) while nobody is authenticated to the engine
 *       and no task or user operation is involved: the facts behind them are in our tables, the
 *       decisions keep their own inputs, and {@code act_hi_varinst} keeps the last value;
 *   <li>the {@code act_hi_job_log} rows of a job being created or deleted: its activity instance
 *       says when it started and whether it was cancelled, and its success or failure rows stay;
 *   <li>the {@code act_hi_job_log} row of a timer that fired ({@link #TIMERS}): the timer's
 *       activity instance (or the start of its process or event subprocess) ends or starts at that
 *       moment, and a timer does no work of its own; a timer that failed keeps its failure rows,
 *       which the timeline shows, and the asynchronous steps after it (a send) keep their success
 *       rows, with the node that ran them (the cluster drill reads those).
 * </ul>
 */
class AuditedHistory extends DbHistoryEventHandler {
  /**
   * Flow nodes the audit timeline leaves out ({@code HistoryCaseTimeline.NOISE}): a gateway decides
   * and the next step (or the decision before it) shows what it decided; a plain start or end event
   * is the process's own start and end, kept on the process instance row.
   */
  static final java.util.Set<String> UNREAD_ACTIVITY_TYPES =
      java.util.Set.of(
          "exclusiveGateway", "inclusiveGateway", "parallelGateway", "startEvent", "noneEndEvent");

  /**
   * The job types of timers whose firing is an activity instance's end or start (not a task's
   * timeout listener, which has no activity row).
   */
  static final java.util.Set<String> TIMERS =
      java.util.Set.of(
          "timer-intermediate-transition",
          "timer-transition",
          "timer-start-event",
          "timer-start-event-subprocess");

  /**
   * By process definition key, the variables whose every value is a decision's recorded output or
   * input in the same process ({@code AuditedHistoryTest} checks it against the models): the
   * business rule task's output mapping writes them ({@code ${decisionResult...}}), or a step
   * writes them right before the decision that reads them as inputs, and nothing else in that
   * process writes them.
   *
   * <ul>
   *   <li>amicable-reminders: reminder-cadence's answer (action, delayDays, minGapDays,
   *       fallbackAction) and reminder-content's (template, tone, approvalRequired); the facts «
   *       Préparer l'étape de relance » reads fresh for both tables (segment, balance, daysOverdue,
   *       debtorType). The step number ({@code reminderStep}) is kept: it counts sends;
   *   <li>debtor-segmentation: debtor-segment's answer (segment, strategy), mapped back to the
   *       case, whose own variables keep their rows.
   * </ul>
   */
  static final java.util.Map<String, java.util.Set<String>> KEPT_BY_DECISIONS =
      java.util.Map.of(
          "amicable-reminders",
          java.util.Set.of(
              "action",
              "delayDays",
              "minGapDays",
              "fallbackAction",
              "template",
              "tone",
              "approvalRequired",
              "segment",
              "balance",
              "daysOverdue",
              "debtorType"),
          "debtor-segmentation",
          java.util.Set.of("segment", "strategy"));

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricActivityInstanceEventEntity activity
        && UNREAD_ACTIVITY_TYPES.contains(activity.getActivityType())) {
      return;
    }
    if (event instanceof HistoricVariableUpdateEventEntity variable
        && keptByADecision(variable)
        && !byAPerson(variable)) {
      return;
    }
    if (event instanceof HistoricJobLogEvent log
        && (log.isCreationLog()
            || log.isDeletionLog()
            || (log.isSuccessLog() && TIMERS.contains(log.getJobDefinitionType())))) {
      return;
    }
    super.handleEvent(event);
  }

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
    return super.shouldWriteHistoricDetail(event) && byAPerson(event);
  }

  static boolean keptByADecision(HistoricVariableUpdateEventEntity event) {
    return event.getProcessDefinitionKey() != null
        && KEPT_BY_DECISIONS
            .getOrDefault(event.getProcessDefinitionKey(), java.util.Set.of())
            .contains(event.getVariableName());
  }

  /**
   * Whether a person's action wrote the variable: a task, a user operation, an authenticated
   * caller.
   */
  static boolean byAPerson(HistoricVariableUpdateEventEntity event) {
    if (event.getUserOperationId() != null || event.getTaskId() != null) {
      return true;
    }
    CommandContext command = Context.getCommandContext();
    if (command == null
        || command.getAuthenticatedUserId() != null
        || command.getOperationId() != null) {
      return true;
    }
    // a task completed without an authenticated engine user still keeps what it submitted
    BpmnExecutionContext bpmn = Context.getBpmnExecutionContext();
    ExecutionEntity execution = bpmn == null ? null : bpmn.getExecution();
    return execution != null
        && execution.getActivity() != null
        && "userTask".equals(execution.getActivity().getProperty("type"));
  }
}

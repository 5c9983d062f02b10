package fr.recouvrement.engine;

import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;

/**
 * History level {@code full}, less two kinds of rows nobody reads (issue 14, P4). What an auditor
 * reads (docs/auditors.md, the {@code audit} package) is all kept: every process instance and every
 * activity instance of a step, event, timer, task, call or subprocess, every task with its identity
 * links and who completed it, every decision with its inputs and outputs, the user operation log,
 * incidents, job failures and successes (the cluster drill reads which node ran a send), the last
 * value of every variable ({@code act_hi_varinst}), and every variable value a person wrote: a form
 * submitted with a task, a variable set by hand in Cockpit or through /engine-rest.
 *
 * <p>Not written:
 *
 * <ul>
 *   <li>the {@code act_hi_actinst} rows of gateways and of plain start and end events, which the
 *       audit timeline never showed (about a third of a reminder cycle's activity rows);
 *   <li>the {@code act_hi_detail} row of a variable written by a step of a process (a delegate, an
 *       output mapping, the start of a case by the API) while nobody is authenticated to the engine
 *       and no task or user operation is involved: the facts behind them are in our tables, the
 *       decisions keep their own inputs, and {@code act_hi_varinst} keeps the last value;
 *   <li>the {@code act_hi_job_log} rows of a job being created or deleted: its activity instance
 *       says when it started and whether it was cancelled, and its success or failure rows stay.
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

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricActivityInstanceEventEntity activity
        && UNREAD_ACTIVITY_TYPES.contains(activity.getActivityType())) {
      return;
    }
    if (event instanceof HistoricJobLogEvent log && (log.isCreationLog() || log.isDeletionLog())) {
      return;
    }
    super.handleEvent(event);
  }

  /**
   * The engine updates a variable's history row ({@code act_hi_varinst}) by reading it first, one
   * query per variable written (issue 14: 17 % of a reminder's jobs' waits on a socket, for about
   * twenty variables a step writes). The first update of a transaction reads all the rows of that
   * process instance in one query instead; the engine's cache then answers the reads of the others.
   * What is written is the same.
   */
  @Override
  protected void insertHistoricVariableUpdateEntity(HistoricVariableUpdateEventEntity event) {
    if (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE)) {
      readVariableRowsOfTheInstance(event);
    }
    super.insertHistoricVariableUpdateEntity(event);
  }

  private static void readVariableRowsOfTheInstance(HistoricVariableUpdateEventEntity event) {
    CommandContext command = Context.getCommandContext();
    String instance = event.getProcessInstanceId();
    if (command == null
        || instance == null
        || command
                .getDbEntityManager()
                .getCachedEntity(
                    HistoricVariableInstanceEntity.class, event.getVariableInstanceId())
            != null) {
      return;
    }
    command
        .getHistoricVariableInstanceManager()
        .findHistoricVariableInstancesByProcessInstanceId(instance);
  }

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
    return super.shouldWriteHistoricDetail(event) && byAPerson(event);
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

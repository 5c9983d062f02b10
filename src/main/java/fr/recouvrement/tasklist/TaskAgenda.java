package fr.recouvrement.tasklist;

import fr.recouvrement.cases.CaseNotFoundException;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.channel.CaseMessages;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.insolvency.InsolvencyService;
import fr.recouvrement.legal.insolvency.InsolvencyView;
import fr.recouvrement.web.pages.Labels;
import fr.recouvrement.web.pages.PageFormats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A collector's agenda, prepared when a task is created (the listener {@link TaskAgendaPlugin} puts
 * on every collector's and supervisor's user task): the task's priority from the {@code
 * task-priority} table (amount at stake, days overdue, segment, days to the nearest legal
 * deadline), and task-local variables that Tasklist shows on the task's card and that every
 * collector form shows in its header, already formatted in French (form-js cannot format a number):
 *
 * <ul>
 *   <li>{@code agendaDebtor}, {@code agendaAmount} (« 49 229,44 € »), {@code agendaDaysOverdue},
 *       {@code agendaNextDeadline} (« 06/12/2031 (prescription) »), {@code agendaPriority}: the
 *       card;
 *   <li>{@code caseContext}: the header of every form (debtor, amount, delay, deadline, segment, a
 *       {@code tel:} link, a link to the case page), Markdown;
 *   <li>{@code caseInvoices}, {@code caseMessages}, {@code casePromises}: the call form's tables;
 *   <li>{@code agendaApproval}: true on a four-eyes approval (BPMN property {@code approval =
 *       four-eyes} on the user task), so that « À approuver » lists only those and the team's list
 *       never.
 * </ul>
 *
 * The figures are those of the moment the task is created: the task is a snapshot of what to do.
 */
@Component("taskAgenda")
public class TaskAgenda implements TaskListener {
  private static final Logger log = LoggerFactory.getLogger(TaskAgenda.class);

  static final String DECISION = "task-priority";
  static final String APPROVAL = "agendaApproval";
  static final String PRIORITY = "agendaPriority";
  static final String DEBTOR = "agendaDebtor";
  static final String AMOUNT = "agendaAmount";
  static final String DAYS_OVERDUE = "agendaDaysOverdue";
  static final String NEXT_DEADLINE = "agendaNextDeadline";
  static final String CONTEXT = "caseContext";
  static final String INVOICES = "caseInvoices";
  static final String PAST_CONTACTS = "caseMessages";
  static final String PROMISES = "casePromises";

  /**
   * The BPMN property that marks a four-eyes approval: {@code <camunda:property name="approval"
   * value="four-eyes"/>}.
   */
  static final String APPROVAL_PROPERTY = "approval";

  static final String FOUR_EYES = "four-eyes";

  /**
   * Engine string variables hold 4,000 characters: a table longer than that is cut, with a pointer
   * to the case page.
   */
  static final int MAX_TEXT = 3_800;

  static final int MAX_ROWS = 10;

  private final CaseService cases;
  private final CaseMessages messages;
  private final InsolvencyService insolvencies;
  private final DecisionService decisions;

  TaskAgenda(
      CaseService cases,
      CaseMessages messages,
      InsolvencyService insolvencies,
      DecisionService decisions) {
    this.cases = cases;
    this.messages = messages;
    this.insolvencies = insolvencies;
    this.decisions = decisions;
  }

  /**
   * What the agenda knows of a case on a day; {@code nextDeadline} null when no legal deadline is
   * running.
   */
  record Facts(
      BigDecimal amountAtStake,
      long daysOverdue,
      String segment,
      LocalDate nextDeadline,
      String deadlineKind) {
    Long daysToDeadline(LocalDate today) {
      return nextDeadline == null ? null : ChronoUnit.DAYS.between(today, nextDeadline);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(APPROVAL, isApproval(task.getBpmnModelElementInstance()));
    String reference =
        task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    Optional<Map<String, Object>> card;
    try {
      card = describe(reference);
    } catch (RuntimeException e) {
      // the agenda helps people choose; a case never stops for it (a table an analyst broke, say)
      log.error(
          "No agenda for task {} of case {}: it keeps the default priority",
          task.getName(),
          reference,
          e);
      return;
    }
    card.ifPresent(
        c -> {
          task.setPriority((Integer) c.get(PRIORITY));
          task.setVariablesLocal(c);
        });
  }

  /**
   * The task-local variables of a task of this case (its priority under {@link #PRIORITY}); empty
   * when no case has that reference.
   */
  Optional<Map<String, Object>> describe(String reference) {
    if (reference == null) {
      return Optional.empty();
    }
    CaseView view;
    try {
      view = cases.get(reference);
    } catch (CaseNotFoundException e) {
      log.debug("No case {}: no agenda", reference);
      return Optional.empty();
    }
    LocalDate today = CaseClock.today();
    Facts facts = facts(view, insolvencies.ofCase(reference), today);
    int priority = priority(facts, today);
    PageFormats fmt = PageFormats.FRENCH;
    Map<String, Object> card = new java.util.LinkedHashMap<>();
    card.put(PRIORITY, priority);
    card.put(DEBTOR, view.debtor().name());
    card.put(AMOUNT, fmt.amount(facts.amountAtStake()));
    card.put(DAYS_OVERDUE, (int) facts.daysOverdue());
    card.put(NEXT_DEADLINE, deadline(facts));
    card.put(CONTEXT, CaseMarkdown.header(view, facts));
    card.put(INVOICES, CaseMarkdown.invoices(view, today));
    card.put(PAST_CONTACTS, CaseMarkdown.messages(messages.latest(reference, MAX_ROWS)));
    card.put(PROMISES, CaseMarkdown.promises(view));
    return Optional.of(card);
  }

  static Facts facts(CaseView view, Optional<InsolvencyView> insolvency, LocalDate today) {
    long overdue =
        view.invoices().stream()
            .filter(
                i ->
                    i.outstanding().signum() > 0
                        && i.dueDate() != null
                        && i.dueDate().isBefore(today))
            .map(CaseView.Invoice::dueDate)
            .min(Comparator.naturalOrder())
            .map(due -> ChronoUnit.DAYS.between(due, today))
            .orElse(0L);
    LocalDate deadline = view.prescriptionDate();
    String kind = deadline == null ? null : "prescription";
    if (insolvency.isPresent()
        && insolvency.get().claimFiledOn() == null
        && insolvency.get().claimDeadline() != null
        && (deadline == null || insolvency.get().claimDeadline().isBefore(deadline))) {
      deadline = insolvency.get().claimDeadline();
      kind = "déclaration de créance";
    }
    return new Facts(view.balance(), overdue, view.segment(), deadline, kind);
  }

  /** The table's sum, within 0..100 whatever an analyst made of the table. */
  int priority(Facts facts, LocalDate today) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(
        "amountAtStake", facts.amountAtStake() == null ? 0d : facts.amountAtStake().doubleValue());
    inputs.put("daysOverdue", facts.daysOverdue());
    inputs.put("segment", facts.segment());
    inputs.put("daysToDeadline", facts.daysToDeadline(today));
    // the decision is the model's, not the user's: whoever completed the previous task may not
    // evaluate decisions
    CommandContext command = Context.getCommandContext();
    Object sum =
        command == null
            ? decisions
                .evaluateDecisionByKey(DECISION)
                .variables(inputs)
                .evaluate()
                .getSingleEntry()
            : command.runWithoutAuthorization(
                () ->
                    decisions
                        .evaluateDecisionByKey(DECISION)
                        .variables(inputs)
                        .evaluate()
                        .getSingleEntry());
    int points = sum instanceof Number n ? n.intValue() : 0;
    return Math.max(0, Math.min(100, points));
  }

  static String deadline(Facts facts) {
    return facts.nextDeadline() == null
        ? "—"
        : PageFormats.FRENCH.date(facts.nextDeadline()) + " (" + facts.deadlineKind() + ")";
  }

  static boolean isApproval(UserTask element) {
    ExtensionElements extensions = element == null ? null : element.getExtensionElements();
    if (extensions == null) {
      return false;
    }
    List<CamundaProperty> properties = new ArrayList<>();
    extensions
        .getElementsQuery()
        .filterByType(CamundaProperties.class)
        .list()
        .forEach(p -> properties.addAll(p.getCamundaProperties()));
    return properties.stream()
        .anyMatch(
            p ->
                APPROVAL_PROPERTY.equals(p.getCamundaName())
                    && FOUR_EYES.equals(p.getCamundaValue()));
  }

  /** The label of a code for a person, from the one place labels live. */
  static Labels labels() {
    return Labels.FRENCH;
  }
}

package fr.recouvrement.legal.court;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.kernel.time.Territory;
import fr.recouvrement.legal.LegalDeadlines;
import fr.recouvrement.legal.LegalRule;
import fr.recouvrement.legal.Residence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries running orders to pay over to the dated rules, once. Versions of {@code order-to-pay}
 * deployed before the {@code legal-deadlines} table wrote 6 months to serve and one month to oppose
 * into the model: an order made since 1 September 2026 (décret n° 2026-96: 3 months to serve, two
 * months after service before enforcing) or a debtor overseas or abroad (CPC 643) got wrong dates.
 * Their running instances are migrated to the latest version (same activity ids), given the
 * debtor's residence and calendar, and their dates and timers recomputed from the table; a deadline
 * that has already passed under the right rule fires at once (an order not served in time is void).
 * Versions that already read the table are left alone: running cases keep their version, as usual.
 * A service recorded before the form asked whether it was made to the person stays on the usual
 * path ({@code servedToPerson} stays unknown).
 */
@Component
class OrderToPayCarryOver {
  private static final Logger log = LoggerFactory.getLogger(OrderToPayCarryOver.class);
  static final String PROCESS_KEY = "order-to-pay";

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final TaskService tasks;
  private final LegalDeadlines legalDeadlines;
  private final CourtDates dates = new CourtDates();
  private final Function<String, CaseView.Address> addressOfCase;

  /**
   * Runs one instance's carry-over in one transaction: its dates and its migration together, or
   * neither.
   */
  private final Consumer<Runnable> inTransaction;

  @Autowired
  OrderToPayCarryOver(
      RuntimeService runtime,
      RepositoryService repository,
      TaskService tasks,
      LegalDeadlines legalDeadlines,
      CaseService cases,
      TransactionTemplate tx) {
    this(
        runtime,
        repository,
        tasks,
        legalDeadlines,
        reference -> cases.get(reference).debtor().address(),
        work -> tx.executeWithoutResult(status -> work.run()));
  }

  OrderToPayCarryOver(
      RuntimeService runtime,
      RepositoryService repository,
      TaskService tasks,
      LegalDeadlines legalDeadlines,
      Function<String, CaseView.Address> addressOfCase,
      Consumer<Runnable> inTransaction) {
    this.runtime = runtime;
    this.repository = repository;
    this.tasks = tasks;
    this.legalDeadlines = legalDeadlines;
    this.addressOfCase = addressOfCase;
    this.inTransaction = inTransaction;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    int moved = carryOver();
    if (moved > 0) {
      log.info("{} running order(s) to pay carried over to the dated legal-deadlines rules", moved);
    }
  }

  /**
   * @return how many instances were carried over
   */
  int carryOver() {
    ProcessDefinition latest =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(PROCESS_KEY)
            .latestVersion()
            .singleResult();
    if (latest == null || !readsLegalDeadlines(latest)) {
      return 0;
    }
    int moved = 0;
    for (ProcessDefinition old :
        repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).list()) {
      if (old.getVersion() >= latest.getVersion() || readsLegalDeadlines(old)) {
        continue;
      }
      List<ProcessInstance> running =
          runtime.createProcessInstanceQuery().processDefinitionId(old.getId()).list();
      if (running.isEmpty()) {
        continue;
      }
      MigrationPlan plan =
          runtime
              .createMigrationPlan(old.getId(), latest.getId())
              .mapEqualActivities()
              .updateEventTriggers()
              .build();
      for (ProcessInstance instance : running) {
        // each instance on its own: one that cannot be migrated is logged and left for a person,
        // not the others
        try {
          inTransaction.accept(
              () -> {
                // the dates first: migrating with updateEventTriggers evaluates the new model's
                // timers on them
                residenceOf(instance);
                recompute(instance.getId());
                runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
                retimeOppositionTask(instance.getId());
              });
          moved++;
        } catch (RuntimeException e) {
          log.error(
              "Order to pay {} (case {}) could not be carried over to the dated rules: migrate it in Cockpit",
              instance.getId(),
              instance.getBusinessKey(),
              e);
        }
      }
    }
    return moved;
  }

  private boolean readsLegalDeadlines(ProcessDefinition definition) {
    try (InputStream in = repository.getProcessModel(definition.getId())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("legalDeadlines.");
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read process definition " + definition.getId(), e);
    }
  }

  private void residenceOf(ProcessInstance instance) {
    String reference = (String) runtime.getVariable(instance.getId(), "caseReference");
    CaseView.Address address = reference == null ? null : addressOfCase.apply(reference);
    String country = address == null ? null : address.country();
    String postalCode = address == null ? null : address.postalCode();
    Map<String, Object> where = new HashMap<>();
    where.put("residence", Residence.of(country, postalCode).name());
    where.put("debtorTerritory", Territory.of(country, postalCode).name());
    runtime.setVariables(instance.getId(), where);
  }

  private void recompute(String instanceId) {
    Map<String, Object> v = runtime.getVariables(instanceId);
    Object decision = v.get("orderDecisionDate");
    if (decision == null) {
      return;
    }
    Residence residence = Residence.valueOf((String) v.get("residence"));
    Object territory = v.get("debtorTerritory");
    LocalDate orderDate = CourtDates.day(decision);
    Map<String, Object> set = new HashMap<>();
    var service = legalDeadlines.find(LegalRule.ORDER_TO_PAY_SERVICE, orderDate, residence);
    String serviceDeadline = dates.lastDay(orderDate, service.period().toString(), territory);
    set.put("servicePeriod", service.period().toString());
    set.put("serviceDeadlineSource", service.source());
    set.put("serviceDeadline", serviceDeadline);
    if (v.get("oppositionDeadline") != null && v.get("bailiffReportedOn") != null) {
      LocalDate served = CourtDates.day(v.get("bailiffReportedOn"));
      var opposition = legalDeadlines.find(LegalRule.ORDER_TO_PAY_OPPOSITION, orderDate, residence);
      var wait = legalDeadlines.find(LegalRule.ORDER_TO_PAY_ENFORCEMENT_WAIT, orderDate, residence);
      String oppositionDeadline = dates.lastDay(served, opposition.period().toString(), territory);
      String waitDeadline = dates.lastDay(served, wait.period().toString(), territory);
      String titleDate = dates.later(oppositionDeadline, waitDeadline);
      set.put("oppositionDeadline", oppositionDeadline);
      set.put("oppositionSource", opposition.source());
      set.put("enforcementWaitDeadline", waitDeadline);
      set.put("enforcementWaitSource", wait.source());
      set.put("titleDate", titleDate);
    }
    set.put("legalRulesCarriedOverOn", CaseClock.today().toString());
    runtime.setVariables(instanceId, set);
  }

  /** A migrated user task keeps its due date; the timers were evaluated again by the migration. */
  private void retimeOppositionTask(String instanceId) {
    Object titleDate = runtime.getVariable(instanceId, "titleDate");
    if (titleDate == null) {
      return;
    }
    for (Task t :
        tasks
            .createTaskQuery()
            .processInstanceId(instanceId)
            .taskDefinitionKey("Task_RecordOpposition")
            .list()) {
      t.setDueDate(dates.on(titleDate, "P0D"));
      tasks.saveTask(t);
    }
  }
}

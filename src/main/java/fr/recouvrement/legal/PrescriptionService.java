package fr.recouvrement.legal;

import fr.recouvrement.cases.DebtorType;
import fr.recouvrement.engine.HouseDelays;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.Prescription.Outcome;
import fr.recouvrement.legal.PrescriptionRepository.CaseHead;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;

/**
 * Keeps each case's prescription up to date (see {@link PrescriptionFacts} for what counts, {@link
 * Prescription} for the arithmetic and its articles, the {@code legal-deadlines} table for the
 * periods).
 *
 * <p>{@link #refresh(long)} stores {@code collection_case.prescription_date} (the last day the
 * claim can be acted on), {@code enforceable_title_on}, and each unpaid invoice's date and act, and
 * gives the case's process instance two timer dates, {@code java.util.Date} values like {@code
 * promiseCheckAt}:
 *
 * <ul>
 *   <li>{@code prescriptionDate}: 08:00 Europe/Paris on the day after the stored date, the first
 *       morning the claim is time-barred, so a timer on it never fires while the creditor can still
 *       act;
 *   <li>{@code prescriptionWarningAt}: 08:00 Europe/Paris, {@link
 *       HouseDelays#PRESCRIPTION_WARNING_DAYS} days before the stored date (the house-delays table,
 *       « Délais de gestion », read when the date is pushed).
 * </ul>
 *
 * <p>While a court claim runs there is no prescription date (C. civ. 2242): both timers are pushed
 * to {@link #WHILE_PROCEEDINGS_RUN}, so neither can fire however long the lawsuit lasts, and they
 * are re-dated when the proceedings end (the title, or a lapse / rejection / lost lawsuit that puts
 * the old date back). Then the due dates of the timer jobs {@value #TIMER_WARNING} and {@value
 * #TIMER_PRESCRIBED} of that instance are recalculated from those variables. Callers run it inside
 * their own transaction.
 *
 * <p>The bean is called {@code prescription} for expressions: {@code
 * ${prescription.isPrescribed(caseReference)}}.
 */
@Service("prescription")
public class PrescriptionService {
  public static final String TIMER_WARNING = "Timer_PrescriptionWarning";
  public static final String TIMER_PRESCRIBED = "Timer_Prescribed";
  public static final String VAR_PRESCRIPTION_DATE = "prescriptionDate";
  public static final String VAR_WARNING_AT = "prescriptionWarningAt";

  /** When timers fire: office hours, so the warning lands in a supervisor's morning. */
  static final LocalTime TIMER_TIME = LocalTime.of(8, 0);

  /** Where both timers wait while a court claim runs: no date exists until the proceedings end. */
  public static final LocalDate WHILE_PROCEEDINGS_RUN = LocalDate.of(9999, 12, 31);

  private final PrescriptionRepository repository;
  private final LegalEvents legalEvents;
  private final LegalDeadlines legalDeadlines;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final HouseDelays houseDelays;

  PrescriptionService(
      PrescriptionRepository repository,
      LegalEvents legalEvents,
      LegalDeadlines legalDeadlines,
      RuntimeService runtimeService,
      ManagementService managementService,
      HouseDelays houseDelays) {
    this.repository = repository;
    this.legalEvents = legalEvents;
    this.legalDeadlines = legalDeadlines;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.houseDelays = houseDelays;
    legalEvents.onChange(this::refresh);
  }

  /**
   * A case's prescription as it stands: the last day to act (empty while a court claim runs) and
   * the act that set it.
   */
  public record Status(Optional<LocalDate> date, PrescriptionAct act) {
    public boolean pending() {
      return date.isEmpty();
    }
  }

  /**
   * Recomputes, stores and pushes the case's prescription date to its process; empty when nothing
   * is owed any more (the stored date is then cleared and the process left alone) and while a court
   * claim runs (the timers then wait, see the class comment).
   */
  public Optional<LocalDate> refresh(long caseId) {
    return status(caseId).flatMap(Status::date);
  }

  public Optional<LocalDate> refresh(String caseReference) {
    return repository.caseId(caseReference).flatMap(this::refresh);
  }

  /** As {@link #refresh(long)}, telling a running court claim apart from nothing owed. */
  public Optional<Status> status(long caseId) {
    Optional<CaseHead> head = repository.head(caseId);
    if (head.isEmpty()) {
      return Optional.empty();
    }
    PrescriptionFacts facts = facts(head.get());
    Map<Long, Outcome> byInvoice = facts.byInvoice();
    Optional<Outcome> outcome = PrescriptionFacts.earliest(byInvoice);
    repository.store(caseId, outcome.map(Outcome::date).orElse(null), facts.titleOn(), byInvoice);
    String instance = head.get().processInstanceId();
    if (outcome.isPresent()
        && instance != null
        && runtimeService.createProcessInstanceQuery().processInstanceId(instance).active().count()
            > 0) {
      runtimeService.setVariables(instance, timerVariables(outcome.get()));
      for (String timer : List.of(TIMER_WARNING, TIMER_PRESCRIBED)) {
        for (Job job :
            managementService
                .createJobQuery()
                .processInstanceId(instance)
                .activityId(timer)
                .list()) {
          managementService.recalculateJobDuedate(job.getId(), false);
        }
      }
    }
    return outcome.map(o -> new Status(Optional.ofNullable(o.date()), o.act()));
  }

  /**
   * The last day the case's claim can be acted on, computed now (not the stored copy); empty while
   * a court claim runs.
   */
  public Optional<LocalDate> date(String caseReference) {
    return repository
        .caseId(caseReference)
        .flatMap(id -> repository.head(id))
        .flatMap(h -> facts(h).date());
  }

  /**
   * Whether the case's claim is time-barred today: a prescribed claim cannot go to a legal step.
   */
  public boolean isPrescribed(String caseReference) {
    LocalDate today = CaseClock.today();
    return date(caseReference).map(today::isAfter).orElse(false);
  }

  /** Each invoice's stored prescription (date null while a court claim runs), by invoice number. */
  public Map<String, Outcome> byInvoice(long caseId) {
    return repository.storedByInvoice(caseId);
  }

  /**
   * The two timer variables for a case whose last day to act is {@code date}; the warning as many
   * days before as the latest house-delays table says.
   */
  public Map<String, Object> timerVariables(LocalDate date) {
    return Map.of(
        VAR_PRESCRIPTION_DATE,
        at(date.plusDays(1)),
        VAR_WARNING_AT,
        at(date.minusDays(houseDelays.days(HouseDelays.PRESCRIPTION_WARNING_DAYS))));
  }

  /**
   * The timer variables of an outcome: both at {@link #WHILE_PROCEEDINGS_RUN} while a court claim
   * runs.
   */
  public Map<String, Object> timerVariables(Outcome outcome) {
    if (outcome.pending()) {
      Date never = at(WHILE_PROCEEDINGS_RUN);
      return Map.of(VAR_PRESCRIPTION_DATE, never, VAR_WARNING_AT, never);
    }
    return timerVariables(outcome.date());
  }

  static Date at(LocalDate day) {
    return Date.from(day.atTime(TIMER_TIME).atZone(CaseClock.PARIS).toInstant());
  }

  /**
   * Open cases that have not had their per-invoice prescription stored yet (see {@link
   * PrescriptionCarryOver}).
   */
  List<Long> notCarriedOver(int limit) {
    return repository.notCarriedOver(limit);
  }

  private PrescriptionFacts facts(CaseHead head) {
    long caseId = head.id();
    return new PrescriptionFacts(
        head.debtorType(),
        repository.unpaidInvoices(caseId),
        repository.paymentDatesByInvoice(caseId),
        repository.planDates(caseId),
        repository.mediations(caseId),
        legalEvents.of(caseId),
        CaseClock.today(),
        periods());
  }

  /**
   * The periods of the {@code legal-deadlines} table, for the date that decides each, looked up
   * once per rule and date for one computation (a case's invoices often share due dates). The
   * creditor of this engine is always a professional, so the debtor's type decides between the
   * consumer's 2 years (C. conso L218-2) and the default 5.
   */
  private PrescriptionFacts.Periods periods() {
    Map<String, Period> seen = new HashMap<>();
    return new PrescriptionFacts.Periods() {
      @Override
      public Period claim(DebtorType debtorType, LocalDate dueDate) {
        return period(
            debtorType == DebtorType.CONSUMER
                ? LegalRule.PRESCRIPTION_CONSUMER
                : LegalRule.PRESCRIPTION_DEFAULT,
            dueDate);
      }

      @Override
      public Period title(LocalDate titleOn) {
        return period(LegalRule.PRESCRIPTION_TITLE, titleOn);
      }

      @Override
      public Period minimumAfterSuspension(LocalDate decidingDate) {
        return period(LegalRule.PRESCRIPTION_MINIMUM_AFTER_SUSPENSION, decidingDate);
      }

      private Period period(LegalRule rule, LocalDate date) {
        return seen.computeIfAbsent(
            rule + "@" + date, k -> legalDeadlines.find(rule, date).period());
      }
    };
  }
}

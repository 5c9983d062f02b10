package fr.recouvrement.legal;

import fr.recouvrement.cases.CaseClock;
import fr.recouvrement.legal.PrescriptionFacts.Suspension;
import fr.recouvrement.legal.PrescriptionRepository.CaseHead;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;

/**
 * Keeps each case's prescription date up to date (see {@link PrescriptionFacts} for what counts,
 * {@link Prescription} for the arithmetic and its articles).
 *
 * <p>{@link #refresh(long)} stores {@code collection_case.prescription_date} (the last day the claim
 * can be acted on) and {@code enforceable_title_on}, and gives the case's process instance two timer
 * dates, {@code java.util.Date} values like {@code promiseCheckAt}:
 *
 * <ul>
 *   <li>{@code prescriptionDate}: 08:00 Europe/Paris on the day after the stored date, the first
 *       morning the claim is time-barred, so a timer on it never fires while the creditor can still act;
 *   <li>{@code prescriptionWarningAt}: 08:00 Europe/Paris, 90 days before the stored date.
 * </ul>
 *
 * <p>Then the due dates of the timer jobs {@value #TIMER_WARNING} and {@value #TIMER_PRESCRIBED}
 * of that instance are recalculated from those variables, so a payment or a court claim moves
 * waiting timers. Callers run it inside their own transaction.
 *
 * <p>The bean is called {@code prescription} for expressions: {@code ${prescription.isPrescribed(caseReference)}}.
 */
@Service("prescription")
public class PrescriptionService {
  public static final String TIMER_WARNING = "Timer_PrescriptionWarning";
  public static final String TIMER_PRESCRIBED = "Timer_Prescribed";
  public static final String VAR_PRESCRIPTION_DATE = "prescriptionDate";
  public static final String VAR_WARNING_AT = "prescriptionWarningAt";
  /** When timers fire: office hours, so the warning lands in a supervisor's morning. */
  static final LocalTime TIMER_TIME = LocalTime.of(8, 0);

  private final PrescriptionRepository repository;
  private final LegalEvents legalEvents;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;

  PrescriptionService(
      PrescriptionRepository repository, LegalEvents legalEvents, RuntimeService runtimeService, ManagementService managementService) {
    this.repository = repository;
    this.legalEvents = legalEvents;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    legalEvents.onChange(this::refresh);
  }

  /**
   * Recomputes, stores and pushes the case's prescription date to its process; empty when nothing
   * is owed any more (the stored date is then cleared and the process left alone).
   */
  public Optional<LocalDate> refresh(long caseId) {
    Optional<CaseHead> head = repository.head(caseId);
    if (head.isEmpty()) {
      return Optional.empty();
    }
    PrescriptionFacts facts = facts(head.get());
    Optional<LocalDate> date = facts.date();
    repository.store(caseId, date.orElse(null), facts.titleOn());
    String instance = head.get().processInstanceId();
    if (date.isPresent() && instance != null
        && runtimeService.createProcessInstanceQuery().processInstanceId(instance).active().count() > 0) {
      runtimeService.setVariables(instance, timerVariables(date.get()));
      for (String timer : List.of(TIMER_WARNING, TIMER_PRESCRIBED)) {
        for (Job job : managementService.createJobQuery().processInstanceId(instance).activityId(timer).list()) {
          managementService.recalculateJobDuedate(job.getId(), false);
        }
      }
    }
    return date;
  }

  public Optional<LocalDate> refresh(String caseReference) {
    return repository.caseId(caseReference).flatMap(this::refresh);
  }

  /** The last day the case's claim can be acted on, computed now (not the stored copy). */
  public Optional<LocalDate> date(String caseReference) {
    return repository.caseId(caseReference).flatMap(id -> repository.head(id)).flatMap(h -> facts(h).date());
  }

  /** Whether the case's claim is time-barred today: a prescribed claim cannot go to a legal step. */
  public boolean isPrescribed(String caseReference) {
    LocalDate today = CaseClock.today();
    return date(caseReference).map(today::isAfter).orElse(false);
  }

  /** The two timer variables for a case whose last day to act is {@code date}. */
  public static Map<String, Object> timerVariables(LocalDate date) {
    return Map.of(
        VAR_PRESCRIPTION_DATE, at(date.plusDays(1)),
        VAR_WARNING_AT, at(date.minusDays(Prescription.WARNING_DAYS)));
  }

  static Date at(LocalDate day) {
    return Date.from(day.atTime(TIMER_TIME).atZone(CaseClock.PARIS).toInstant());
  }

  private PrescriptionFacts facts(CaseHead head) {
    long caseId = head.id();
    List<LocalDate> interruptions = new ArrayList<>(repository.planDates(caseId));
    List<Suspension> suspensions = new ArrayList<>(repository.mediations(caseId));
    LocalDate titleOn = null;
    for (LegalEvents.LegalEvent event : legalEvents.of(caseId)) {
      switch (event.type().effect()) {
        case INTERRUPTS -> interruptions.add(event.occurredOn());
        case SUSPENDS -> suspensions.add(new Suspension(event.occurredOn(), event.endsOn()));
        case TITLE -> titleOn = titleOn == null || event.occurredOn().isAfter(titleOn) ? event.occurredOn() : titleOn;
        case NONE -> {}
      }
    }
    return new PrescriptionFacts(
        head.debtorType(),
        repository.unpaidInvoices(caseId),
        repository.paymentDatesByInvoice(caseId),
        interruptions,
        suspensions,
        titleOn,
        CaseClock.today());
  }
}

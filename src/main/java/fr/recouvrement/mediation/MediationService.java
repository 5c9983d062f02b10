package fr.recouvrement.mediation;

import fr.recouvrement.cases.CaseNotFoundException;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.PrescriptionService;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Records mediations. Prescription is suspended while one runs (C. civ. 2238): its start and end
 * dates are what a prescription computation reads.
 */
@Service
public class MediationService {
  private final MediationRepository repository;
  private final PrescriptionService prescription;

  MediationService(MediationRepository repository, PrescriptionService prescription) {
    this.repository = repository;
    this.prescription = prescription;
  }

  /**
   * Records the referral once per process instance (a retried step finds it) and returns its id.
   */
  public long start(
      String caseReference,
      String kind,
      String name,
      String reference,
      LocalDate referredOn,
      String processInstanceId,
      String by) {
    Optional<Long> known = repository.findByProcessInstance(processInstanceId);
    if (known.isPresent()) {
      return known.get();
    }
    long caseId =
        repository
            .caseId(caseReference)
            .orElseThrow(() -> new CaseNotFoundException(caseReference));
    long id =
        repository.insert(
            caseId,
            kind,
            name,
            reference,
            referredOn,
            CaseClock.today(),
            processInstanceId,
            by,
            CaseClock.now());
    // suspended from today (C. civ. 2238): the prescription timers move away
    prescription.refresh(caseId);
    return id;
  }

  /**
   * Records a dispute the consumer referred to the creditor's consumer mediator (only the consumer
   * may, C. consom. L612-1), once per process instance. Prescription is suspended from the day the
   * parties agreed to mediate — the consumer's referral accepted in writing by the creditor, so the
   * later of the two dates — or, failing a written agreement, from the first meeting; whichever of
   * these is known first (C. civ. 2238 al. 1). That day is the mediation's {@code startedOn}, which
   * prescription reads.
   */
  public long startConsumerReferral(
      String caseReference,
      String mediatorName,
      String mediatorReference,
      LocalDate referredOn,
      LocalDate creditorAgreedOn,
      LocalDate firstMeetingOn,
      String processInstanceId,
      String by) {
    Optional<Long> known = repository.findByProcessInstance(processInstanceId);
    if (known.isPresent()) {
      return known.get();
    }
    LocalDate suspendedFrom =
        suspensionStart(caseReference, referredOn, creditorAgreedOn, firstMeetingOn);
    long caseId =
        repository
            .caseId(caseReference)
            .orElseThrow(() -> new CaseNotFoundException(caseReference));
    long id =
        repository.insertConsumerReferral(
            caseId,
            mediatorName,
            mediatorReference,
            referredOn,
            creditorAgreedOn,
            firstMeetingOn,
            suspendedFrom,
            processInstanceId,
            by,
            CaseClock.now());
    prescription.refresh(caseId);
    return id;
  }

  /**
   * C. civ. 2238 al. 1: the agreement to mediate (referral and written acceptance), else the first
   * meeting.
   */
  static LocalDate suspensionStart(
      String caseReference,
      LocalDate referredOn,
      LocalDate creditorAgreedOn,
      LocalDate firstMeetingOn) {
    if (referredOn == null) {
      throw new IllegalArgumentException(
          "Case %s: the date the consumer referred the dispute to the mediator is required"
              .formatted(caseReference));
    }
    LocalDate today = CaseClock.today();
    for (LocalDate d : new LocalDate[] {referredOn, creditorAgreedOn, firstMeetingOn}) {
      if (d != null && d.isAfter(today)) {
        throw new IllegalArgumentException(
            "Case %s: a mediation date (%s) cannot be a day still to come"
                .formatted(caseReference, d));
      }
    }
    LocalDate agreement =
        creditorAgreedOn == null
            ? null
            : (creditorAgreedOn.isBefore(referredOn) ? referredOn : creditorAgreedOn);
    if (agreement == null && firstMeetingOn == null) {
      throw new IllegalArgumentException(
          ("Case %s: prescription is suspended from the written agreement to mediate or, failing one, from the first meeting"
                  + " (C. civ. 2238): record the day the creditor accepted the consumer's referral in writing, or the first meeting")
              .formatted(caseReference));
    }
    if (agreement == null) {
      return firstMeetingOn;
    }
    return firstMeetingOn != null && firstMeetingOn.isBefore(agreement)
        ? firstMeetingOn
        : agreement;
  }

  /** Ends the mediation today with its outcome; prescription runs again from tomorrow. */
  public void end(long mediationId, String outcome) {
    repository.end(mediationId, CaseClock.today(), outcome);
    // the clock runs again, with at least 6 months left (C. civ. 2238 al. 2)
    repository.caseOf(mediationId).ifPresent(prescription::refresh);
  }

  public Optional<Mediation> find(long id) {
    return repository.find(id);
  }

  /**
   * A mediation as the rest of the application sees it. {@code startedOn}: prescription is
   * suspended from that day (C. civ. 2238); {@code referredBy}: CONSUMER (the consumer referred it
   * to the creditor's consumer mediator) or CREDITOR.
   */
  public record Mediation(
      long id,
      String mediatorKind,
      String mediatorName,
      LocalDate startedOn,
      LocalDate endedOn,
      String outcome,
      String referredBy,
      LocalDate referredOn,
      LocalDate creditorAgreedOn,
      LocalDate firstMeetingOn) {}
}

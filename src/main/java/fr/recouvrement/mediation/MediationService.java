package fr.recouvrement.mediation;

import fr.recouvrement.cases.CaseClock;
import fr.recouvrement.cases.CaseNotFoundException;
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

  /** Records the referral once per process instance (a retried step finds it) and returns its id. */
  public long start(
      String caseReference, String kind, String name, String reference, LocalDate referredOn, String processInstanceId, String by) {
    Optional<Long> known = repository.findByProcessInstance(processInstanceId);
    if (known.isPresent()) {
      return known.get();
    }
    long caseId = repository.caseId(caseReference).orElseThrow(() -> new CaseNotFoundException(caseReference));
    long id = repository.insert(caseId, kind, name, reference, referredOn, CaseClock.today(), processInstanceId, by, CaseClock.now());
    // suspended from today (C. civ. 2238): the prescription timers move away
    prescription.refresh(caseId);
    return id;
  }

  /** Ends the mediation today with its outcome; prescription runs again from tomorrow. */
  public void end(long mediationId, String outcome) {
    repository.end(mediationId, CaseClock.today(), outcome);
    // the clock runs again, with at least 6 months left (C. civ. 2238 al. 2)
    repository.caseOf(mediationId).ifPresent(prescription::refresh);
  }

  public Optional<Mediation> find(long id) {
    return repository.find(id).map(r -> new Mediation(r.id(), r.mediatorKind(), r.mediatorName(), r.startedOn(), r.endedOn(), r.outcome()));
  }

  /** A mediation as the rest of the application sees it. */
  public record Mediation(long id, String mediatorKind, String mediatorName, LocalDate startedOn, LocalDate endedOn, String outcome) {}
}

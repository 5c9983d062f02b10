package fr.recouvrement.legal.bailiff;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.legal.bailiff.BailiffMissions.Mission;
import fr.recouvrement.money.AmountPursued;
import fr.recouvrement.security.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Demander la mission au commissaire de justice" (asyncBefore, retry cycle). Reads {@code
 * caseReference}, the local input {@code missionType} and, optionally, {@code bailiffInstructions};
 * sends the mission once ({@link BailiffMissions}); writes {@code bailiffMissionId} (our row id, as
 * a String, which the report callback is correlated on). A seizure's request is recorded in the
 * legal events; the measure itself (which interrupts prescription) is recorded with the bailiff's
 * report, at the act's date ({@link RecordBailiffReport}).
 */
@Component("requestBailiffMission")
class RequestBailiffMission implements JavaDelegate {
  private static final Logger log = LoggerFactory.getLogger(RequestBailiffMission.class);

  private final BailiffMissions missions;
  private final BailiffGateway gateway;
  private final CaseService cases;
  private final LegalEvents legalEvents;

  RequestBailiffMission(
      BailiffMissions missions,
      BailiffGateway gateway,
      CaseService cases,
      LegalEvents legalEvents) {
    this.missions = missions;
    this.gateway = gateway;
    this.cases = cases;
    this.legalEvents = legalEvents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    String reference = variables.caseReference();
    MissionType type = MissionType.parse(variables.optionalText("missionType").orElse(null));
    String actor = Actors.current(execution);
    String key = MissionType.stepKey(execution, reference, type);
    Mission mission = missions.begin(reference, type, key, MissionStatus.PENDING, actor);
    if (mission.status() == MissionStatus.PENDING) {
      send(mission, variables.optionalText("bailiffInstructions").orElse(null));
    } else {
      log.info("Bailiff mission {} already {}: not sent again", key, mission.status());
      missions.alreadyRequested(mission);
    }
    recordRequest(legalEvents, mission, "demandée au commissaire de justice", actor);
    execution.setVariable("bailiffMissionId", String.valueOf(mission.id()));
  }

  /**
   * A seizure's request, recorded with the job, so once per mission. It does not interrupt
   * prescription: the bailiff's act does (C. civ. 2244), dated by its report.
   */
  static void recordRequest(LegalEvents legalEvents, Mission mission, String how, String actor) {
    if (mission.type().seizure()) {
      legalEvents.record(
          mission.caseReference(),
          LegalEventType.ENFORCEMENT_REQUESTED,
          CaseClock.today(),
          "Mesure d'exécution %s %s (mission n° %d)".formatted(mission.type(), how, mission.id()),
          actor);
    }
  }

  /** The amount pursued (due, undisputed invoices), with its breakdown per invoice. */
  static BailiffGateway.Claim claim(AmountPursued.Statement pursued) {
    return new BailiffGateway.Claim(
        pursued.principal(),
        pursued.total(),
        "EUR",
        pursued.lines().stream()
            .map(
                l ->
                    new BailiffGateway.ClaimedInvoice(
                        l.number(),
                        l.dueDate().toString(),
                        l.principal(),
                        l.latePenalty(),
                        l.recoveryIndemnity(),
                        l.legalInterest(),
                        l.total()))
            .toList());
  }

  private void send(Mission mission, String instructions) {
    CaseView view = cases.get(mission.caseReference());
    CaseView.Debtor d = view.debtor();
    CaseView.Address a = d.address();
    BailiffGateway.Mission body =
        new BailiffGateway.Mission(
            mission.clientReference(),
            mission.type(),
            view.reference(),
            new BailiffGateway.Debtor(
                d.name(),
                d.type().name(),
                d.siren(),
                a == null
                    ? null
                    : new BailiffGateway.Address(
                        a.line1(),
                        a.postalCode(),
                        a.city(),
                        a.country() == null ? "FR" : a.country())),
            claim(view.amountPursued()),
            new BailiffGateway.Measure(
                missions.enforceableTitleOn(view.reference()).map(Object::toString).orElse(null),
                instructions));
    String providerId;
    try {
      providerId = gateway.requestMission(body);
    } catch (RuntimeException e) {
      missions.failed(mission.id(), e);
      throw e;
    }
    if (!missions.requested(mission.id(), providerId)) {
      // the case's missions were withdrawn (insolvency) while this one was on its way: stop it too
      log.warn(
          "Bailiff mission {} was withdrawn while being requested: withdrawing {} at the provider",
          mission.id(),
          providerId);
      gateway.withdraw(
          providerId,
          mission.clientReference() + "/withdrawal",
          WithdrawBailiffMissions.DEFAULT_REASON);
    }
  }
}

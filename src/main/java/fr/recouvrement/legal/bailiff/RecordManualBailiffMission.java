package fr.recouvrement.legal.bailiff;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.legal.bailiff.BailiffMissions.Mission;
import fr.recouvrement.security.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After the collector handed the file over to a commissaire de justice by hand (no API): records
 * the mission MANUAL. Reads {@code caseReference} and the local input {@code missionType}; writes
 * {@code bailiffMissionId}. A seizure's request is recorded, as on the API path; its report records
 * the measure.
 */
@Component("recordManualBailiffMission")
class RecordManualBailiffMission implements JavaDelegate {
  private final BailiffMissions missions;
  private final LegalEvents legalEvents;

  RecordManualBailiffMission(BailiffMissions missions, LegalEvents legalEvents) {
    this.missions = missions;
    this.legalEvents = legalEvents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = StepVariables.of(execution).caseReference();
    MissionType type =
        MissionType.parse(StepVariables.of(execution).optionalText("missionType").orElse(null));
    String actor = Actors.current(execution);
    Mission mission =
        missions.begin(
            reference,
            type,
            MissionType.stepKey(execution, reference, type),
            MissionStatus.MANUAL,
            actor);
    RequestBailiffMission.recordRequest(
        legalEvents, mission, "confiée au commissaire de justice (remise manuelle)", actor);
    execution.setVariable("bailiffMissionId", String.valueOf(mission.id()));
  }
}

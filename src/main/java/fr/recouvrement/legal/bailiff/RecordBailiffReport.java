package fr.recouvrement.legal.bailiff;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.legal.LegalEventType;
import fr.recouvrement.legal.LegalEvents;
import fr.recouvrement.legal.bailiff.BailiffMissions.Mission;
import fr.recouvrement.money.CaseCosts;
import fr.recouvrement.security.Actors;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer le compte rendu du commissaire de justice", right after the report (the {@code
 * BailiffReport} message, or the collector's form). Reads {@code bailiffMissionId}, {@code
 * bailiffOutcome} (one of the mission type's outcomes, see {@link MissionType}), {@code
 * bailiffReportedOn} (ISO date, default today), {@code bailiffFee} and {@code
 * bailiffAmountRecovered} (numbers, default 0); marks the mission REPORTED and records the fee as a
 * BAILIFF_FEE cost of the case, once ("mission-&lt;id&gt;"). The amount recovered is informational:
 * the money arrives as a payment of the case, never recorded from here.
 *
 * <p>The report of a seizure records the enforcement measure at the date of the act it reports:
 * that act, not the request to the bailiff, interrupts prescription (C. civ. 2244). A seizure that
 * found nothing (FAILED) was still carried out by the bailiff (a procès-verbal of an attempted
 * seizure or of nothing to seize, an attachment served on a bank with no funds) and counts as such
 * an act.
 */
@Component("recordBailiffReport")
class RecordBailiffReport implements JavaDelegate {
  static final String FEE_KIND = "BAILIFF_FEE";

  private final BailiffMissions missions;
  private final CaseCosts costs;
  private final LegalEvents legalEvents;

  RecordBailiffReport(BailiffMissions missions, CaseCosts costs, LegalEvents legalEvents) {
    this.missions = missions;
    this.costs = costs;
    this.legalEvents = legalEvents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    String missionId = variables.text("bailiffMissionId");
    Mission mission;
    try {
      mission =
          missions
              .byId(Long.parseLong(missionId))
              .orElseThrow(() -> new IllegalStateException("No bailiff mission " + missionId));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Process variable 'bailiffMissionId' is not a mission id: '" + missionId + "'");
    }
    String outcome = variables.text("bailiffOutcome");
    if (!mission.type().accepts(outcome)) {
      throw new IllegalArgumentException(
          "bailiffOutcome '%s' does not fit a %s mission; expected one of %s"
              .formatted(outcome, mission.type(), mission.type().outcomes()));
    }
    LocalDate reportedOn = variables.optionalDate("bailiffReportedOn").orElseGet(CaseClock::today);
    BigDecimal fee = variables.optionalAmount("bailiffFee").orElse(BigDecimal.ZERO.setScale(2));
    BigDecimal recovered =
        variables.optionalAmount("bailiffAmountRecovered").orElse(BigDecimal.ZERO.setScale(2));
    missions.reported(mission.id(), outcome, recovered);
    if (mission.type().seizure()) {
      legalEvents.record(
          mission.caseId(),
          LegalEventType.ENFORCEMENT_MEASURE,
          reportedOn,
          null,
          "Acte d'exécution %s du %s, résultat %s (mission n° %d)"
              .formatted(mission.type(), reportedOn, outcome, mission.id()),
          Actors.current(execution));
    }
    if (fee.signum() > 0) {
      costs.record(
          mission.caseId(),
          FEE_KIND,
          fee,
          reportedOn,
          "mission-" + mission.id(),
          Actors.current(execution));
    }
  }
}

package fr.recouvrement.legal.bailiff;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.legal.bailiff.BailiffMissions.Mission;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Insolvency: stops every open mission of the case (asyncBefore, retry cycle). Reads {@code
 * caseReference} and, optionally, {@code withdrawalReason}. A mission the provider has is withdrawn
 * through the API (idempotent: a retry asks again for those not yet marked); each is marked
 * WITHDRAWN as soon as it is stopped. Missions handed over by hand, and PENDING ones the provider
 * never confirmed, are marked too (with the job, so that a retry lists them again), and listed for
 * the collector, who tells the commissaire de justice. Writes {@code bailiffMissionsWithdrawn}
 * (Integer: how many this step stopped; a retry counts only those left after a failed attempt) and
 * {@code bailiffManualMissions} (String, "n° 12 BANK_SEIZURE, …", empty when none).
 */
@Component("withdrawBailiffMissions")
class WithdrawBailiffMissions implements JavaDelegate {
  static final String DEFAULT_REASON =
      "Procédure collective ouverte contre le débiteur : arrêt des poursuites individuelles (C. com. L622-21)";

  private final BailiffMissions missions;
  private final BailiffGateway gateway;

  WithdrawBailiffMissions(BailiffMissions missions, BailiffGateway gateway) {
    this.missions = missions;
    this.gateway = gateway;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = StepVariables.of(execution).caseReference();
    String reason = StepVariables.of(execution).optionalText("withdrawalReason").orElse(null);
    reason = reason == null ? DEFAULT_REASON : reason;
    int withdrawn = 0;
    List<String> byHand = new ArrayList<>();
    for (Mission m : missions.ofCase(reference)) {
      if (!m.status().open()) {
        continue;
      }
      if (m.status() != MissionStatus.MANUAL && m.providerMissionId() != null) {
        gateway.withdraw(m.providerMissionId(), m.clientReference() + "/withdrawal", reason);
        missions.withdrawn(m.id(), null, true);
      } else {
        missions.withdrawn(
            m.id(),
            m.status() == MissionStatus.MANUAL
                ? "Remise manuelle : prévenir le commissaire de justice"
                : "Jamais confirmée par le prestataire : vérifier auprès du commissaire de justice",
            false);
        byHand.add("n° %d %s".formatted(m.id(), m.type()));
      }
      withdrawn++;
    }
    execution.setVariable("bailiffMissionsWithdrawn", withdrawn);
    execution.setVariable("bailiffManualMissions", String.join(", ", byHand));
  }
}

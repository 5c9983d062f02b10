package fr.recouvrement.legal.court;

import fr.recouvrement.legal.TestLegalDeadlines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the court models' beans in Spring-free process tests: the bailiff gateway and its
 * delegates (helper A's) and {@code recordLegalEvent} become recorders; {@code courtDates} and
 * {@code legalDeadlines} (reading the deployed legal-deadlines table) are the real ones.
 */
public final class CourtMocks {
  /** What the engine sees as {@code bailiffGateway}. */
  public static final class Gateway {
    private final boolean configured;

    Gateway(boolean configured) {
      this.configured = configured;
    }

    public boolean isConfigured() {
      return configured;
    }
  }

  /**
   * Calls to the bailiff delegates, in order: "requestBailiffMission:SERVICE",
   * "recordBailiffReport:SERVED:2026-04-10".
   */
  final List<String> bailiff = new ArrayList<>();

  /** Legal events recorded, in order: "TYPE:occurredOn[:endsOn][:costKind=amount]". */
  final List<String> events = new ArrayList<>();

  private int missions;

  CourtMocks(ProcessEngine engine, boolean bailiffConfigured) {
    Mocks.reset();
    Mocks.register("bailiffGateway", new Gateway(bailiffConfigured));
    Mocks.register("courtDates", new CourtDates());
    Mocks.register("legalDeadlines", TestLegalDeadlines.on(engine));
    Mocks.register(
        "requestBailiffMission", (JavaDelegate) e -> mission(e, "requestBailiffMission"));
    Mocks.register(
        "recordManualBailiffMission", (JavaDelegate) e -> mission(e, "recordManualBailiffMission"));
    Mocks.register(
        "recordBailiffReport",
        (JavaDelegate)
            e ->
                bailiff.add(
                    "recordBailiffReport:"
                        + e.getVariable("bailiffOutcome")
                        + ":"
                        + e.getVariable("bailiffReportedOn")));
    Mocks.register("recordLegalEvent", (JavaDelegate) this::legalEvent);
  }

  private void mission(DelegateExecution e, String delegate) {
    bailiff.add(delegate + ":" + e.getVariable("missionType"));
    e.setVariable("bailiffMissionId", String.valueOf(++missions));
  }

  private void legalEvent(DelegateExecution e) {
    StringBuilder line =
        new StringBuilder(
            e.getVariable("legalEvent")
                + ":"
                + CourtDates.day(
                    e.getVariable("legalEventDate") == null
                        ? new CourtDates().today()
                        : e.getVariable("legalEventDate")));
    if (e.getVariable("legalEventEndsOn") != null) {
      line.append(":").append(CourtDates.day(e.getVariable("legalEventEndsOn")));
    }
    Object amount = e.getVariable("costAmount");
    if (e.getVariable("costKind") != null
        && amount != null
        && ((Number) amount).doubleValue() > 0) {
      line.append(":").append(e.getVariable("costKind")).append("=").append(amount);
    }
    events.add(line.toString());
  }

  /** The bailiff's report arriving through the callback, for the mission last requested. */
  static void report(ProcessEngine engine, String missionId, Map<String, Object> report) {
    engine
        .getRuntimeService()
        .createMessageCorrelation("BailiffReport")
        .processInstanceVariableEquals("bailiffMissionId", missionId)
        .setVariables(report)
        .correlate();
  }

  /** A report as the callback brings it; a service is said to have been made to the person. */
  static Map<String, Object> report(String outcome, String on) {
    return report(outcome, on, true);
  }

  static Map<String, Object> report(String outcome, String on, boolean servedToPerson) {
    return Map.of(
        "bailiffOutcome",
        outcome,
        "bailiffReportedOn",
        on,
        "bailiffFee",
        45.0,
        "bailiffAmountRecovered",
        0.0,
        "bailiffDetails",
        "compte rendu",
        "servedToPerson",
        servedToPerson);
  }
}

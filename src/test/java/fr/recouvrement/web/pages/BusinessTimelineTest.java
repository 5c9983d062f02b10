package fr.recouvrement.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.audit.TimelineEvent;
import fr.recouvrement.cases.CaseStatus;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.dispute.DisputeCategory;
import fr.recouvrement.dispute.DisputeView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The case's story in the case page: what a collector or an auditor reads before the engine's
 * steps.
 */
class BusinessTimelineTest {
  static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  @Test
  void aDecisionReadsAsOneLineWithTheReasonItsTableGives() {
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("ruleId", "Rule_HighStakesBusiness");
    output.put("name", "Segment");
    output.put("variable", "segment");
    output.put("value", "GROS_ENJEU");
    Map<String, Object> strategy = new LinkedHashMap<>(output);
    strategy.put("name", "Stratégie");
    strategy.put("variable", "strategy");
    strategy.put("value", "Encours important");
    TimelineEvent decision =
        event(
            T0,
            "DECISION",
            "system",
            Map.of(
                "decisionKey",
                "debtor-segment",
                "decisionDefinitionId",
                "debtor-segment:1:abc",
                "outputs",
                List.of(output, strategy)));

    List<BusinessTimeline.Line> lines =
        BusinessTimeline.of(
            List.of(decision),
            view(List.of()),
            List.of(),
            (definition, rule) ->
                definition.equals("debtor-segment:1:abc") && rule.equals("Rule_HighStakesBusiness")
                    ? Optional.of("Professionnel, 10 000 € ou plus.")
                    : Optional.empty());

    assertThat(lines)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.kind()).isEqualTo("Décision");
              assertThat(l.text())
                  .isEqualTo(
                      "Segment : Gros enjeu (GROS_ENJEU) car professionnel, 10 000 € ou plus. (table debtor-segment)");
            });
  }

  @Test
  void theEscalationDiagramReadsAsOneLinePerDecisionEachWithItsReasonAndItsCodesInFrench() {
    TimelineEvent prospect =
        decisionEvent(
            "procedure-prospect",
            "Rule_Worthwhile",
            "Ce que la procédure peut rapporter",
            "procedureProspect",
            "WORTHWHILE");
    TimelineEvent escalation =
        decisionEvent(
            "escalation", "Rule_AmicableNotExhausted", "Décision", "decision", "CONTINUE_AMICABLE");
    Map<String, String> annotations =
        Map.of(
            "Rule_Worthwhile", "Par défaut : gain net attendu positif ou nul.",
            "Rule_AmicableNotExhausted", "Relance amiable en cours.");

    List<BusinessTimeline.Line> lines =
        BusinessTimeline.of(
            List.of(prospect, escalation),
            view(List.of()),
            List.of(),
            (definition, rule) -> Optional.ofNullable(annotations.get(rule)));

    assertThat(lines)
        .extracting(BusinessTimeline.Line::text)
        .containsExactly(
            "Ce que la procédure peut rapporter : Rentable (WORTHWHILE) car par défaut : gain net"
                + " attendu positif ou nul. (table procedure-prospect)",
            "Décision : Poursuivre l'amiable (CONTINUE_AMICABLE) car relance amiable en cours."
                + " (table escalation)");
  }

  private static TimelineEvent decisionEvent(
      String key, String ruleId, String label, String variable, String value) {
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("ruleId", ruleId);
    output.put("name", label);
    output.put("variable", variable);
    output.put("value", value);
    return event(
        T0,
        "DECISION",
        "system",
        Map.of(
            "decisionKey", key, "decisionDefinitionId", key + ":1:x", "outputs", List.of(output)));
  }

  @Test
  void theEnginesStepsStayInTheTechnicalViewAndWhatPeopleDidShowsWithWhoDidIt() {
    List<TimelineEvent> events =
        List.of(
            event(T0, "PROCESS_STARTED", "system", Map.of()),
            event(
                T0.plusSeconds(1),
                "ACTIVITY",
                "system",
                Map.of("activityId", "Task_SendReminderEmail")),
            event(T0.plusSeconds(2), "PHASE_CHANGED", "system", Map.of("status", "AMICABLE")),
            event(
                T0.plusSeconds(3),
                "COMMUNICATION",
                "system",
                Map.of(
                    "communicationId",
                    42L,
                    "channel",
                    "EMAIL",
                    "template",
                    "relance-courtoise",
                    "status",
                    "SENT")),
            event(
                T0.plusSeconds(4),
                "TASK_COMPLETED",
                "tcollector",
                Map.of(
                    "taskName",
                    "Appeler le débiteur",
                    "formData",
                    Map.of("callOutcome", "PROMISE"))),
            event(
                T0.plusSeconds(6),
                "PAYMENT",
                "api-client",
                Map.of(
                    "amount",
                    new BigDecimal("450.00"),
                    "paidOn",
                    "2026-12-10",
                    "reference",
                    "VIR-1")));
    DisputeView dispute =
        new DisputeView(
            7,
            "DOS-1",
            DisputeCategory.TECHNICAL,
            "Livraison incomplète",
            "OPEN",
            List.of("F-1"),
            new BigDecimal("100.00"),
            null,
            null,
            null,
            null,
            T0.plusSeconds(5),
            "admin",
            null);

    List<BusinessTimeline.Line> lines =
        BusinessTimeline.of(
            events, view(List.of(promise())), List.of(dispute), (d, r) -> Optional.empty());

    assertThat(lines)
        .extracting(BusinessTimeline.Line::kind)
        .containsExactly("Phase", "Message", "Tâche faite", "Promesse", "Contestation", "Paiement");
    assertThat(lines.get(0).text()).isEqualTo("Dossier ouvert en phase « Amiable »");
    assertThat(lines.get(1).text()).isEqualTo("Courriel « Relance courtoise » : envoyé");
    assertThat(lines.get(1).link()).isEqualTo("/app/communications/42");
    assertThat(lines.get(2).text()).isEqualTo("Appeler le débiteur : promesse de paiement");
    assertThat(lines.get(2).actor()).isEqualTo("tcollector");
    assertThat(lines.get(3).text())
        .isEqualTo("Promesse de paiement : 450,00\u00a0€ pour le 10/12/2026 — en attente");
    // the dispute is credited to the user who raised it, with what it is about
    assertThat(lines.get(4).actor()).isEqualTo("admin");
    assertThat(lines.get(4).text())
        .isEqualTo(
            "Contestation ouverte : Technique (prestation), factures F-1 — « Livraison incomplète »");
    assertThat(lines.get(5).text())
        .isEqualTo("Paiement reçu : 450,00\u00a0€ le 10/12/2026 (réf. VIR-1)");
  }

  @Test
  void aCodeReadsAsItsFrenchLabelAndTheTaskPrioritysPointsStayInTheTechnicalView() {
    Map<String, Object> action = new LinkedHashMap<>();
    action.put("ruleId", "Rule_Day15");
    action.put("name", "Action");
    action.put("variable", "action");
    action.put("value", "PHONE_CALL");
    TimelineEvent cadence =
        event(
            T0,
            "DECISION",
            "system",
            Map.of(
                "decisionKey",
                "reminder-cadence",
                "decisionDefinitionId",
                "reminder-cadence:1:x",
                "outputs",
                List.of(action)));
    Map<String, Object> points = new LinkedHashMap<>(action);
    points.put("name", "Points de priorité");
    points.put("value", 15);
    TimelineEvent priority =
        event(
            T0,
            "DECISION",
            "system",
            Map.of(
                "decisionKey",
                "task-priority",
                "decisionDefinitionId",
                "task-priority:1:x",
                "outputs",
                List.of(points),
                "collectResultValue",
                20));

    List<BusinessTimeline.Line> lines =
        BusinessTimeline.of(
            List.of(cadence, priority),
            view(List.of()),
            List.of(),
            (d, r) -> Optional.of("J+15 : appel d'un chargé."));

    assertThat(lines)
        .extracting(BusinessTimeline.Line::text)
        .containsExactly(
            "Action : Appel téléphonique (PHONE_CALL) car j+15 : appel d'un chargé. (table reminder-cadence)");
  }

  private static TimelineEvent event(
      Instant at, String type, String actor, Map<String, Object> details) {
    return new TimelineEvent(at, type, type, actor, details);
  }

  /** The promise the call recorded, a millisecond after the call's completion. */
  private static CaseView.Promise promise() {
    return new CaseView.Promise(
        LocalDate.parse("2026-12-10"),
        new BigDecimal("450.00"),
        CaseView.PromiseStatus.PENDING,
        T0.plusSeconds(4).plusMillis(1),
        "tcollector");
  }

  private static CaseView view(List<CaseView.Promise> promises) {
    return new CaseView(
        "DOS-1",
        CaseStatus.AMICABLE,
        "PONCTUEL",
        BigDecimal.TEN,
        BigDecimal.TEN,
        BigDecimal.ZERO,
        null,
        List.of(),
        List.of(),
        promises,
        null,
        null,
        T0,
        null,
        null,
        null,
        BigDecimal.ZERO,
        null);
  }
}

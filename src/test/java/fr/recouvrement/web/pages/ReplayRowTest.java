package fr.recouvrement.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.audit.DecisionReplayReport.Decision;
import fr.recouvrement.audit.DecisionReplayReport.RuleOutputs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the replay page marks: an output whose value is not the one recorded when the decision was
 * taken.
 */
class ReplayRowTest {

  @Test
  void anOutputTheCurrentTableDecidesOtherwiseIsMarkedAndOnlyThatOne() {
    // recorded GROS_ENJEU with 3 days; the same version again says the same; today's table says
    // STANDARD, 3 days
    Decision d =
        decision(
            List.of(new RuleOutputs("Rule_Big", Map.of("segment", "GROS_ENJEU", "delayDays", 3))),
            List.of(Map.of("segment", "GROS_ENJEU", "delayDays", 3)),
            List.of(Map.of("segment", "STANDARD", "delayDays", 3L)));

    List<AuditPages.OutputLine> lines = AuditPages.ReplayRow.of(d).outputs();

    assertThat(lines)
        .extracting(AuditPages.OutputLine::name)
        .containsExactly("delayDays", "segment");
    AuditPages.OutputLine delay = lines.get(0);
    AuditPages.OutputLine segment = lines.get(1);
    assertThat(segment.then()).isEqualTo("GROS_ENJEU");
    assertThat(segment.replayedDiffers()).isFalse();
    assertThat(segment.current()).isEqualTo("STANDARD");
    assertThat(segment.currentDiffers()).isTrue();
    // 3 as an Integer then and 3 as a Long now is the same number
    assertThat(delay.currentDiffers()).isFalse();
    assertThat(delay.replayedDiffers()).isFalse();
  }

  @Test
  void aRuleThatNoLongerMatchesMarksEveryOutputItHad() {
    Decision d =
        decision(
            List.of(new RuleOutputs("Rule_Big", Map.of("segment", "GROS_ENJEU"))),
            List.of(Map.of("segment", "GROS_ENJEU")),
            List.of());

    AuditPages.OutputLine segment = AuditPages.ReplayRow.of(d).outputs().get(0);

    assertThat(segment.current()).isNull();
    assertThat(segment.currentDiffers()).isTrue();
    assertThat(segment.replayedDiffers()).isFalse();
  }

  private static Decision decision(
      List<RuleOutputs> recorded,
      List<Map<String, Object>> replayed,
      List<Map<String, Object>> latest) {
    return new Decision(
        "di-1",
        "debtor-segment",
        "Segment du débiteur",
        "debtor-segment:1:x",
        1,
        Instant.parse("2026-03-02T08:00:00Z"),
        "collection-case",
        "pi-1",
        "Task_SegmentDebtor",
        Map.of("Solde dû (€)", 12000),
        recorded,
        replayed,
        true,
        null,
        2,
        latest,
        false,
        null);
  }
}

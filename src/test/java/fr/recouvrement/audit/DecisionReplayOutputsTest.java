package fr.recouvrement.audit;

import static fr.recouvrement.audit.DecisionReplayService.sameOutputs;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a replay says "same": the comparison of recorded and replayed outputs. */
class DecisionReplayOutputsTest {
  @Test
  void numbersCompareByValueWhateverTheirJavaType() {
    assertThat(sameOutputs(List.of(Map.of("delayDays", 15)), List.of(Map.of("delayDays", 15L))))
        .isTrue();
    assertThat(
            sameOutputs(
                List.of(Map.of("rate", 0.5)), List.of(Map.of("rate", new BigDecimal("0.50")))))
        .isTrue();
    assertThat(sameOutputs(List.of(Map.of("rate", 0.5)), List.of(Map.of("rate", 0.6)))).isFalse();
  }

  @Test
  void anEmptyOutputIsTheSameAsAnAbsentOne() {
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("segment", "PONCTUEL");
    withNull.put("comment", null);

    assertThat(sameOutputs(List.of(withNull), List.of(Map.of("segment", "PONCTUEL")))).isTrue();
  }

  @Test
  void anotherValueAnotherRuleCountOrNoReplayIsADifference() {
    assertThat(
            sameOutputs(
                List.of(Map.of("segment", "PONCTUEL")), List.of(Map.of("segment", "RECALCITRANT"))))
        .isFalse();
    assertThat(sameOutputs(List.of(Map.of("segment", "PONCTUEL")), List.of())).isFalse();
    assertThat(sameOutputs(List.of(Map.of("segment", "PONCTUEL")), null)).isFalse();
    assertThat(sameOutputs(List.of(), List.of())).isTrue();
  }
}

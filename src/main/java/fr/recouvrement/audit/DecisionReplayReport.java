package fr.recouvrement.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /api/cases/{reference}/decisions} answers: every decision the case's processes
 * took, the inputs and outputs recorded at the time, and the same decision version evaluated again
 * with those inputs. {@code latest*} fields appear only when the latest version was asked for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionReplayReport(
    String caseReference,
    int total,
    int same,
    int different,
    Integer sameAsLatest,
    Integer differentFromLatest,
    List<Decision> decisions) {

  /** One historic decision instance and its replay. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Decision(
      String decisionInstanceId,
      String decisionKey,
      String decisionName,
      String decisionDefinitionId,
      int version,
      Instant evaluatedAt,
      String processDefinitionKey,
      String processInstanceId,
      String activityId,
      /** input label (as the table shows it) → value recorded when the decision was taken */
      Map<String, Object> inputs,
      List<RuleOutputs> recordedOutputs,
      List<Map<String, Object>> replayedOutputs,
      boolean same,
      /**
       * why the replay could not run (an input it needs was not recorded, say); then same is false
       */
      String replayError,
      Integer latestVersion,
      List<Map<String, Object>> latestOutputs,
      Boolean sameAsLatest,
      String latestError) {}

  /** The outputs of one matched rule, as recorded. */
  public record RuleOutputs(String ruleId, Map<String, Object> outputs) {}
}

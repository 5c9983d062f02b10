package fr.recouvrement.audit;

import java.util.List;

/**
 * Every event of a case, oldest first (Camunda history of every process of the case, and our
 * records).
 */
public interface CaseTimeline {
  /**
   * @throws fr.recouvrement.cases.CaseNotFoundException for an unknown reference
   */
  List<TimelineEvent> of(String caseReference);
}

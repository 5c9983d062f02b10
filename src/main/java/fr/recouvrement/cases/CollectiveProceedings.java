package fr.recouvrement.cases;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the insolvency package tells the case about a procédure collective recorded on it: the date
 * of the opening judgment, from which the debtor may no longer pay the claims born before it (C.
 * com. L622-7) and late penalties stop (L622-28).
 */
public interface CollectiveProceedings {
  Optional<LocalDate> openingJudgment(long caseId);

  /**
   * The earliest opening judgment recorded on any case of this case's debtor: a claim born before
   * it, even one added later to a case of its own, may not be paid by the debtor (L622-7).
   */
  Optional<LocalDate> debtorOpeningJudgment(long caseId);

  /**
   * A case opened for invoices that arrived after the opening judgment but were issued before it:
   * those claims are under the same procédure collective (no individual action, L622-21; declared
   * too). Records the procedure on the new case and tells its process, as the insolvency API does.
   */
  void extendToLaterCase(
      long newCaseId, String newReference, String processInstanceId, String actor);

  /** The opening judgments of those of these cases that have one, in one query. */
  Map<Long, LocalDate> openingJudgments(Collection<Long> caseIds);
}

package fr.recouvrement.cases;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the insolvency package tells the case about a procédure collective recorded on it: the date
 * of the opening judgment, from which the debtor may no longer pay the claims born before it (C. com.
 * L622-7) and late penalties stop (L622-28).
 */
public interface CollectiveProceedings {
  Optional<LocalDate> openingJudgment(long caseId);

  /**
   * The earliest opening judgment recorded on any case of this case's debtor: a claim born before
   * it, even one added later to a case of its own, may not be paid by the debtor (L622-7).
   */
  Optional<LocalDate> debtorOpeningJudgment(long caseId);

  /** The opening judgments of those of these cases that have one, in one query. */
  Map<Long, LocalDate> openingJudgments(Collection<Long> caseIds);
}

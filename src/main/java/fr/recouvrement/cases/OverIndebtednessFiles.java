package fr.recouvrement.cases;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the over-indebtedness package tells the case: while the commission decides on an admissible
 * file, the debtor may not pay a debt born before the admissibility (C. consom. L722-5).
 */
public interface OverIndebtednessFiles {
  /** The admissibility date of a file on this case still waiting for its outcome. */
  Optional<LocalDate> pendingAdmissibility(long caseId);
}

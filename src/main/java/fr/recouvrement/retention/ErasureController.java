package fr.recouvrement.retention;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/debtors/{externalId}} (camunda-admin only): a debtor's erasure request.
 * Answers what was anonymised now and what the law requires to keep, until when and why.
 */
@RestController
class ErasureController {
  private final DataRetention retention;

  ErasureController(DataRetention retention) {
    this.retention = retention;
  }

  @DeleteMapping("/api/debtors/{externalId}")
  ResponseEntity<?> erase(@PathVariable String externalId) {
    DataRetention.Erasure erasure = retention.erase(externalId);
    if (erasure == null) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.NOT_FOUND, "No debtor with this external id is known.");
      problem.setTitle("Debtor not found");
      problem.setType(URI.create("https://recouvrement.fr/problems/debtor-not-found"));
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
    return ResponseEntity.ok(erasure);
  }
}

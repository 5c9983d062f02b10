package fr.recouvrement.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/cases/{reference}/decisions?latest=true|false}: readable by every group. */
@RestController
class DecisionReplayController {
  private final DecisionReplayService replay;

  DecisionReplayController(DecisionReplayService replay) {
    this.replay = replay;
  }

  @GetMapping("/api/cases/{reference}/decisions")
  DecisionReplayReport decisions(
      @PathVariable String reference, @RequestParam(defaultValue = "false") boolean latest) {
    return replay.replay(reference, latest);
  }
}

package fr.recouvrement.legal.overindebtedness;

import java.net.URI;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases/{reference}/over-indebtedness")
class OverIndebtednessController {
  private final OverIndebtednessService files;

  OverIndebtednessController(OverIndebtednessService files) {
    this.files = files;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<OverIndebtednessView> admit(
      @PathVariable String reference,
      @RequestBody OverIndebtednessRequest request,
      Principal principal) {
    OverIndebtednessView view = files.admit(reference, request, actor(principal));
    return ResponseEntity.created(URI.create("/api/cases/" + reference)).body(view);
  }

  @PostMapping(path = "/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
  OverIndebtednessView outcome(
      @PathVariable String reference, @RequestBody OutcomeRequest request, Principal principal) {
    return files.decide(reference, request, actor(principal));
  }

  private static String actor(Principal principal) {
    return principal == null ? "system" : principal.getName();
  }
}

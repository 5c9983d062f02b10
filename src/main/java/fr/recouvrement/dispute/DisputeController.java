package fr.recouvrement.dispute;

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
@RequestMapping("/api/cases/{reference}/disputes")
class DisputeController {
  private final DisputeService disputes;

  DisputeController(DisputeService disputes) {
    this.disputes = disputes;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<DisputeView> raise(
      @PathVariable String reference, @RequestBody DisputeRequest request, Principal principal) {
    DisputeView dispute =
        disputes.raise(reference, request, principal == null ? "system" : principal.getName());
    return ResponseEntity.created(
            URI.create("/api/cases/" + reference + "/disputes/" + dispute.id()))
        .body(dispute);
  }
}

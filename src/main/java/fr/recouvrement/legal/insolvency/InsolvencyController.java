package fr.recouvrement.legal.insolvency;

import java.net.URI;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases/{reference}/insolvency")
class InsolvencyController {
  private final InsolvencyService insolvencies;

  InsolvencyController(InsolvencyService insolvencies) {
    this.insolvencies = insolvencies;
  }

  /**
   * The proceeding recorded on the case and the claim to declare, frozen at the opening judgment
   * (L622-28).
   */
  @GetMapping
  InsolvencyService.Recorded get(@PathVariable String reference) {
    return insolvencies.find(reference);
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<InsolvencyView> open(
      @PathVariable String reference, @RequestBody InsolvencyRequest request, Principal principal) {
    InsolvencyView view =
        insolvencies.open(reference, request, principal == null ? "system" : principal.getName());
    return ResponseEntity.created(URI.create("/api/cases/" + reference)).body(view);
  }
}
